import { LitElement } from 'lit';
import { onLanguageChange } from './i18n.js';
import { onSessionChange } from './session.js';

/**
 * The base of the shop's elements: rendered into the page itself (light DOM) so that one stylesheet and the
 * browser's accessibility tree see everything, and rendered again when the language or the signed-in user changes.
 */
export class ShopElement extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this._stops = [];
    this.whileConnected(onLanguageChange(() => this.requestUpdate()));
    this.whileConnected(onSessionChange(() => this.requestUpdate()));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this._stops.forEach((stop) => stop());
  }

  /** Keeps a subscription (given as the function that ends it) until the element leaves the page. */
  whileConnected(stop) {
    this._stops.push(stop);
  }

  /** Runs the task now and every so many milliseconds while the element is on the page. */
  every(millis, task) {
    task();
    const timer = setInterval(task, millis);
    this.whileConnected(() => clearInterval(timer));
  }
}

/** The hash routes of the single page: #/items/42 → ['items', '42']. */
export function route() {
  return location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
}

export function go(path) {
  location.hash = `#/${path}`;
}

/** A short, readable form of a UUID for headings and buttons. */
export function shortId(id) {
  return String(id).slice(0, 8);
}
