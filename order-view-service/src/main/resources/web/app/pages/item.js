import { html } from 'lit';
import { ShopElement } from '../shop-element.js';
import { t, formatPrice } from '../i18n.js';
import { get } from '../api.js';
import { addToCart } from '../cart.js';

/** One item: its picture, its variants with their stock (sold-out ones disabled), and adding to the cart. */
export class ItemPage extends ShopElement {
  static properties = {
    itemId: {}, item: { state: true }, chosen: { state: true }, quantity: { state: true },
    added: { state: true }, missing: { state: true }, failure: { state: true },
  };

  constructor() {
    super();
    this.quantity = 1;
  }

  updated(changed) {
    if (changed.has('itemId')) {
      const itemId = this.itemId;
      this.item = null;
      this.added = false;
      this.missing = false;
      this.failure = null;
      this.quantity = 1;
      get(`/api/catalog/${encodeURIComponent(itemId)}`).then((item) => {
        if (itemId === this.itemId) {
          this.item = item;
          this.chosen = item.variants.find((v) => v.stock > 0)?.sku;
        }
      }).catch((failure) => {
        if (failure.status === 404) {
          this.missing = true;
        } else {
          this.failure = failure.message;
        }
      });
    }
  }

  add(event) {
    event.preventDefault();
    const variant = this.item.variants.find((v) => v.sku === this.chosen);
    addToCart(this.item, variant, this.quantity);
    this.added = true;
  }

  render() {
    if (this.missing) {
      return html`<p role="alert">${t('item.notFound')}</p><a href="#/">${t('item.back')}</a>`;
    }
    if (this.failure) {
      return html`<p class="error" role="alert">${t('error.generic', { message: this.failure })}</p>`;
    }
    if (!this.item) {
      return html`<p aria-busy="true"></p>`;
    }
    const item = this.item;
    const variant = item.variants.find((v) => v.sku === this.chosen);
    return html`
      <a href="#/">${t('item.back')}</a>
      <article class="item">
        <img src=${item.imageUrl || '/static/images/placeholder.svg'} alt=${item.name} width="420" height="420">
        <div>
          <h1>${item.name}</h1>
          <p class="price">${formatPrice(item.price, item.currency)}</p>
          <p>${item.description}</p>
          <form @submit=${this.add}>
            <fieldset>
              <legend>${t('item.variant')}</legend>
              ${item.variants.map((v) => html`
                <label class="variant ${v.stock <= 0 ? 'sold-out' : ''}">
                  <input type="radio" name="variant" value=${v.sku} ?disabled=${v.stock <= 0} .checked=${v.sku === this.chosen}
                         @change=${() => { this.chosen = v.sku; this.quantity = 1; this.added = false; }}>
                  ${v.size} · ${v.colour} — ${v.stock > 0 ? t('item.left', { count: v.stock }) : t('item.soldOut')}
                </label>`)}
            </fieldset>
            <label for="quantity">${t('item.quantity')}</label>
            <input id="quantity" type="number" min="1" max=${variant?.stock ?? 1} .value=${String(this.quantity)}
                   @input=${(e) => { this.quantity = Math.max(1, Number.parseInt(e.target.value, 10) || 1); }}>
            <button type="submit" class="primary" ?disabled=${!variant}>${t('item.add')}</button>
          </form>
          <p role="status">${this.added ? html`${t('item.added')} <a href="#/cart">${t('item.viewCart')}</a>` : ''}</p>
        </div>
      </article>`;
  }
}
customElements.define('shop-item', ItemPage);
