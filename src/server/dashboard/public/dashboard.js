/*
 * The live pipeline dashboard: plain browser JavaScript over the gateway's own /graphql and
 * graphql-ws endpoints, with the viewer's credentials (session cookie, API key or none in
 * the demo). Nothing from the API is ever parsed as HTML: every value goes in by textContent.
 */
(function () {
  'use strict';

  /** The key is a credential: this tab only, gone when it closes (never localStorage). */
  const API_KEY_STORAGE = 'atom-dashboard:api-key';
  /**
   * Events come in bursts (a bulk update, a sync): a panel re-queries at most once per window,
   * at its end, however many events arrived in it; a steady stream still refreshes every
   * window. The accounts panel reads 200 accounts' linked services, so it waits longer.
   */
  const REFRESH_WINDOW_MS = { pipeline: 250, performance: 250, conversion: 250, health: 1000 };
  const TOP_ACCOUNTS = 10;

  /** The server's own operations for this page (config.json): their exact text is allow-listed. */
  const queries = () => state.config.operations.queries;
  const subscriptions = () => state.config.operations.subscriptions;

  /** Which panels a record change makes stale (pipelineChanged carries the pipeline itself). */
  const STALE_BY_TYPE = {
    OPPORTUNITY: ['performance', 'health'],
    LEAD: ['conversion'],
    ACCOUNT: ['health'],
  };

  const HEALTH_ORDER = { AT_RISK: 0, WATCH: 1, HEALTHY: 2 };

  const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

  const state = {
    config: undefined,
    /** StageName values in the org's picklist order. */
    stageOrder: undefined,
    apiKey: undefined,
    charts: {},
    timers: {},
    /** A response older than the newest request of its panel is dropped. */
    sequence: {},
    client: undefined,
    everConnected: false,
  };

  class DashboardError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function show(element, visible) {
    element.hidden = !visible;
  }

  function setText(element, text) {
    element.textContent = text;
  }

  // ---------------------------------------------------------------- transport

  function credentialHeaders() {
    return state.config.authMode === 'integration' && state.apiKey
      ? { 'x-api-key': state.apiKey }
      : {};
  }

  /** One operation over HTTP: `{ data, errors }`, or a DashboardError carrying a code. */
  async function execute(query) {
    let response;
    try {
      response = await fetch(state.config.graphqlPath, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...credentialHeaders(),
        },
        body: JSON.stringify({ query }),
      });
    } catch (err) {
      throw new DashboardError('NETWORK_ERROR', err instanceof Error ? err.message : String(err));
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new DashboardError(`HTTP_${response.status}`, response.statusText || 'No JSON body');
    }
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (body.data === null || body.data === undefined) {
      const first = errors[0];
      const code =
        (first && first.extensions && first.extensions.code) || `HTTP_${response.status}`;
      throw new DashboardError(String(code), first ? String(first.message) : 'No data');
    }
    return { data: body.data, errors };
  }

  function errorCodeOf(error) {
    if (error && error.extensions && error.extensions.code) return String(error.extensions.code);
    return 'ERROR';
  }

  // ---------------------------------------------------------------- panels

  function panel(name) {
    return byId(`panel-${name}`);
  }

  function showPanelError(name, code, message) {
    const element = panel(name).querySelector('[data-error]');
    element.dataset.code = code;
    setText(element, `${code}: ${message}`);
    show(element, true);
  }

  function clearPanelError(name) {
    const element = panel(name).querySelector('[data-error]');
    delete element.dataset.code;
    setText(element, '');
    show(element, false);
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  /** Replaces a table body; each row carries its raw values as data attributes for scripts and tests. */
  function fillTable(tableId, rows) {
    const tbody = byId(tableId).querySelector('tbody');
    const fresh = document.createElement('tbody');
    for (const row of rows) {
      const tr = document.createElement('tr');
      for (const [name, value] of Object.entries(row.data)) tr.dataset[name] = String(value);
      for (const c of row.cells) tr.append(c);
      fresh.append(tr);
    }
    tbody.replaceWith(fresh);
  }

  /** Updates the chart in place (Chart.js keeps the canvas and animates nothing). */
  function drawBars(name, labels, values, options) {
    const existing = state.charts[name];
    if (existing) {
      existing.data.labels = labels;
      existing.data.datasets[0].data = values;
      existing.update('none');
      return;
    }
    state.charts[name] = new window.Chart(byId(`chart-${name}`), {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: options.label,
            data: values,
            backgroundColor: options.color,
            borderRadius: 3,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: options.horizontal ? 'y' : 'x',
        plugins: { legend: { display: false } },
        scales: options.percent
          ? {
              [options.horizontal ? 'x' : 'y']: {
                min: 0,
                max: 1,
                ticks: { format: { style: 'percent' } },
              },
            }
          : {},
      },
    });
  }

  /** Stages in the org's picklist order (the funnel); any stage not in it goes last, by name. */
  function inStageOrder(stages) {
    const order = state.stageOrder || [];
    const rank = (s) => {
      const index = order.indexOf(s.stageName);
      return index === -1 ? order.length : index;
    };
    return [...stages].sort((a, b) => rank(a) - rank(b) || a.stageName.localeCompare(b.stageName));
  }

  function renderPipeline(report) {
    const stages = inStageOrder(report.stages);
    drawBars(
      'pipeline',
      stages.map((s) => s.stageName),
      stages.map((s) => s.amount),
      { label: 'Amount', color: '#1d4ed8' },
    );
    fillTable(
      'table-pipeline',
      stages.map((s) => ({
        data: { key: s.stageName, count: s.count, amount: s.amount, weighted: s.weightedAmount },
        cells: [
          cell(s.stageName),
          cell(String(s.count), 'number'),
          cell(money.format(s.amount), 'number'),
          cell(money.format(s.weightedAmount), 'number'),
        ],
      })),
    );
    const element = panel('pipeline');
    element.dataset.amount = String(report.amount);
    element.dataset.count = String(report.count);
    setText(
      element.querySelector('[data-summary]'),
      `${report.count} open opportunities, ${money.format(report.amount)} (weighted ${money.format(report.weightedAmount)}), as of ${new Date(report.asOf).toLocaleTimeString()}`,
    );
  }

  function renderPerformance(data) {
    const report = data.salesPerformance;
    const rows = [...report.rows].sort((a, b) => b.winRate - a.winRate);
    drawBars(
      'performance',
      rows.map((r) => r.label),
      rows.map((r) => r.winRate),
      { label: 'Win rate', color: '#047857', percent: true, horizontal: true },
    );
    fillTable(
      'table-performance',
      rows.map((r) => ({
        data: {
          key: r.key,
          label: r.label,
          won: r.wonCount,
          lost: r.lostCount,
          winRate: r.winRate,
        },
        cells: [
          cell(r.label),
          cell(String(r.wonCount), 'number'),
          cell(String(r.lostCount), 'number'),
          cell(percent.format(r.winRate), 'number'),
        ],
      })),
    );
    const t = report.total;
    panel('performance').dataset.winRate = String(t.winRate);
    setText(
      panel('performance').querySelector('[data-summary]'),
      `${t.wonCount} won, ${t.lostCount} lost: ${percent.format(t.winRate)} overall`,
    );
  }

  function renderConversion(data) {
    const report = data.leadConversion;
    const rows = [...report.rows].sort((a, b) => b.leads - a.leads);
    drawBars(
      'conversion',
      rows.map((r) => r.key),
      rows.map((r) => r.conversionRate),
      { label: 'Conversion rate', color: '#7c3aed', percent: true },
    );
    fillTable(
      'table-conversion',
      rows.map((r) => ({
        data: { key: r.key, leads: r.leads, converted: r.converted, rate: r.conversionRate },
        cells: [
          cell(r.key),
          cell(String(r.leads), 'number'),
          cell(String(r.converted), 'number'),
          cell(percent.format(r.conversionRate), 'number'),
        ],
      })),
    );
    const t = report.total;
    panel('conversion').dataset.rate = String(t.conversionRate);
    panel('conversion').dataset.leads = String(t.leads);
    setText(
      panel('conversion').querySelector('[data-summary]'),
      `${t.converted} of ${t.leads} leads converted: ${percent.format(t.conversionRate)}`,
    );
  }

  function renderHealth(data) {
    const accounts = data.accounts.nodes.filter((a) => a.customer360);
    const ranked = accounts
      .map((a) => ({ account: a, c: a.customer360 }))
      .sort(
        (x, y) =>
          HEALTH_ORDER[x.c.health] - HEALTH_ORDER[y.c.health] ||
          y.c.urgentTicketCount - x.c.urgentTicketCount ||
          y.c.overdueInvoiceCount - x.c.overdueInvoiceCount ||
          y.c.openTicketCount - x.c.openTicketCount ||
          y.c.openPipelineAmount - x.c.openPipelineAmount,
      )
      .slice(0, TOP_ACCOUNTS);
    fillTable(
      'table-health',
      ranked.map(({ account, c }) => {
        const health = cell(c.health);
        health.dataset.health = c.health;
        return {
          data: {
            key: account.id,
            health: c.health,
            tickets: c.openTicketCount,
            pipeline: c.openPipelineAmount,
          },
          cells: [
            cell(account.name),
            health,
            cell(String(c.openTicketCount), 'number'),
            cell(String(c.overdueInvoiceCount), 'number'),
            cell(money.format(c.openPipelineAmount), 'number'),
          ],
        };
      }),
    );
    const counts = { AT_RISK: 0, WATCH: 0, HEALTHY: 0 };
    for (const a of accounts) counts[a.customer360.health] += 1;
    const unavailable = new Set(accounts.flatMap((a) => a.customer360.unavailableServices));
    setText(
      panel('health').querySelector('[data-summary]'),
      `Of the first ${data.accounts.nodes.length} of ${data.accounts.totalCount} accounts: ${counts.AT_RISK} at risk, ${counts.WATCH} to watch, ${counts.HEALTHY} healthy` +
        (unavailable.size > 0 ? ` (unavailable: ${[...unavailable].join(', ')})` : ''),
    );
  }

  const RENDER = {
    pipeline: (data) => {
      // A failed describe leaves the previous order (or the report's own, by name).
      const stagePicklist = data.picklists && data.picklists[0];
      if (stagePicklist) state.stageOrder = stagePicklist.values.map((v) => v.value);
      renderPipeline(data.pipeline);
    },
    performance: renderPerformance,
    conversion: renderConversion,
    health: renderHealth,
  };

  function markRendered(name) {
    const element = panel(name);
    element.dataset.state = 'ready';
    element.dataset.updates = String(Number(element.dataset.updates || '0') + 1);
  }

  async function refresh(name) {
    const sequence = (state.sequence[name] || 0) + 1;
    state.sequence[name] = sequence;
    try {
      const { data, errors } = await execute(queries()[name]);
      if (state.sequence[name] !== sequence) return;
      RENDER[name](data);
      markRendered(name);
      if (errors.length > 0)
        showPanelError(name, errorCodeOf(errors[0]), String(errors[0].message));
      else clearPanelError(name);
    } catch (err) {
      if (state.sequence[name] !== sequence) return;
      const code = err instanceof DashboardError ? err.code : 'ERROR';
      panel(name).dataset.state = 'error';
      showPanelError(name, code, err instanceof Error ? err.message : String(err));
      if (code === 'UNAUTHENTICATED') signInNeeded(err.message);
    }
  }

  function scheduleRefresh(name) {
    if (state.timers[name] !== undefined) return;
    state.timers[name] = setTimeout(() => {
      delete state.timers[name];
      void refresh(name);
    }, REFRESH_WINDOW_MS[name]);
  }

  function refreshAll() {
    for (const name of Object.keys(queries())) void refresh(name);
  }

  // ---------------------------------------------------------------- live

  function setConnection(status, text) {
    const element = byId('connection');
    element.dataset.state = status;
    setText(element, text);
  }

  function showLiveError(text) {
    const element = byId('live-error');
    setText(element, text);
    show(element, text !== '');
  }

  function wsUrl() {
    const url = new URL(state.config.graphqlPath, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.href;
  }

  /** Close codes after which retrying cannot help: refused credentials, a bad request. */
  const FINAL_CLOSE_CODES = new Set([4400, 4401, 4403]);

  function subscriptionErrorText(name, error) {
    if (Array.isArray(error)) {
      return `${name}: ${error.map((e) => `${errorCodeOf(e)}: ${e.message}`).join('; ')}`;
    }
    if (error && typeof error.code === 'number')
      return `${name}: connection closed ${error.code} ${error.reason || ''}`;
    return `${name}: ${error instanceof Error ? error.message : String(error)}`;
  }

  function subscribe(name, query, onData) {
    state.client.subscribe(
      { query },
      {
        next: (result) => {
          if (result.errors && result.errors.length > 0) {
            showLiveError(subscriptionErrorText(name, result.errors));
          }
          if (result.data) onData(result.data);
        },
        error: (error) => showLiveError(subscriptionErrorText(name, error)),
        complete: () => {},
      },
    );
  }

  function startLive() {
    state.client = window.graphqlWs.createClient({
      url: wsUrl(),
      connectionParams: () => credentialHeaders(),
      lazy: false,
      retryAttempts: Infinity,
      shouldRetry: (event) => !(event && FINAL_CLOSE_CODES.has(event.code)),
      onNonLazyError: (error) => showLiveError(subscriptionErrorText('connection', error)),
      on: {
        connecting: () => setConnection('connecting', 'Connecting…'),
        connected: () => {
          setConnection('live', 'Live');
          showLiveError('');
          // Events were missed while the socket was down: read every panel again.
          if (state.everConnected) refreshAll();
          state.everConnected = true;
        },
        closed: (event) => {
          const code = event && typeof event.code === 'number' ? event.code : 0;
          if (FINAL_CLOSE_CODES.has(code)) {
            setConnection('failed', `Refused (${code})`);
            if (code === 4403) signInNeeded('The gateway refused the live connection (4403)');
          } else {
            setConnection('offline', `Disconnected${code ? ` (${code})` : ''}, retrying`);
          }
        },
      },
    });
    subscribe('pipelineChanged', subscriptions().pipeline, (data) => {
      // The pushed report is newer than any pipeline query still in flight: drop that answer.
      state.sequence.pipeline = (state.sequence.pipeline || 0) + 1;
      renderPipeline(data.pipelineChanged);
      markRendered('pipeline');
      clearPanelError('pipeline');
    });
    subscribe('recordChanged', subscriptions().records, (data) => {
      const change = data.recordChanged;
      // A GAP says changes went undescribed: every panel may be stale.
      const stale =
        change.changeType === 'GAP' ? Object.keys(queries()) : STALE_BY_TYPE[change.type] || [];
      for (const name of stale) scheduleRefresh(name);
    });
    subscribe('paymentReceived', subscriptions().payments, () => scheduleRefresh('health'));
    subscribe('ticketChanged', subscriptions().tickets, () => scheduleRefresh('health'));
    subscribe('invoiceChanged', subscriptions().invoices, () => scheduleRefresh('health'));
  }

  // ---------------------------------------------------------------- sign-in

  function signInNeeded(message) {
    // Work of the old credential must not outlive it: queued refreshes would go out without
    // it (a 401 the user did not cause), answers still in flight would fill hidden panels,
    // and the next sign-in's first connection is a start, not a reconnect.
    for (const name of Object.keys(state.timers)) {
      clearTimeout(state.timers[name]);
      delete state.timers[name];
    }
    for (const name of Object.keys(queries()))
      state.sequence[name] = (state.sequence[name] || 0) + 1;
    state.everConnected = false;
    if (state.client) {
      // dispose() waits for a pending connect, which rejects when the gateway already
      // closed the socket (4403): the socket is gone either way.
      state.client.dispose().catch(() => {});
      state.client = undefined;
    }
    setConnection('offline', 'Not connected');
    show(byId('panels'), false);
    show(byId('sign-in'), true);
    const integration = state.config.authMode === 'integration';
    show(byId('api-key-form'), integration);
    show(byId('user-sign-in'), state.config.authMode === 'user');
    if (integration) {
      sessionStorage.removeItem(API_KEY_STORAGE);
      state.apiKey = undefined;
      show(byId('sign-out'), false);
    }
    const error = byId('sign-in-error');
    setText(error, message || '');
    show(error, Boolean(message));
  }

  function start() {
    show(byId('sign-in'), false);
    show(byId('panels'), true);
    show(byId('sign-out'), state.config.authMode === 'integration');
    refreshAll();
    startLive();
  }

  async function loadConfig() {
    const response = await fetch('/dashboard/config.json', { credentials: 'same-origin' });
    if (!response.ok) throw new DashboardError(`HTTP_${response.status}`, 'config.json');
    return response.json();
  }

  async function main() {
    try {
      state.config = await loadConfig();
    } catch (err) {
      showLiveError(
        `Cannot read the dashboard settings: ${err instanceof Error ? err.message : String(err)}`,
      );
      return;
    }
    const mode = state.config.authMode;
    setText(byId('auth-mode'), `${mode} mode`);
    if (state.config.loginUrl) byId('login-link').href = state.config.loginUrl;
    byId('api-key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = byId('api-key').value.trim();
      if (key === '') return;
      sessionStorage.setItem(API_KEY_STORAGE, key);
      state.apiKey = key;
      byId('api-key').value = '';
      start();
    });
    byId('sign-out').addEventListener('click', () => signInNeeded(''));
    if (mode === 'integration') {
      state.apiKey = sessionStorage.getItem(API_KEY_STORAGE) || undefined;
      if (!state.apiKey) {
        signInNeeded('');
        return;
      }
    }
    // User mode tries with the session cookie first; a 401 brings the sign-in link.
    start();
  }

  document.addEventListener('DOMContentLoaded', () => void main());
})();
