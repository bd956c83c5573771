import { html } from 'lit';
import { ShopElement, go } from '../shop-element.js';
import { t, formatPrice } from '../i18n.js';
import { post, ProblemError } from '../api.js';
import { cartLines, setQuantity, removeFromCart, emptyCart, onCartChange } from '../cart.js';
import { hasRole } from '../session.js';
import { idempotencyKeyFor, checkoutDone, payableAfter } from '../checkout.js';

/** The cart and its checkout (POST /api/orders), with each refusal explained next to what it concerns. */
export class CartPage extends ShopElement {
  static properties = { lines: { state: true }, placing: { state: true }, errors: { state: true } };

  constructor() {
    super();
    this.lines = cartLines();
    this.errors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.whileConnected(onCartChange((lines) => { this.lines = lines; }));
  }

  async place(event) {
    event.preventDefault();
    if (this._sending) {
      return; // a second click while the first is on its way: the same key would make it one order anyway
    }
    const form = new FormData(event.target);
    const order = {
      lines: this.lines.map((l) => ({ itemId: l.itemId, sku: l.sku, quantity: l.quantity })),
      shippingAddress: form.get('shippingAddress'),
      ...(form.get('paymentToken') ? { paymentToken: form.get('paymentToken') } : {}),
    };
    this._sending = true;
    this.placing = true;
    this.errors = {};
    try {
      const placed = await post('/api/orders', order, { 'Idempotency-Key': idempotencyKeyFor(order) });
      this.done(placed.id);
    } catch (failure) {
      this.refused(failure);
    } finally {
      this._sending = false;
      this.placing = false;
    }
  }

  done(orderId) {
    checkoutDone();
    emptyCart();
    go(`orders/${orderId}`);
  }

  refused(failure) {
    if (!(failure instanceof ProblemError)) {
      this.errors = { form: t('checkout.failed', { message: failure.message }) };
      return;
    }
    const problem = failure.problem;
    if (failure.status === 402) {
      this.errors = { paymentToken: t('checkout.declined') };
    } else if (failure.status === 503 && problem.orderId) {
      payableAfter(problem.orderId, failure.retryAfter ?? 30);
      this.done(problem.orderId);
    } else if (failure.status === 503) {
      this.errors = { form: t('checkout.busy', { seconds: failure.retryAfter ?? 5 }) };
    } else if (problem.violations?.length) {
      const errors = {};
      problem.violations.forEach((v) => {
        const field = v.field.startsWith('lines') ? 'lines' : v.field;
        errors[field] = field === 'lines' ? t('checkout.lines', { message: v.message }) : v.message;
      });
      this.errors = errors;
    } else {
      this.errors = { form: t('checkout.failed', { message: failure.message }) };
    }
  }

  render() {
    const currency = this.lines[0]?.currency;
    const total = this.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    if (this.lines.length === 0) {
      return html`<h1>${t('cart.title')}</h1><p>${t('cart.empty')}</p><a href="#/">${t('item.back')}</a>`;
    }
    return html`
      <h1>${t('cart.title')}</h1>
      <table class="lines">
        <thead><tr><th scope="col">${t('cart.item')}</th><th scope="col">${t('cart.unitPrice')}</th>
          <th scope="col">${t('item.quantity')}</th><th scope="col"><span class="visually-hidden">${t('cart.remove', { name: '' })}</span></th></tr></thead>
        <tbody>
          ${this.lines.map((l) => html`<tr>
            <td><a href="#/items/${l.itemId}">${l.name}</a> <span class="muted">${l.size} · ${l.colour}</span></td>
            <td>${formatPrice(l.unitPrice, l.currency)}</td>
            <td><input type="number" min="1" class="quantity" aria-label=${t('cart.quantity', { name: `${l.name} ${l.size} ${l.colour}` })}
                       .value=${String(l.quantity)} @change=${(e) => setQuantity(l.sku, Math.max(1, Number.parseInt(e.target.value, 10) || 1))}></td>
            <td><button type="button" class="link" @click=${() => removeFromCart(l.sku)}>${t('cart.remove', { name: `${l.name} ${l.size} ${l.colour}` })}</button></td>
          </tr>`)}
        </tbody>
        <tfoot><tr><th scope="row">${t('cart.total')}</th><td colspan="3" class="total">${formatPrice(total, currency)}</td></tr></tfoot>
      </table>
      ${this.errors.lines ? html`<p class="error" role="alert" id="lines-error">${this.errors.lines}</p>` : ''}
      <h2>${t('checkout.title')}</h2>
      ${hasRole('buyer') ? this.checkoutForm() : html`<p><a href="#/sign-in?next=cart">${t('checkout.signIn')}</a></p>`}`;
  }

  checkoutForm() {
    return html`
      <form class="panel narrow" @submit=${this.place} novalidate>
        <label for="shippingAddress">${t('checkout.address')}</label>
        <textarea id="shippingAddress" name="shippingAddress" rows="3" autocomplete="street-address" required
                  aria-invalid=${this.errors.shippingAddress ? 'true' : 'false'}
                  aria-describedby=${this.errors.shippingAddress ? 'address-error' : ''}></textarea>
        ${this.errors.shippingAddress ? html`<p class="error" role="alert" id="address-error">${this.errors.shippingAddress}</p>` : ''}
        <label for="paymentToken">${t('checkout.card')}</label>
        <input id="paymentToken" name="paymentToken" autocomplete="off" aria-describedby="card-help ${this.errors.paymentToken ? 'card-error' : ''}"
               aria-invalid=${this.errors.paymentToken ? 'true' : 'false'}>
        <p class="help" id="card-help">${t('checkout.cardHelp')}</p>
        ${this.errors.paymentToken ? html`<p class="error" role="alert" id="card-error">${this.errors.paymentToken}</p>` : ''}
        ${this.errors.form ? html`<p class="error" role="alert">${this.errors.form}</p>` : ''}
        <button type="submit" class="primary" ?disabled=${this.placing}>${this.placing ? t('checkout.placing') : t('checkout.place')}</button>
      </form>`;
  }
}
customElements.define('shop-cart', CartPage);
