import { html } from 'lit';
import { ShopElement, shortId } from '../shop-element.js';
import { t, formatPrice, formatTime, statusLabel } from '../i18n.js';
import { get, post, follow, ProblemError } from '../api.js';
import { payableAfter, secondsUntilPayable } from '../checkout.js';

const STREAM = '/api/my-orders/stream';
const CANCELLABLE = ['PAYMENT_DEFERRED', 'PAID', 'ACCEPTED', 'SHIPPING'];
const names = new Map();

/** An item's name for an order line (lines carry ids): asked of the catalogue once per item. */
function itemName(itemId) {
  if (!names.has(itemId)) {
    names.set(itemId, get(`/api/catalog/${itemId}`).then((item) => item.name).catch(() => null));
  }
  return names.get(itemId);
}

function newer(a, b) {
  return !a || !b?.updatedAt || (a.updatedAt && a.updatedAt >= b.updatedAt) ? a ?? b : b;
}

/** The buyer's orders (GET /api/my-orders), kept current by the stream of their changes. */
export class MyOrdersPage extends ShopElement {
  static properties = { orders: { state: true }, failure: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.whileConnected(follow(STREAM, (order) => {
      const known = (this.orders ?? []).find((o) => o.orderId === order.orderId);
      const latest = newer(order, known);
      this.orders = known
        ? this.orders.map((o) => (o.orderId === order.orderId ? latest : o))
        : [latest, ...(this.orders ?? [])];
    }, () => this.load()));
    this.load();
  }

  async load() {
    try {
      const orders = await get('/api/my-orders');
      const streamed = new Map((this.orders ?? []).map((o) => [o.orderId, o]));
      this.orders = orders.map((o) => newer(streamed.get(o.orderId), o));
      this.failure = null;
    } catch (failure) {
      this.failure = failure.message;
    }
  }

  render() {
    return html`
      <h1>${t('orders.title')}</h1>
      ${this.failure ? html`<p class="error" role="alert">${t('error.generic', { message: this.failure })}</p>` : ''}
      ${this.orders && this.orders.length === 0 ? html`<p>${t('order.none')}</p>` : ''}
      <ul class="orders plain" aria-busy=${this.orders ? 'false' : 'true'}>
        ${(this.orders ?? []).map((o) => html`<li class="panel">
          <a href="#/orders/${o.orderId}">${t('order.title', { id: shortId(o.orderId) })}</a>
          <span class="status" data-status=${o.status}>${statusLabel(o.status)}</span>
          <span>${formatPrice(o.totalAmount, o.currency)}</span>
          ${o.timeline?.length ? html`<span class="muted">${t('orders.placed', { date: formatTime(o.timeline[0].at) })}</span>` : ''}
        </li>`)}
      </ul>`;
  }
}
customElements.define('shop-my-orders', MyOrdersPage);

/** One order: statuses, lines and timeline, live; cancelling it, and paying it later when payment was busy. */
export class OrderPage extends ShopElement {
  static properties = {
    orderId: {}, order: { state: true }, missing: { state: true }, message: { state: true }, wait: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.whileConnected(follow(STREAM, (order) => {
      if (order.orderId === this.orderId) {
        this.order = newer(order, this.order);
      }
    }, () => this.orderId && this.load()));
    this.every(1000, () => { this.wait = secondsUntilPayable(this.orderId); });
  }

  updated(changed) {
    if (changed.has('orderId')) {
      this.order = null;
      this.missing = false;
      this.wait = secondsUntilPayable(this.orderId);
      this.load();
    }
  }

  async load() {
    const orderId = this.orderId;
    const path = encodeURIComponent(orderId);
    try {
      const view = await get(`/api/my-orders/${path}`);
      if (orderId === this.orderId) {
        this.order = newer(this.order, view);
      }
    } catch (notInTheViewYet) {
      // just placed: the view learns of it from the events in a moment; order-service knows it already
      try {
        const placed = await get(`/api/orders/${path}`);
        if (orderId !== this.orderId) {
          return;
        }
        this.order = this.order ?? {
          orderId: placed.id, status: placed.status, totalAmount: placed.totalAmount, currency: placed.currency,
          lines: placed.lines, timeline: [], pending: true,
        };
      } catch (notTheBuyers) {
        this.missing = true;
      }
    }
  }

