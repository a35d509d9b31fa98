/**
 * Prometheus metrics, scraped over HTTP after real operations against the emulator: the
 * counters move by exactly what was done, the Salesforce calls agree with the emulator's own
 * count per endpoint, no label carries an id, the token guards /metrics, and two gateways in
 * one process keep separate series.
 */
import { gatewaySessionToken } from '../helpers/gateway-login';
import { flushLeftovers, leftovers } from '../helpers/leftovers';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import {
  connectWs,
  DEMO_READYZ_HEADERS,
  subscribe,
  waitForSubscribers,
} from '../helpers/subscriptions-client';

const TOKEN = 'metrics-test-token-0123456789';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The text exposition format, as far as prom-client writes it. */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`unparsable metrics line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] as string] = (pair[2] as string).replace(/\\(.)/g, '$1');
    }
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

class Scrape {
  constructor(readonly samples: Sample[]) {}

  /** The sum over series of `name` whose labels include `labels` (0 when none). */
  value(name: string, labels: Record<string, string> = {}): number {
    return this.samples
      .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
  }

  has(name: string, labels: Record<string, string> = {}): boolean {
    return this.samples.some(
      (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    );
  }
}

async function scrape(url: string, token: string | undefined = TOKEN): Promise<Scrape> {
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return new Scrape(parseMetrics(await response.text()));
}

interface EmulatorStats {
  byEndpoint: Record<string, number>;
  limit: { used: number; max: number };
}

async function emulatorStats(gw: TestGateway): Promise<EmulatorStats> {
  return (await (await fetch(`${gw.emulatorUrl}/__emulator/stats`)).json()) as EmulatorStats;
}

/** The emulator's endpoint names and the gateway's labels for the same calls. */
const ENDPOINT_LABELS: Record<string, string> = {
  query: 'query',
  queryAll: 'query_all',
  queryMore: 'query_more',
  retrieve: 'sobject_retrieve',
  create: 'sobject_create',
  update: 'sobject_update',
  delete: 'sobject_delete',
  retrieveMany: 'composite_retrieve',
  createMany: 'composite_create',
  updateMany: 'composite_update',
  deleteMany: 'composite_delete',
  limits: 'limits',
};

function delta(before: Record<string, number>, after: Record<string, number>) {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) {
    const d = value - (before[key] ?? 0);
    if (d !== 0) out[key] = d;
  }
  return out;
}

function upstreamByEndpoint(s: Scrape): Record<string, number> {
  const out: Record<string, number> = {};
  for (const sample of s.samples) {
    if (sample.name !== 'gateway_upstream_requests_total') continue;
    out[sample.labels.endpoint as string] = sample.value;
  }
  return out;
}

const TOP = `query TopAccounts {
  accounts(first: 2) { totalCount nodes { id name contacts(first: 1) { nodes { email } } } }
}`;

let gw: TestGateway;
let metricsUrl: string;

beforeAll(async () => {
  gw = await startTestGateway({
    env: { METRICS_ENABLED: 'true', METRICS_PORT: '0', METRICS_TOKEN: TOKEN },
  });
  metricsUrl = gw.gateway.metricsUrl ?? '';
  expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
});

afterAll(flushLeftovers);

describe('/metrics', () => {
  it('counts an operation and its three Salesforce calls, as the emulator counts them', async () => {
    const before = await scrape(metricsUrl);
    const statsBefore = await emulatorStats(gw);

    const result = await gw.graphql<{ accounts: { nodes: Array<{ id: string }> } }>(TOP);
    expect(result.errors).toBeUndefined();

    const after = await scrape(metricsUrl);
    const statsAfter = await emulatorStats(gw);
    const operation = {
      operation_name: 'TopAccounts',
      operation_type: 'query',
      outcome: 'success',
      transport: 'http',
    };
    expect(
      after.value('gateway_graphql_operation_duration_seconds_count', operation) -
        before.value('gateway_graphql_operation_duration_seconds_count', operation),
    ).toBe(1);
    // The page, its COUNT() and one batched child query.
    const calls = delta(upstreamByEndpoint(before), upstreamByEndpoint(after));
    expect(calls).toEqual({ query: 3 });
    const emulatorCalls = delta(statsBefore.byEndpoint, statsAfter.byEndpoint);
    expect(emulatorCalls).toEqual({ query: 3 });
    expect(
      after.value('gateway_upstream_request_duration_seconds_count', {
        service: 'salesforce',
        endpoint: 'query',
      }) -
        before.value('gateway_upstream_request_duration_seconds_count', {
          service: 'salesforce',
          endpoint: 'query',
        }),
    ).toBe(3);
    // The budget is the last response's Sforce-Limit-Info: the org's count after the call.
    expect(after.value('gateway_salesforce_api_requests_used')).toBe(statsAfter.limit.used);
    expect(after.value('gateway_salesforce_api_requests_max')).toBe(statsAfter.limit.max);
  });

  it('labels writes and reads by id by endpoint, agreeing with the emulator, with no id in any label', async () => {
    const before = await scrape(metricsUrl);
    const statsBefore = await emulatorStats(gw);

    const created = await gw.graphql<{ createAccount: { id: string } }>(
      'mutation Create { createAccount(input: { name: "Metrics Co" }) { id name } }',
    );
    const id = created.data?.createAccount.id ?? '';
    expect(id).toMatch(/^001/);
    const updated = await gw.graphql(
      `mutation Update($id: ID!) { updateAccount(id: $id, input: { name: "Metrics Co 2" }) { id } }`,
      { id },
    );
    expect(updated.errors).toBeUndefined();
    const read = await gw.graphql(`query One($id: ID!) { account(id: $id) { name } }`, { id });
    expect(read.errors).toBeUndefined();
    const deleted = await gw.graphql(`mutation Delete($id: ID!) { deleteAccount(id: $id) }`, {
      id,
    });
    expect(deleted.errors).toBeUndefined();

    const after = await scrape(metricsUrl);
    const emulatorCalls = delta(statsBefore.byEndpoint, (await emulatorStats(gw)).byEndpoint);
    const expected: Record<string, number> = {};
    for (const [endpoint, count] of Object.entries(emulatorCalls)) {
      const label = ENDPOINT_LABELS[endpoint];
      if (label === undefined) throw new Error(`no label mapping for ${endpoint}`);
      expected[label] = (expected[label] ?? 0) + count;
    }
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(delta(upstreamByEndpoint(before), upstreamByEndpoint(after))).toEqual(expected);

    for (const name of ['Create', 'Update', 'Delete']) {
      expect(
        after.value('gateway_graphql_operation_duration_seconds_count', {
          operation_name: name,
          operation_type: 'mutation',
          outcome: 'success',
        }),
      ).toBe(1);
    }
    // Salesforce ids (15/18 characters, key prefix first) appear in no label value.
    const id15 = id.slice(0, 15);
    for (const sample of after.samples) {
      for (const value of Object.values(sample.labels)) {
        expect(value).not.toContain(id15);
        expect(value).not.toMatch(/\b00[0-9A-Za-z]{13}(?:[0-9A-Za-z]{3})?\b/);
      }
    }
  });

  it('counts errors by extensions.code and labels refused and unnamed operations', async () => {
    const before = await scrape(metricsUrl);
    const refused = await gw.post('{ noSuchField }');
    const code = refused.body.errors?.[0]?.extensions?.code;
    expect(typeof code).toBe('string');
    const anonymous = await gw.graphql('{ accounts(first: 1) { nodes { name } } }');
    expect(anonymous.errors).toBeUndefined();
    const badId = await gw.graphql('query Missing { account(id: "not-an-id") { name } }');
    const badIdCode = badId.errors?.[0]?.extensions?.code;
    expect(typeof badIdCode).toBe('string');

    // Refused before GraphQL runs: no query at all.
    const empty = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(empty.status).toBe(400);
    const emptyCode = ((await empty.json()) as { errors: Array<{ extensions: { code: string } }> })
      .errors[0]?.extensions.code;
    expect(emptyCode).toBe('BAD_REQUEST');

    const after = await scrape(metricsUrl);
    const moved = (name: string, labels: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);
    const errorsOf = (c: string) => moved('gateway_graphql_errors_total', { code: c });
    expect(errorsOf('BAD_REQUEST')).toBe(1);
    if (code === badIdCode) {
      expect(errorsOf(code as string)).toBe(2);
    } else {
      expect(errorsOf(code as string)).toBe(1);
      expect(errorsOf(badIdCode as string)).toBe(1);
    }
    expect(
      moved('gateway_graphql_operation_duration_seconds_count', {
        operation_name: '(unknown)',
        operation_type: 'unknown',
        outcome: 'rejected',
        transport: 'http',
      }),
    ).toBe(1);
    expect(
      moved('gateway_graphql_operation_duration_seconds_count', {
        operation_name: '(anonymous)',
        operation_type: 'query',
        outcome: 'success',
      }),
    ).toBe(1);
    expect(
      moved('gateway_graphql_operation_duration_seconds_count', {
        operation_name: 'Missing',
        operation_type: 'query',
      }),
    ).toBe(1);
  });

  it('reports subscriptions, WebSocket clients, CDC events, lag and replay position', async () => {
    const before = await scrape(metricsUrl);
    const ws = connectWs(gw.url);
    leftovers.push(() => ws.dispose());
    const received = subscribe<{
      accountChanged: { replayId: string; commitTimestamp: string; recordIds: string[] };
    }>(ws, 'subscription Watch { accountChanged { replayId commitTimestamp recordIds } }');
    await waitForSubscribers({ origin: gw.origin, headers: DEMO_READYZ_HEADERS }, 1, received);

    const live = await scrape(metricsUrl);
    expect(live.value('gateway_websocket_connections')).toBe(1);
    expect(live.value('gateway_subscriptions_active')).toBe(1);
    expect(
      live.value('gateway_graphql_operation_duration_seconds_count', {
        operation_name: 'Watch',
        operation_type: 'subscription',
        outcome: 'success',
        transport: 'websocket',
      }),
    ).toBe(1);

    const created = await gw.graphql<{ createAccount: { id: string } }>(
      'mutation { createAccount(input: { name: "Metrics Live Co" }) { id } }',
    );
    expect(created.errors).toBeUndefined();
    const [event] = await received.take(1, 10_000);
    const change = event?.accountChanged;
    expect(change?.replayId).toMatch(/^\d+$/);

    const after = await scrape(metricsUrl);
    const source = { source: 'salesforce' };
    expect(after.value('gateway_cdc_leader', source)).toBe(1);
    expect(
      after.value('gateway_cdc_events_total', source) -
        before.value('gateway_cdc_events_total', source),
    ).toBe(1);
    expect(after.value('gateway_cdc_replay_id', source)).toBe(Number(change?.replayId));
    expect(after.value('gateway_cdc_last_commit_timestamp_seconds', source)).toBe(
      Date.parse(change?.commitTimestamp ?? '') / 1000,
    );
    expect(after.has('gateway_cdc_lag_seconds', source)).toBe(true);
    expect(after.value('gateway_cdc_lag_seconds', source)).toBeGreaterThanOrEqual(0);

    await ws.dispose();
    // The server learns of the close a moment later: poll a bounded number of scrapes.
    let open = 1;
    for (let attempt = 0; attempt < 200 && open !== 0; attempt += 1) {
      open = (await scrape(metricsUrl)).value('gateway_websocket_connections');
    }
    expect(open).toBe(0);
  });

  it('counts a WebSocket operation refused before it ran, and its error code', async () => {
    const before = await scrape(metricsUrl);
    const ws = connectWs(gw.url);
    leftovers.push(() => ws.dispose());
    const refused = subscribe(ws, 'subscription Broken { noSuchField }');
    for (let attempt = 0; attempt < 500 && refused.errors.length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // graphql-ws hands the error sink the `error` message's list of errors.
    const [error] = refused.errors.flat() as Array<{ extensions?: { code?: string } }>;
    const code = error?.extensions?.code ?? '';
    expect(code).not.toBe('');
    const after = await scrape(metricsUrl);
    const moved = (name: string, labels: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);
    expect(moved('gateway_graphql_errors_total', { code })).toBe(1);
    expect(
      moved('gateway_graphql_operation_duration_seconds_count', {
        operation_name: '(unknown)',
        outcome: 'rejected',
        transport: 'websocket',
      }),
    ).toBe(1);
    await ws.dispose();
  });

  it('refuses to start on a busy metrics port, saying which variable to change', async () => {
    const port = new URL(metricsUrl).port;
    await expect(
      startTestGateway({ env: { METRICS_ENABLED: 'true', METRICS_PORT: port } }),
    ).rejects.toThrow(
      `The metrics port 127.0.0.1:${port} is in use: set METRICS_PORT, or METRICS_ENABLED=false`,
    );
  });

  it('serves process metrics on its own registry', async () => {
    const s = await scrape(metricsUrl);
    expect(s.has('process_cpu_user_seconds_total')).toBe(true);
    expect(s.has('nodejs_heap_size_used_bytes')).toBe(true);
  });

  it('requires the bearer token on the metrics port and on the main port', async () => {
    const mainPort = `${gw.origin}/metrics`;
    for (const url of [metricsUrl, mainPort]) {
      const missing = await fetch(url);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await missing.text()).not.toContain('gateway_');
      const wrong = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      const right = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('gateway_graphql_operation_duration_seconds');
    }
    expect((await fetch(metricsUrl.replace(/\/metrics$/, '/other'))).status).toBe(404);
  });

  it('keeps two gateways in one process apart; without a token the main port has no /metrics', async () => {
    const other = await startTestGateway({ env: { METRICS_ENABLED: 'true', METRICS_PORT: '0' } });
    const otherUrl = other.gateway.metricsUrl ?? '';
    expect(otherUrl).not.toBe(metricsUrl);
    expect((await fetch(`${other.origin}/metrics`)).status).toBe(404);

    const firstBefore = await scrape(metricsUrl);
    const otherBefore = await scrape(otherUrl, undefined);
    expect(otherBefore.has('gateway_graphql_operation_duration_seconds_count')).toBe(false);

    const result = await other.graphql('query OnlyOnOther { accounts(first: 1) { nodes { id } } }');
    expect(result.errors).toBeUndefined();

    const otherAfter = await scrape(otherUrl, undefined);
    const firstAfter = await scrape(metricsUrl);
    const onlyOnOther = { operation_name: 'OnlyOnOther' };
    expect(otherAfter.value('gateway_graphql_operation_duration_seconds_count', onlyOnOther)).toBe(
      1,
    );
    expect(firstAfter.has('gateway_graphql_operation_duration_seconds_count', onlyOnOther)).toBe(
      false,
    );
    expect(upstreamByEndpoint(firstAfter)).toEqual(upstreamByEndpoint(firstBefore));
    expect(otherAfter.value('gateway_upstream_requests_total', { endpoint: 'query' })).toBe(1);
    await other.stop();
  });
});

describe('/metrics in user mode', () => {
  it("counts the signed-in user's own Salesforce calls", async () => {
    const user = await startTestGateway({
      env: { AUTH_MODE: 'user', METRICS_ENABLED: 'true', METRICS_PORT: '0' },
    });
    const url = user.gateway.metricsUrl ?? '';
    const token = await gatewaySessionToken(user.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
    const before = await scrape(url, undefined);
    const anonymous = await user.post('{ accounts(first: 1) { nodes { name } } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const result = await user.graphql(
      'query Mine { accounts(first: 2) { totalCount nodes { name } } }',
      undefined,
      { authorization: `Bearer ${token}` },
    );
    expect(result.errors).toBeUndefined();
    const after = await scrape(url, undefined);
    expect(
      after.value('gateway_graphql_errors_total', { code: 'UNAUTHENTICATED' }) -
        before.value('gateway_graphql_errors_total', { code: 'UNAUTHENTICATED' }),
    ).toBe(1);
    // The page and its COUNT(), made with rep1's own client.
    expect(delta(upstreamByEndpoint(before), upstreamByEndpoint(after))).toEqual({ query: 2 });
    expect(
      after.value('gateway_graphql_operation_duration_seconds_count', { operation_name: 'Mine' }),
    ).toBe(1);
    await user.stop();
  });
});

describe('/metrics for the linked services', () => {
  it('counts each Stripe, Zendesk and QuickBooks call as its emulator does, and their failures', async () => {
    const linked = await startTestGateway({
      env: {
        METRICS_ENABLED: 'true',
        METRICS_PORT: '0',
        METRICS_TOKEN: TOKEN,
        STRIPE_RETRIES: '0',
      },
      linked: {},
    });
    const url = linked.gateway.metricsUrl ?? '';
    const adminOf = (service: string) =>
      (linked.linked?.emulators.find((e) => e.service === service)?.adminUrl ?? '').replace(
        /\/stats$/,
        '',
      );
    const totalOf = async (service: string) =>
      ((await (await fetch(`${adminOf(service)}/stats`)).json()) as { total: number }).total;
    const result = await linked.graphql(
      '{ accounts(first: 20) { nodes { payments { nodes { id } } tickets { nodes { id } } invoices { nodes { id } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const after = await scrape(url);
    for (const service of ['stripe', 'zendesk', 'quickbooks']) {
      const calls = await totalOf(service);
      expect(calls).toBeGreaterThan(0);
      expect({
        service,
        counted: after.value('gateway_upstream_requests_total', { service, endpoint: 'api' }),
      }).toEqual({ service, counted: calls });
      expect(after.has('gateway_upstream_request_duration_seconds_count', { service })).toBe(true);
    }

    await fetch(`${adminOf('stripe')}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serverUnavailable: 1 }),
    });
    const failing = await linked.graphql(
      '{ accounts(first: 1) { nodes { payments { nodes { id } } } } }',
    );
    expect(failing.errors?.[0]?.extensions?.service).toBe('stripe');
    const scraped = await scrape(url);
    expect(
      scraped.value('gateway_upstream_errors_total', { service: 'stripe', status_class: '5xx' }),
    ).toBe(1);
  });
});
