import { html } from 'lit';
import { ShopElement, go } from '../shop-element.js';
import { t } from '../i18n.js';
import { signIn } from '../session.js';
import { signInSettings, signInWithProvider } from '../oidc.js';

const DEMO_USERS = [
  { name: 'alice', role: 'buyer' }, { name: 'bob', role: 'buyer' },
  { name: 'owner', role: 'owner' }, { name: 'operator', role: 'operator' },
];

/** Signs in with the local run's token endpoint; the demo users' password is their name. */
export class SignInPage extends ShopElement {
  static properties = { failed: { state: true }, next: {}, settings: { state: true }, failure: {} };

  connectedCallback() {
    super.connectedCallback();
    signInSettings().then((settings) => { this.settings = settings; });
  }

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const response = await fetch('/api/auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    });
    if (!response.ok) {
      this.failed = true;
      return;
    }
    signIn((await response.json()).access_token);
    go(this.next || '');
  }

  fill(name) {
    this.querySelector('#username').value = name;
    this.querySelector('#password').value = name;
  }

  render() {
    if (!this.settings) {
      return html`<h1>${t('signIn.title')}</h1>`;
    }
    return html`
      <h1>${t('signIn.title')}</h1>
      ${this.failure ? html`<p class="error" role="alert">${t('signIn.providerFailed', { message: this.failure })}</p>` : ''}
      ${this.settings.oidc ? html`<p class="panel narrow">
        <button type="button" class="primary" @click=${() => signInWithProvider(this.next)}>${t('signIn.provider')}</button></p>` : ''}
      ${this.settings.localSignIn ? this.localSignIn() : ''}`;
  }

  localSignIn() {
    return html`
      <form class="panel narrow" @submit=${this.submit}>
        <label for="username">${t('signIn.username')}</label>
        <input id="username" name="username" autocomplete="username" required>
        <label for="password">${t('signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        ${this.failed ? html`<p class="error" role="alert">${t('signIn.failed')}</p>` : ''}
        <button type="submit" class="primary">${t('signIn.submit')}</button>
      </form>
      <section class="panel narrow" aria-labelledby="demo-users">
        <h2 id="demo-users">${t('signIn.demo')}</h2>
        <ul class="plain">
          ${DEMO_USERS.map((user) => html`<li>
            <button type="button" class="link" @click=${() => this.fill(user.name)}>${t('signIn.use', { name: user.name })}</button>
            — ${t(`signIn.demoRole.${user.role}`)} (${user.name} / ${user.name})</li>`)}
        </ul>
      </section>`;
  }
}
customElements.define('shop-sign-in', SignInPage);
