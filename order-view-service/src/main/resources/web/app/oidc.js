// Signing in with an OIDC provider (on Kubernetes): the authorization code flow with PKCE, as a public client.
// The verifier never leaves this tab until the code is exchanged; the state ties the answer to this request.
import { signIn } from './session.js';

const PENDING = 'shop.oidc.pending';

let settings;

/** The deployment's sign-in settings (GET /static/config.json): {localSignIn, oidc: {issuer, clientId, scope}}. */
export async function signInSettings() {
  if (!settings) {
    settings = fetch('/static/config.json').then((r) => (r.ok ? r.json() : { localSignIn: true, oidc: null }))
      .catch(() => ({ localSignIn: true, oidc: null }));
  }
  return settings;
}

async function discovery(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`The sign-in provider answered ${response.status}`);
  }
  return response.json();
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return `${location.origin}/`;
}

/** Leaves for the provider's sign-in page; it sends the browser back to / with a code. */
export async function signInWithProvider(next) {
  const { oidc } = await signInSettings();
  const provider = await discovery(oidc.issuer);
  const verifier = randomText(48);
  const state = randomText(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, next }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: oidc.scope, state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${provider.authorization_endpoint}?${query}`);
}

/**
 * When the provider sent the browser back (?code=…&state=…): exchanges the code for the token and answers the
 * page to go to; null when this load is no such return. A state that is not this tab's is refused.
 */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) {
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + location.hash);
  if (!pending || query.get('state') !== pending.state || query.has('error')) {
    throw new Error(query.get('error_description') ?? query.get('error') ?? 'The sign-in answer was not for this page');
  }
  const { oidc } = await signInSettings();
  const provider = await discovery(oidc.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
      client_id: oidc.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`The sign-in provider refused the code (${response.status})`);
  }
  signIn((await response.json()).access_token);
  return pending.next ?? '';
}