  async act(path) {
    this.message = null;
    try {
      const answer = await post(`/api/orders/${encodeURIComponent(this.orderId)}/${path}`);
      this.order = { ...this.order, status: answer.status };
      if (path === 'cancel') {
        this.message = t('order.cancelAsked');
      }
    } catch (failure) {
      if (failure instanceof ProblemError && failure.status === 503 && failure.problem.orderId) {
        payableAfter(this.orderId, failure.retryAfter ?? 30);
        this.wait = secondsUntilPayable(this.orderId);
        this.message = t('order.deferred');
      } else if (failure instanceof ProblemError && failure.status === 402) {
        this.message = t('checkout.declined');
      } else {
        this.message = t('error.generic', { message: failure.message });
      }
    }
  }

  render() {
    if (this.missing) {
      return html`<p role="alert">${t('order.notFound')}</p>`;
    }
    const o = this.order;
    if (!o) {
      return html`<p aria-busy="true"></p>`;
    }
    return html`
      <h1>${t('order.title', { id: shortId(o.orderId) })}</h1>
      <p class="headline" role="status" aria-live="polite">
        <span class="status" data-status=${o.status} data-testid="order-status">${statusLabel(o.status)}</span>
      </p>
      ${o.status === 'PAYMENT_DEFERRED' ? html`<p class="notice">${t('order.deferred')}</p>` : ''}
      ${this.message ? html`<p class="notice" role="alert">${this.message}</p>` : ''}
      <div class="actions">
        ${o.status === 'PAYMENT_DEFERRED' ? html`<button type="button" class="primary" ?disabled=${this.wait > 0}
            @click=${() => this.act('payment')}>${this.wait > 0 ? t('order.payIn', { seconds: this.wait }) : t('order.payNow')}</button>` : ''}
        ${CANCELLABLE.includes(o.status) ? html`<button type="button" @click=${() => this.act('cancel')}>${t('order.cancel')}</button>` : ''}
      </div>
      <dl class="statuses">
        <dt>${t('order.payment')}</dt><dd data-testid="payment-status">${statusLabel(o.paymentStatus)}</dd>
        <dt>${t('order.store')}</dt><dd data-testid="store-status">${statusLabel(o.storeStatus)}</dd>
        <dt>${t('order.delivery')}</dt><dd data-testid="delivery-status">${statusLabel(o.deliveryStatus)}</dd>
      </dl>
      <h2>${t('order.lines')}</h2>
      <ul class="plain">
        ${(o.lines ?? []).map((l) => html`<li>${l.quantity} × ${this.lineName(l)} <span class="muted">${l.sku}</span>
          — ${formatPrice(l.unitPrice * l.quantity, o.currency)}</li>`)}
      </ul>
      <p><strong>${t('order.total')}: ${formatPrice(o.totalAmount, o.currency)}</strong></p>
      <h2>${t('order.timeline')}</h2>
      <p class="muted">${o.pending ? t('order.pending') : t('order.live')}</p>
      <ol class="timeline" aria-live="polite" data-testid="timeline">
        ${(o.timeline ?? []).map((step) => html`<li><span class="event">${t(`event.${step.event}`)}</span>
          <time datetime=${step.at}>${formatTime(step.at)}</time></li>`)}
      </ol>`;
  }

  /** The line's item name once the catalogue has answered, rendered again then. */
  lineName(line) {
    const itemId = line.itemId;
    this._names = this._names ?? {};
    itemName(itemId).then((name) => {
      if (name && this._names[itemId] !== name) {
        this._names[itemId] = name;
        this.requestUpdate();
      }
    });
    return this._names[itemId] ?? '';
  }
}
customElements.define('shop-order', OrderPage);
