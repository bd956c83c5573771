import { html } from 'lit';
import { ShopElement } from '../shop-element.js';
import { t, formatPrice, currencyDigits } from '../i18n.js';
import { call, get } from '../api.js';

const PAGE_SIZE = 24;
const SORTS = ['name', 'price', '-price', 'newest'];
/** On a phone the filters start folded, so that the items come first. */
const WIDE_SCREEN = window.matchMedia('(min-width: 701px)');

/** The storefront: the catalogue searched, filtered and sorted (GET /api/catalog), a page at a time. */
export class CataloguePage extends ShopElement {
  static properties = {
    items: { state: true }, total: { state: true }, facets: { state: true }, filters: { state: true },
    page: { state: true }, failure: { state: true },
  };

  constructor() {
    super();
    this.items = null;
    this.total = 0;
    this.facets = { categories: [], colours: [], sizes: [] };
    this.filters = { q: '', category: '', colour: '', variantSize: '', minPrice: '', maxPrice: '', inStock: false, sort: 'name' };
    this.page = 0;
    this._searches = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    get('/api/catalog/facets').then((facets) => { this.facets = facets; }).catch(() => {});
    this.search();
  }

  /** Prices are typed in whole units; the API counts in the smallest unit of the catalogue's currency. */
  minorUnits(value) {
    const currency = this.items?.[0]?.currency ?? 'EUR';
    return Math.round(Number(value) * 10 ** currencyDigits(currency));
  }

  async search() {
    const asked = ++this._searches;
    const query = new URLSearchParams();
    const f = this.filters;
    ['q', 'category', 'colour', 'variantSize', 'sort'].filter((name) => f[name]).forEach((name) => query.set(name, f[name]));
    if (f.minPrice !== '') query.set('minPrice', this.minorUnits(f.minPrice));
    if (f.maxPrice !== '') query.set('maxPrice', this.minorUnits(f.maxPrice));
    if (f.inStock) query.set('inStock', 'true');
    query.set('page', this.page);
    query.set('size', PAGE_SIZE);
    try {
      const answer = await call('GET', `/api/catalog?${query}`);
      if (asked !== this._searches) {
        return; // a later search was sent meanwhile: its answer is the one to show
      }
      this.items = answer.body;
      this.total = Number.isNaN(answer.total) ? answer.body.length : answer.total;
      this.failure = null;
    } catch (problem) {
      this.failure = problem.message;
    }
  }

  change(name, value) {
    this.filters = { ...this.filters, [name]: value };
    this.page = 0;
    clearTimeout(this._debounce);
    this._debounce = setTimeout(() => this.search(), name === 'q' ? 250 : 0);
  }

  turn(delta) {
    this.page += delta;
    this.search();
  }

  select(name, label, values) {
    return html`
      <label for="filter-${name}">${label}</label>
      <select id="filter-${name}" @change=${(e) => this.change(name, e.target.value)}>
        <option value="">${t('catalogue.any')}</option>
        ${values.map((value) => html`<option value=${value} ?selected=${this.filters[name] === value}>${value}</option>`)}
      </select>`;
  }

  render() {
    const pages = Math.max(1, Math.ceil(this.total / PAGE_SIZE));
    return html`
      <h1 class="visually-hidden">${t('catalogue.title')}</h1>
      <div class="catalogue">
        <form class="filters panel" role="search" aria-label=${t('catalogue.filters')} @submit=${(e) => e.preventDefault()}>
          <label for="filter-q">${t('catalogue.search')}</label>
          <input id="filter-q" type="search" .value=${this.filters.q} @input=${(e) => this.change('q', e.target.value)}>
          <details ?open=${WIDE_SCREEN.matches}>
          <summary>${t('catalogue.filters')}</summary>
          ${this.select('category', t('catalogue.category'), this.facets.categories)}
          ${this.select('colour', t('catalogue.colour'), this.facets.colours)}
          ${this.select('variantSize', t('catalogue.size'), this.facets.sizes)}
          <label for="filter-min">${t('catalogue.minPrice')}</label>
          <input id="filter-min" type="number" min="0" inputmode="decimal" .value=${this.filters.minPrice}
                 @input=${(e) => this.change('minPrice', e.target.value)}>
          <label for="filter-max">${t('catalogue.maxPrice')}</label>
          <input id="filter-max" type="number" min="0" inputmode="decimal" .value=${this.filters.maxPrice}
                 @input=${(e) => this.change('maxPrice', e.target.value)}>
          <label class="check"><input type="checkbox" .checked=${this.filters.inStock}
                 @change=${(e) => this.change('inStock', e.target.checked)}> ${t('catalogue.inStock')}</label>
          <label for="filter-sort">${t('catalogue.sort')}</label>
          <select id="filter-sort" @change=${(e) => this.change('sort', e.target.value)}>
            ${SORTS.map((sort) => html`<option value=${sort} ?selected=${this.filters.sort === sort}>${t(`catalogue.sort.${sort}`)}</option>`)}
          </select>
          </details>
        </form>
        <section aria-label=${t('catalogue.results')}>
          ${this.failure ? html`<p class="error" role="alert">${t('error.generic', { message: this.failure })}</p>` : ''}
          <p class="count" role="status">${this.items ? t('catalogue.found', { count: this.total }) : ''}</p>
          ${this.items && this.items.length === 0 ? html`<p>${t('catalogue.none')}</p>` : ''}
          <ul class="grid plain">
            ${(this.items ?? []).map((item) => this.card(item))}
          </ul>
          ${pages > 1 ? html`<nav class="pager" aria-label=${t('catalogue.page', { page: this.page + 1, pages })}>
            <button type="button" ?disabled=${this.page === 0} @click=${() => this.turn(-1)}>${t('catalogue.previous')}</button>
            <span>${t('catalogue.page', { page: this.page + 1, pages })}</span>
            <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => this.turn(1)}>${t('catalogue.next')}</button>
          </nav>` : ''}
        </section>
      </div>`;
  }

  card(item) {
    const soldOut = item.variants.every((v) => v.stock <= 0);
    return html`
      <li class="card">
        <a href="#/items/${item.id}">
          <img src=${item.imageUrl || '/static/images/placeholder.svg'} alt=${item.name} width="240" height="240" loading="lazy">
          <span class="name">${item.name}</span>
        </a>
        <span class="price">${formatPrice(item.price, item.currency)}</span>
        ${soldOut ? html`<span class="badge">${t('catalogue.soldOut')}</span>` : ''}
      </li>`;
  }
}
customElements.define('shop-catalogue', CataloguePage);
