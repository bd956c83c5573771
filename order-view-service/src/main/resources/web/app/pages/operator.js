import { html } from 'lit';
import { ShopElement } from '../shop-element.js';
import { t } from '../i18n.js';
import { get, put, ProblemError } from '../api.js';

const REFRESH_MILLIS = 2000;
const SIMULATOR = '/local/admin/payment-service/simulator';
const BREAKERS = '/local/admin/order-service/circuit-breakers';
const FIGURES = '/local/metrics';
const TRACES = '/local/traces';

/** A duration for people: milliseconds under a second, seconds under two minutes, then minutes. */
function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '—';
  }
  if (seconds < 1) {
    return `${Math.round(seconds * 1000)} ms`;
  }
  return seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;
}

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
 * The operator's page of the local run: the shop's figures, read by the runner from every instance's /q/metrics
 * (GET /local/metrics: orders by outcome, stage latencies, outboxes, consumer lag, dead-lettered events); one
 * order's trace (GET /local/traces); each service's health and restarts (GET /local/services); the payment
 * simulator's knobs and order-service's circuit breaker, per instance (the runner's /local/admin paths).
 */
export class OperatorPage extends ShopElement {
  static properties = {
    services: { state: true }, breakers: { state: true }, knobs: { state: true }, unavailable: { state: true },
    message: { state: true }, figures: { state: true }, trace: { state: true }, traceMessage: { state: true },
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
    const [services, breakers, knobs, figures] = await Promise.allSettled([get('/local/services'), perInstance(BREAKERS),
      perInstance(SIMULATOR), get(FIGURES)]);
    this._refreshing = false;
    if (figures.status === 'fulfilled') {
      this.figures = figures.value;
    }
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

  async showTrace(event) {
    event.preventDefault();
    const orderId = new FormData(event.target).get('orderId').trim();
    try {
      const answer = await get(`${TRACES}?order=${encodeURIComponent(orderId)}`);
      this.trace = answer.traces[0];
      this.traceMessage = this.trace ? '' : t('operator.noTrace', { orderId });
    } catch (failure) {
      this.trace = undefined;
      this.traceMessage = t('error.generic', { message: failure.message });
    }
  }

  renderFigures() {
    const f = this.figures;
    if (!f) {
      return '';
    }
    return html`
      <!-- each panel scrolls sideways on a narrow screen, and so takes the keyboard's focus -->
      <div class="figures">
        <section class="panel" aria-labelledby="orders-heading" tabindex="0">
          <h2 id="orders-heading">${t('operator.orders')}</h2>
          <table class="lines" data-testid="orders">
            <thead><tr><th scope="col">${t('operator.outcome')}</th><th scope="col">${t('operator.total')}</th>
              <th scope="col">${t('operator.perMinute')}</th></tr></thead>
            <tbody>${f.orders.map((o) => html`<tr><th scope="row">${o.outcome}</th><td>${o.total}</td>
              <td>${o.perMinute ?? '—'}</td></tr>`)}</tbody>
          </table>
        </section>
        <section class="panel" aria-labelledby="stages-heading" tabindex="0">
          <h2 id="stages-heading">${t('operator.stages')}</h2>
          <table class="lines" data-testid="stages">
            <thead><tr><th scope="col">${t('operator.stage')}</th><th scope="col">${t('operator.count')}</th>
              <th scope="col">p50</th><th scope="col">p95</th><th scope="col">p99</th></tr></thead>
            <tbody>${f.stages.map((s) => html`<tr><th scope="row">${s.stage}</th><td>${s.count}</td>
              <td>${duration(s.p50Seconds)}</td><td>${duration(s.p95Seconds)}</td><td>${duration(s.p99Seconds)}</td></tr>`)}</tbody>
          </table>
        </section>
        <section class="panel wide" aria-labelledby="flow-heading" tabindex="0">
          <h2 id="flow-heading">${t('operator.events')}</h2>
          <table class="lines" data-testid="events">
            <thead><tr><th scope="col">${t('operator.service')}</th><th scope="col">${t('operator.backlog')}</th>
              <th scope="col">${t('operator.oldest')}</th><th scope="col">${t('operator.lag')}</th>
              <th scope="col">${t('operator.deadLettered')}</th></tr></thead>
            <tbody>${[...new Set([...f.outbox, ...f.consumerLag].map((line) => line.service))].sort().map((service) => {
              const outbox = f.outbox.find((line) => line.service === service);
              const lag = f.consumerLag.find((line) => line.service === service);
              const dead = f.deadLettered.filter((line) => line.service === service).reduce((sum, line) => sum + line.count, 0);
              return html`<tr><th scope="row">${service}</th><td>${outbox?.backlog ?? '—'}</td>
                <td>${outbox ? duration(outbox.oldestAgeSeconds) : '—'}</td><td>${lag?.lag ?? '—'}</td>
                <td><span class="status" data-status=${dead > 0 ? 'DOWN' : 'UP'}>${dead}</span></td></tr>`;
            })}</tbody>
          </table>
        </section>
      </div>`;
  }

  renderTrace() {
    const trace = this.trace;
    return html`
      <h2>${t('operator.trace')}</h2>
      <form class="panel narrow" @submit=${this.showTrace}>
        <label for="orderId">${t('operator.traceOf')}</label>
        <input id="orderId" name="orderId" required autocomplete="off" spellcheck="false">
        <p role="status">${this.traceMessage ?? ''}</p>
        <button type="submit" class="primary">${t('operator.showTrace')}</button>
      </form>
      ${trace ? html`
        <p>${t('operator.traceSummary', { traceId: trace.traceId, spans: trace.spans.length, ms: Math.round(trace.durationMs) })}</p>
        <table class="lines trace" data-testid="trace">
          <thead><tr><th scope="col">${t('operator.service')}</th><th scope="col">${t('operator.span')}</th>
            <th scope="col">${t('operator.start')}</th><th scope="col">${t('operator.duration')}</th>
            <th scope="col"><span class="visually-hidden">${t('operator.timeline')}</span></th></tr></thead>
          <tbody>${trace.spans.map((span) => html`<tr>
            <th scope="row">${span.service}</th><td>${span.name}</td>
            <td>${span.startMs.toFixed(1)} ms</td><td>${span.durationMs.toFixed(1)} ms</td>
            <td class="timeline"><span class="bar" data-failed=${span.failed}
              style="margin-left:${(100 * span.startMs) / trace.durationMs}%;width:${Math.max(0.5, (100 * span.durationMs) / trace.durationMs)}%"></span></td>
          </tr>`)}</tbody>
        </table>` : ''}`;
  }

  render() {
    return html`
      <h1>${t('operator.title')}</h1>
      ${this.unavailable ? html`<p>${t('operator.localOnly')}</p>` : ''}
      ${this.renderFigures()}
      ${this.renderTrace()}
      <h2>${t('operator.services')}</h2>
      <table class="lines" data-testid="services">
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
