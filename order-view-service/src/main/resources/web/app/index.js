import { html } from 'lit';
import { ShopElement, route } from './shop-element.js';
import { t, LANGUAGES, currentLanguage, setLanguage } from './i18n.js';
import { currentUser, hasRole, signOut } from './session.js';
import { cartCount, onCartChange } from './cart.js';
import { completeSignIn } from './oidc.js';
import './app.css';
import './pages/catalogue.js';
import './pages/item.js';
import './pages/cart.js';
import './pages/orders.js';
import './pages/owner.js';
import './pages/operator.js';
import './pages/sign-in.js';

/** Pages that need a role: signed out, the buyer is asked to sign in; with another role, told it is not theirs. */
const ROLE_OF = { orders: 'buyer', owner: 'owner', operator: 'operator' };

/** The shop's single page: the header and whichever page the location's hash names. */
export class ShopApp extends ShopElement {
  static properties = { path: { state: true }, count: { state: true } };

  constructor() {
    super();
    this.path = route();
    this.count = cartCount();
  }

  connectedCallback() {
    super.connectedCallback();
    this._onHash = () => {
      this.path = route();
      if (this.path[0] !== 'sign-in') {
        this.signInFailure = null;
      }
      window.scrollTo(0, 0);
      this.querySelector('main')?.focus();
    };
    window.addEventListener('hashchange', this._onHash);
    this.whileConnected(() => window.removeEventListener('hashchange', this._onHash));
    this.whileConnected(onCartChange(() => { this.count = cartCount(); }));
    // back from the OIDC provider's sign-in page: exchange the code, then go where the buyer was going
    completeSignIn().then((next) => {
      if (next !== null) {
        location.hash = `#/${next}`;
      }
    }).catch((failure) => {
      this.signInFailure = failure.message;
      location.hash = '#/sign-in';
      this.requestUpdate();
    });
  }

  page() {
    const [name, id] = this.path;
    const role = ROLE_OF[name];
    if (role && !hasRole(role)) {
      return currentUser()
        ? html`<p role="alert">${t('error.forbidden')}</p>`
        : html`<shop-sign-in .next=${this.path.join('/')} .failure=${this.signInFailure}></shop-sign-in>`;
    }
    switch (name) {
      case 'items': return html`<shop-item .itemId=${id}></shop-item>`;
      case 'cart': return html`<shop-cart></shop-cart>`;
      case 'orders': return id ? html`<shop-order .orderId=${id}></shop-order>` : html`<shop-my-orders></shop-my-orders>`;
      case 'owner': return html`<shop-owner></shop-owner>`;
      case 'operator': return html`<shop-operator></shop-operator>`;
      case 'sign-in': return html`<shop-sign-in .next=${new URLSearchParams(location.hash.split('?')[1] ?? '').get('next') ?? ''}
                                                .failure=${this.signInFailure}></shop-sign-in>`;
      default: return html`<shop-catalogue></shop-catalogue>`;
    }
  }

  render() {
    const user = currentUser();
    return html`
      <a class="skip" href="#main" @click=${(e) => { e.preventDefault(); this.querySelector('main').focus(); }}>${t('nav.skip')}</a>
      <header>
        <a class="brand" href="#/">${t('shop.name')}</a>
        <nav aria-label=${t('nav.main')}>
          <a href="#/">${t('nav.catalogue')}</a>
          <a href="#/cart">${t('nav.cart', { count: this.count })}</a>
          ${hasRole('buyer') ? html`<a href="#/orders">${t('nav.myOrders')}</a>` : ''}
          ${hasRole('owner') ? html`<a href="#/owner">${t('nav.owner')}</a>` : ''}
          ${hasRole('operator') ? html`<a href="#/operator">${t('nav.operator')}</a>` : ''}
          ${user
            ? html`<button type="button" class="link" @click=${() => { signOut(); location.hash = '#/'; }}>${t('nav.signOut', { name: user.name })}</button>`
            : html`<a href="#/sign-in">${t('nav.signIn')}</a>`}
        </nav>
        <label class="language"><span class="visually-hidden">${t('nav.language')}</span>
          <select @change=${(e) => setLanguage(e.target.value)}>
            ${Object.entries(LANGUAGES).map(([code, name]) => html`<option value=${code} ?selected=${code === currentLanguage()}>${name}</option>`)}
          </select>
        </label>
      </header>
      <main id="main" tabindex="-1">${this.page()}</main>`;
  }
}
customElements.define('shop-app', ShopApp);
