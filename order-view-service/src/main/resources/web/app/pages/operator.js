import { html } from 'lit';
import { ShopElement } from '../shop-element.js';
import { t } from '../i18n.js';
import { get, put, ProblemError } from '../api.js';

const REFRESH_MILLIS = 2000;
const SIMULATOR = '/local/admin/payment-service/simulator';
const BREAKERS = '/local/admin/order-service/circuit-breakers';

/** Each instance's answer from the runner's admin path, even when one of them refused or is down. */
async function perInstance(path) {
  try {
    return await get(path);
  } catch (failure) {
    if (failure instanceof ProblemError && Array.isArray(failure.problem)) {
      return failure.problem;
    }
    throw failure;
  }
}

/**
 * The operator's page of the local run: each service's health and restarts (GET /local/services), the payment
 * simulator's knobs and order-service's circuit breaker, per instance (the runner's /local/admin paths).
 */
export class OperatorPage extends ShopElement {
  static properties = {
    services: { state: true }, breakers: { state: true }, knobs: { state: true }, unavailable: { state: true },
    message: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.every(REFRESH_MILLIS, () => this.refresh());
  }

  async refresh() {
    if (this._refreshing) {
      return; // the last round has not come back yet (an instance that hangs): no second one beside it
    }
    this._refreshing = true;
    const [services, breakers, knobs] = await Promise.allSettled([get('/local/services'), perInstance(BREAKERS), perInstance(SIMULATOR)]);
    this._refreshing = false;
    this.unavailable = services.status === 'rejected';
    if (services.status === 'fulfilled') {
      this.services = services.value;
    }
    if (breakers.status === 'fulfilled') {
      this.breakers = breakers.value.flatMap((instance) => (Array.isArray(instance.body) ? instance.body : [{ name: '—', state: 'UNKNOWN' }])
        .map((b) => ({ ...b, instance: instance.instance })));
    }
    if (knobs.status === 'fulfilled' && !this.knobs) {
      this.knobs = knobs.value.find((instance) => instance.status === 200)?.body;
    }
  }

  async setKnobs(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      const answers = await put(SIMULATOR, {
        latencyMs: Number(form.get('latencyMs')), failureRate: Number(form.get('failurePercent')) / 100,
      });
      this.knobs = answers[0].body;
      this.message = t('operator.knobsSet');
    } catch (failure) {
      this.message = t('error.generic', { message: failure.message });
    }
  }

  render() {
    return html`
      <h1>${t('operator.title')}</h1>
      ${this.unavailable ? html`<p>${t('operator.localOnly')}</p>` : ''}
      <h2>${t('operator.services')}</h2>
      <table class="lines">
        <thead><tr><th scope="col">${t('operator.service')}</th><th scope="col">${t('operator.health')}</th>
          <th scope="col">${t('operator.restarts')}</th><th scope="col">${t('operator.pid')}</th></tr></thead>
        <tbody>
          ${(this.services ?? []).map((s) => html`<tr>
            <th scope="row">${s.name} <span class="muted">${s.url}</span></th>
            <td><span class="status" data-status=${s.health}>${s.health}</span></td>
            <td>${s.restarts}</td><td>${s.pid}</td></tr>`)}
        </tbody>
      </table>
      <h2>${t('operator.breakers')}</h2>
      <table class="lines" data-testid="breakers">
        <thead><tr><th scope="col">${t('operator.instance')}</th><th scope="col">${t('operator.breaker')}</th>
          <th scope="col">${t('operator.state')}</th></tr></thead>
        <tbody>
          ${(this.breakers ?? []).map((b) => html`<tr><th scope="row">${b.instance}</th><td>${b.name}</td>
            <td><span class="status" data-status=${b.state}>${t(`operator.breaker.${b.state}`)}</span></td></tr>`)}
        </tbody>
      </table>
      <h2>${t('operator.simulator')}</h2>
      <form class="panel narrow" @submit=${this.setKnobs}>
        <label for="latencyMs">${t('operator.latency')}</label>
        <input id="latencyMs" name="latencyMs" type="number" min="0" max="60000" required .value=${String(this.knobs?.latencyMs ?? 0)}>
        <label for="failurePercent">${t('operator.failures')}</label>
        <input id="failurePercent" name="failurePercent" type="number" min="0" max="100" required
               .value=${String(Math.round((this.knobs?.failureRate ?? 0) * 100))}>
        <p role="status">${this.message ?? ''}</p>
        <button type="submit" class="primary">${t('operator.setKnobs')}</button>
      </form>`;
  }
}
customElements.define('shop-operator', OperatorPage);
