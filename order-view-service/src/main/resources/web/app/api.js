// The shop's REST API through the gateway: JSON in, JSON or RFC 9457 problems out.
import { currentUser, signOut } from './session.js';

/** A refusal the shop explained: the problem's fields, its HTTP status, and Retry-After in seconds if given. */
export class ProblemError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export async function call(method, path, { body, headers = {} } = {}) {
  const user = currentUser();
  const response = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(user ? { Authorization: `Bearer ${user.token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401 && user) {
    signOut(); // the token expired or the issuer's key changed: sign in again
  }
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) {
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    throw new ProblemError(response.status, json ?? { title: response.statusText }, Number.isNaN(retryAfter) ? null : retryAfter);
  }
  return { body: json, total: Number.parseInt(response.headers.get('X-Total-Count') ?? '', 10) };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

export const get = (path) => call('GET', path).then((answer) => answer.body);
export const post = (path, body, headers) => call('POST', path, { body, headers }).then((answer) => answer.body);
export const put = (path, body) => call('PUT', path, { body }).then((answer) => answer.body);

/**
 * Follows a server-sent event stream with the bearer token in the Authorization header. A browser's EventSource
 * cannot send that header, and a token in the URL would end up in logs, so the stream is read with fetch; it
 * reconnects after a pause when the stream ends or fails (after the answer's Retry-After when it was refused: the
 * buyer holds as many streams open as one may, in other tabs). The stream carries changes only: onOpen runs at each
 * (re)connection, for the page to read what changed while it was not connected. Answers a function that stops it.
 */
export function follow(path, onData, onOpen = () => {}) {
  const controller = new AbortController();
  let stopped = false;
  const run = async () => {
    while (!stopped) {
      let pause = 2000;
      try {
        const user = currentUser();
        const response = await fetch(path, {
          headers: { Accept: 'text/event-stream', ...(user ? { Authorization: `Bearer ${user.token}` } : {}) },
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) {
          return;
        }
        if (response.ok) {
          onOpen();
          await readEvents(response.body, onData);
        } else {
          const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
          pause = Number.isNaN(retryAfter) ? pause : retryAfter * 1000;
        }
      } catch (failure) {
        if (stopped) {
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  };
  run();
  return () => {
    stopped = true;
    controller.abort();
  };
}

async function readEvents(stream, onData) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const data = event.split(/\r?\n/).filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n');
      if (data) {
        onData(JSON.parse(data));
      }
    }
  }
}
