import { html } from 'lit';
import { ShopElement } from '../shop-element.js';
import { t } from '../i18n.js';
import { get } from '../api.js';

const REFRESH_MILLIS = 2000;

/** The operator's page: each service of the local run with its health and restarts (GET /local/services). */
export class OperatorPage extends ShopElement {
  static properties = { services: { state: true }, unavailable: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.refresh();
    this._timer = setInterval(() => this.refresh(), REFRESH_MILLIS);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  async refresh() {
    try {
      this.services = await get('/local/services');
      this.unavailable = false;
    } catch {
      this.unavailable = true;
    }
  }

  render() {
    return html`
      <h1>${t('operator.title')}</h1>
      <h2>${t('operator.services')}</h2>
      ${this.unavailable ? html`<p>${t('operator.localOnly')}</p>` : ''}
      <table class="lines">
        <thead><tr><th scope="col">${t('operator.service')}</th><th scope="col">${t('operator.health')}</th>
          <th scope="col">${t('operator.restarts')}</th><th scope="col">${t('operator.pid')}</th></tr></thead>
        <tbody>
          ${(this.services ?? []).map((s) => html`<tr>
            <th scope="row">${s.name}</th><td><span class="status" data-status=${s.health}>${s.health}</span></td>
            <td>${s.restarts}</td><td>${s.pid}</td></tr>`)}
        </tbody>
      </table>`;
  }
}
customElements.define('shop-operator', OperatorPage);
