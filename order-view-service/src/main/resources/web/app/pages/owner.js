import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ShopElement, shortId } from '../shop-element.js';
import { t, formatPrice, formatTime, statusLabel } from '../i18n.js';
import { get, post, put } from '../api.js';

/** How often the console asks the store and delivery services what changed: live without a reload. */
const REFRESH_MILLIS = 2000;

/** The owner's console: orders to accept, cancellations to confirm, deliveries to complete, and the items. */
export class OwnerConsole extends ShopElement {
  static properties = {
    orders: { state: true }, deliveries: { state: true }, items: { state: true }, message: { state: true },
    variants: { state: true }, editing: { state: true }, saving: { state: true },
  };

  constructor() {
    super();
    this.variants = [{}];
  }

  connectedCallback() {
    super.connectedCallback();
    this.every(REFRESH_MILLIS, () => this.refresh());
  }

  async refresh() {
    try {
      const [received, cancelRequested, deliveries, items] = await Promise.all([
        get('/api/store/orders?status=RECEIVED'), get('/api/store/orders?status=CANCEL_REQUESTED'),
        get('/api/deliveries?status=STARTED'), get('/api/items?size=200')]);
      this.orders = [...received, ...cancelRequested].sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1));
      this.deliveries = deliveries;
      this.items = items;
    } catch (failure) {
      this.message = t('error.generic', { message: failure.message });
    }
  }

  async act(request) {
    this.message = null;
    try {
      await request();
      this.refresh();
    } catch (failure) {
      this.message = t('error.generic', { message: failure.message });
    }
  }

  async register(event) {
    event.preventDefault();
    if (this.saving) {
      return; // a second click while the item is on its way
    }
    const form = new FormData(event.target);
    const item = {
      name: form.get('name'), description: form.get('description'), category: form.get('category'),
      price: Number(form.get('price')), currency: form.get('currency'), imageUrl: form.get('imageUrl') || null,
      variants: this.variants.map((v, i) => ({
        sku: form.get(`sku-${i}`), size: form.get(`size-${i}`), colour: form.get(`colour-${i}`), stock: Number(form.get(`stock-${i}`)),
      })),
    };
    this.saving = true;
    await this.act(async () => {
      const saved = this.editing
        ? await put(`/api/items/${this.editing.id}`, await this.withCurrentStock(this.editing.id, item))
        : await post('/api/items', item, { 'Idempotency-Key': crypto.randomUUID?.() ?? String(Date.now()) });
      event.target.reset();
      this.message = t(this.editing ? 'owner.updated' : 'owner.registered', { name: saved.name });
      this.editing = null;
      this.variants = [{}];
    });
    this.saving = false;
  }

  /**
   * An edit sends every variant's stock, and the store sets it as sent: existing variants keep the stock the store
   * has now (orders take from it while the owner edits), not the figure the form was filled with.
   */
  async withCurrentStock(itemId, item) {
    const current = await get(`/api/items/${itemId}`);
    const stock = new Map(current.variants.map((v) => [v.sku, v.stock]));
    return { ...item, variants: item.variants.map((v) => (stock.has(v.sku) ? { ...v, stock: stock.get(v.sku) } : v)) };
  }

  /**
   * Fills the item form with the item. The form's fields are the owner's while they type: no render (the console
   * renders every 2 s) sets them, only this and a reset do.
   */
  async edit(item) {
    this.editing = item;
    this.variants = item.variants.map(() => ({ existing: true }));
    await this.updateComplete;
    const form = this.querySelector('#item-form');
    form.reset();
    const set = (name, value) => { form.elements[name].value = value ?? ''; };
    ['name', 'description', 'category', 'price', 'currency', 'imageUrl'].forEach((name) => set(name, item[name]));
    item.variants.forEach((v, i) => ['sku', 'size', 'colour', 'stock'].forEach((name) => set(`${name}-${i}`, v[name])));
    form.elements.name.focus();
  }

  cancelEdit() {
    this.editing = null;
    this.variants = [{}];
    this.querySelector('#item-form').reset();
  }

  render() {
    return html`
      <h1>${t('owner.title')}</h1>
      <p class=${this.message ? 'notice' : ''} role="status">${this.message ?? ''}</p>
      <section aria-labelledby="owner-orders">
        <h2 id="owner-orders">${t('owner.orders')}</h2>
        ${this.orders?.length === 0 ? html`<p>${t('owner.noOrders')}</p>` : ''}
        <ul class="plain">
          ${repeat(this.orders ?? [], (o) => o.orderId, (o) => html`<li class="panel" data-order=${o.orderId}>
            <strong>${t('owner.order')} ${shortId(o.orderId)}</strong>
            <span class="status" data-status=${o.status}>${statusLabel(o.status)}</span>
            <span>${t('owner.buyer')}: ${o.buyerId}</span> <span>${formatPrice(o.totalAmount, o.currency)}</span>
            <span class="muted">${o.receivedAt ? formatTime(o.receivedAt) : ''}</span>
            <span>${t('owner.address')}: ${o.shippingAddress}</span>
            <span class="muted">${o.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</span>
            ${o.status === 'RECEIVED' ? html`<button type="button" class="primary"
                @click=${() => this.act(() => post(`/api/store/orders/${o.orderId}/accept`))}>${t('owner.accept', { id: shortId(o.orderId) })}</button>` : ''}
            ${o.status === 'CANCEL_REQUESTED' ? html`<button type="button" class="primary"
                @click=${() => this.act(() => post(`/api/store/orders/${o.orderId}/confirm-cancel`))}>${t('owner.confirmCancel', { id: shortId(o.orderId) })}</button>` : ''}
          </li>`)}
        </ul>
      </section>
      <section aria-labelledby="owner-deliveries">
        <h2 id="owner-deliveries">${t('owner.deliveries')}</h2>
        ${this.deliveries?.length === 0 ? html`<p>${t('owner.noDeliveries')}</p>` : ''}
        <ul class="plain">
          ${repeat(this.deliveries ?? [], (d) => d.id, (d) => html`<li class="panel">
            <strong>${t('owner.order')} ${shortId(d.orderId)}</strong> <span>${d.shippingAddress}</span>
            <button type="button" @click=${() => this.act(() => post(`/api/deliveries/${d.id}/complete`))}>${t('owner.complete', { id: shortId(d.orderId) })}</button>
          </li>`)}
        </ul>
      </section>
      <section aria-labelledby="owner-items">
        <h2 id="owner-items">${t('owner.items')}</h2>
        <table class="lines">
          <thead><tr><th scope="col">${t('owner.name')}</th><th scope="col">${t('owner.size')} · ${t('owner.colour')}</th>
            <th scope="col">${t('owner.sku')}</th><th scope="col">${t('owner.stock')}</th></tr></thead>
          <tbody>
            ${repeat((this.items ?? []).flatMap((item) => item.variants.map((v, i) => ({ item, v, i }))), ({ v }) => v.sku, ({ item, v, i }) => html`<tr>
              ${i === 0 ? html`<th scope="rowgroup" rowspan=${item.variants.length}>${item.name}<br>
                <span class="muted">${formatPrice(item.price, item.currency)}</span><br>
                <button type="button" class="link" @click=${() => this.edit(item)}>${t('owner.edit', { name: item.name })}</button></th>` : ''}
              <td>${v.size} · ${v.colour}</td><td class="muted">${v.sku}</td><td>${this.stockForm(item, v)}</td>
            </tr>`)}
          </tbody>
        </table>
        ${this.registerForm()}
      </section>`;
  }

  stockForm(item, variant) {
    const id = `stock-${variant.sku}`;
    const save = (event) => {
      event.preventDefault();
      const stock = Number(new FormData(event.target).get('stock'));
      this.act(async () => {
        await put(`/api/items/${item.id}/variants/${encodeURIComponent(variant.sku)}/stock`, { stock });
        this.message = t('owner.saved');
      });
    };
    return html`<form class="inline" @submit=${save}>
      <label for=${id} class="visually-hidden">${t('owner.stockOf', { sku: variant.sku })}</label>
      <input id=${id} name="stock" type="number" min="0" .value=${String(variant.stock)}>
      <button type="submit" aria-label=${t('owner.saveStock', { sku: variant.sku })}>${t('owner.save')}</button>
    </form>`;
  }

  registerForm() {
    const field = (name, label, attributes = {}) => html`<label for="item-${name}">${label}</label>
      <input id="item-${name}" name=${name} ?required=${attributes.required} type=${attributes.type ?? 'text'}
             min=${attributes.min ?? ''} value=${attributes.value ?? ''}>`;
    return html`
      <form id="item-form" class="panel" @submit=${this.register} aria-labelledby="item-form-title">
        <h3 id="item-form-title">${this.editing ? t('owner.editing', { name: this.editing.name }) : t('owner.register')}</h3>
        ${field('name', t('owner.name'), { required: true })}
        <label for="item-description">${t('owner.description')}</label>
        <textarea id="item-description" name="description" rows="2"></textarea>
        ${field('category', t('owner.category'), { required: true })}
        ${field('price', t('owner.price'), { required: true, type: 'number', min: 0 })}
        ${field('currency', t('owner.currency'), { required: true, value: 'EUR' })}
        ${field('imageUrl', t('owner.image'))}
        <fieldset>
          <legend>${t('owner.variants')}</legend>
          ${this.variants.map((v, i) => html`<div class="variant-row">
            <label for="sku-${i}">${t('owner.sku')}</label><input id="sku-${i}" name="sku-${i}" required ?readonly=${v.existing}>
            <label for="size-${i}">${t('owner.size')}</label><input id="size-${i}" name="size-${i}" required>
            <label for="colour-${i}">${t('owner.colour')}</label><input id="colour-${i}" name="colour-${i}" required>
            <label for="stock-${i}">${t('owner.stock')}</label><input id="stock-${i}" name="stock-${i}" type="number" min="0" required ?readonly=${v.existing}>
          </div>`)}
          <button type="button" @click=${() => { this.variants = [...this.variants, {}]; }}>${t('owner.addVariant')}</button>
        </fieldset>
        ${this.editing ? html`<p class="help">${t('owner.stockHelp')}</p>` : ''}
        <button type="submit" class="primary" ?disabled=${this.saving}>${this.editing ? t('owner.save') : t('owner.submit')}</button>
        ${this.editing ? html`<button type="button" @click=${this.cancelEdit}>${t('owner.cancelEdit')}</button>` : ''}
      </form>`;
  }
}
customElements.define('shop-owner', OwnerConsole);
