import { PassThrough } from 'node:stream';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { apiCalls, emulatorRequests, injectFaults } from '../helpers/emulator-requests';
import { directConnection } from '../helpers/salesforce-direct';
import {
  connectWs,
  DEMO_READYZ_HEADERS,
  waitForSubscribers,
} from '../helpers/subscriptions-client';

/** Collects the gateway's pino lines; `waitFor` resolves on the first line matching. */
function logCollector() {
  const stream = new PassThrough();
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ match: (line: Record<string, unknown>) => boolean; done: () => void }> =
    [];
  let buffered = '';
  stream.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>;
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.match(line))) waiter.done();
      newline = buffered.indexOf('\n');
    }
  });
  return {
    stream,
    lines,
    waitFor(match: (line: Record<string, unknown>) => boolean): Promise<void> {
      if (lines.some(match)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ match, done: resolve }));
    },
  };
}

const NESTED = `{
  accounts(first: 20) {
    nodes { id contacts(first: 2) { nodes { id account { opportunities(first: 2) { nodes { id } } } } } }
  }
}`;

describe('request ids', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });

  it("echoes the client's x-request-id and sends it on every Salesforce call", async () => {
    await gateway.resetEmulatorStats();
    const { status, headers, body } = await gateway.post(NESTED, undefined, {
      'x-request-id': 'client-req-42',
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(headers.get('x-request-id')).toBe('client-req-42');
    const calls = apiCalls(await emulatorRequests(gateway.emulatorUrl));
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const call of calls) {
      expect(call).toMatchObject({
        requestId: 'client-req-42',
        callOptions: 'client=atom-gateway',
      });
    }
  });

  it('makes one up when the client sent none or a malformed one, and uses it upstream', async () => {
    for (const sent of [undefined, 'bad id with spaces']) {
      await gateway.resetEmulatorStats();
      const { headers } = await gateway.post(
        '{ accounts(first: 1) { nodes { id } } }',
        undefined,
        sent === undefined ? {} : { 'x-request-id': sent },
      );
      const id = headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const calls = apiCalls(await emulatorRequests(gateway.emulatorUrl));
      expect(calls.map((c) => c.requestId)).toEqual([id]);
    }
  });
});

describe('rows budget per operation (QUERY_MAX_ROWS)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { QUERY_MAX_ROWS: '120' } });
  });

  it('refuses an operation that reads more rows, and starts no call after the budget is hit', async () => {
    await gateway.resetEmulatorStats();
    const { body } = await gateway.post(
      `{ accounts(first: 100) { nodes { id contacts(first: 5) { nodes { id opportunities: account { opportunities(first: 1) { nodes { id } } } } } } } }`,
    );
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect({ message: error.message, ...error.extensions }).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        reason: 'max-rows',
        maxRows: 120,
      });
      expect(error.message).toMatch(/120 records/);
    }
    // The page (101 rows), then the contacts of its 100 accounts go past 120: the
    // opportunities below them are never asked for.
    const calls = apiCalls(await emulatorRequests(gateway.emulatorUrl));
    expect(calls).toHaveLength(2);
    expect((await gateway.emulatorStats()).total).toBe(2);
  });

  it('runs an operation under the budget', async () => {
    const { body } = await gateway.post<{ accounts: { nodes: unknown[] } }>(
      '{ accounts(first: 10) { nodes { id contacts(first: 2) { nodes { id } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.accounts.nodes).toHaveLength(10);
  });

  it('lets the same page through without its child rows: those tipped the first one over', async () => {
    const alone = await gateway.post('{ accounts(first: 100) { nodes { id } } }');
    expect(alone.body.errors).toBeUndefined();
  });
});

describe('abort propagation', () => {
  it('stops the upstream calls of an operation whose client went away', async () => {
    const logs = logCollector();
    const gateway = await startTestGateway({ logDestination: logs.stream, logLevel: 'debug' });

    // The same query run to completion, for the number of calls it needs.
    await gateway.resetEmulatorStats();
    const full = await gateway.graphql(NESTED);
    expect(full.errors).toBeUndefined();
    const fullCalls = (await gateway.emulatorStats()).total;
    expect(fullCalls).toBeGreaterThanOrEqual(3);

    await injectFaults(gateway.emulatorUrl, { latencyMs: 300 });
    await gateway.resetEmulatorStats();
    const client = new AbortController();
    const answer = fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'abandoned-1' },
      body: JSON.stringify({ query: NESTED }),
      signal: client.signal,
    }).catch((err: unknown) => err);
    // Abort once the first Salesforce call has reached the org.
    while (apiCalls(await emulatorRequests(gateway.emulatorUrl)).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    client.abort();
    expect(await answer).toMatchObject({ name: 'AbortError' });
    await logs.waitFor(
      (line) =>
        line.requestId === 'abandoned-1' && line.msg === 'client went away; operation aborted',
    );
    await logs.waitFor(
      (line) =>
        line.requestId === 'abandoned-1' &&
        line.msg === 'upstream call abandoned: the client went away',
    );
    await injectFaults(gateway.emulatorUrl, { latencyMs: 0 });

    const abandonedCalls = (await gateway.emulatorStats()).total;
    expect(abandonedCalls).toBe(1);
    expect(abandonedCalls).toBeLessThan(fullCalls);
    // Handled as an abort: no internal error logged, and the gateway serves on.
    expect(logs.lines.filter((line) => line.level === 50)).toEqual([]);
    const after = await gateway.graphql('{ accounts(first: 1) { nodes { id } } }');
    expect(after.errors).toBeUndefined();
    expect((await gateway.emulatorStats()).total).toBe(abandonedCalls + 1);
  });
});

describe('abort propagation over graphql-ws', () => {
  for (const how of ['complete', 'socket close'] as const) {
    it(`stops an operation's upstream calls on the client's ${how}`, async () => {
      const logs = logCollector();
      const gateway = await startTestGateway({ logDestination: logs.stream, logLevel: 'debug' });
      await injectFaults(gateway.emulatorUrl, { latencyMs: 300 });
      await gateway.resetEmulatorStats();
      const ws = connectWs(gateway.url);
      const results: unknown[] = [];
      const unsubscribe = ws.client.subscribe(
        { query: NESTED },
        { next: (r) => results.push(r), error: (e) => results.push(e), complete: () => undefined },
      );
      while (apiCalls(await emulatorRequests(gateway.emulatorUrl)).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (how === 'complete') unsubscribe();
      else await ws.dispose();
      await logs.waitFor((line) => line.msg === 'upstream call abandoned: the client went away');
      await injectFaults(gateway.emulatorUrl, { latencyMs: 0 });
      expect((await gateway.emulatorStats()).total).toBe(1);
      expect(results).toEqual([]);
      expect(logs.lines.filter((line) => line.level === 50)).toEqual([]);
      await ws.dispose();
    });
  }
});

describe('rows budget of a subscription (QUERY_MAX_ROWS per delivered event)', () => {
  it('refuses an event that reads too much, and starts each event with a fresh budget', async () => {
    const gateway = await startTestGateway({
      env: { QUERY_MAX_ROWS: '20' },
      emulator: { cdc: { timeoutSeconds: 1 } },
    });
    const sf = await directConnection(gateway.emulatorUrl);
    const createAccount = async (name: string, contacts: number): Promise<string> => {
      const account = await sf.sobject('Account').create({ Name: name });
      if (!account.success) throw new Error('account not created');
      const rows = Array.from({ length: contacts }, (_, i) => ({
        LastName: `Budget ${i}`,
        AccountId: account.id,
      }));
      const saved = await sf.sobject('Contact').create(rows, { allOrNone: true });
      expect(saved.every((r) => r.success)).toBe(true);
      return account.id;
    };
    const big = await createAccount('Budget big', 25);
    const small = await createAccount('Budget small', 2);

    const ws = connectWs(gateway.url);
    const events: Array<{ data?: unknown; errors?: ReadonlyArray<{ extensions?: unknown }> }> = [];
    ws.client.subscribe(
      {
        query: `subscription ($ids: [ID!]) {
          accountChanged(ids: $ids, changeTypes: [UPDATE]) {
            recordIds
            record { ... on Account { id contacts(first: 30) { nodes { id } } } }
          }
        }`,
        variables: { ids: [big, small] },
      },
      {
        next: (result) => events.push(result),
        error: (error) => events.push({ errors: [{ extensions: { error: String(error) } }] }),
        complete: () => undefined,
      },
    );
    await waitForSubscribers({ origin: gateway.origin, headers: DEMO_READYZ_HEADERS }, 1);
    const waitForEvents = async (count: number) => {
      while (events.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    // 1 account + 25 contacts > 20: this event's record is refused.
    await sf.sobject('Account').update({ Id: big, Description: 'touched' });
    await waitForEvents(1);
    expect(events[0]?.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      reason: 'max-rows',
      maxRows: 20,
    });
    // 3 rows per event, 8 events: 24 in all, yet each event fits its own budget.
    for (let i = 0; i < 8; i++) {
      await sf.sobject('Account').update({ Id: small, Description: `touched ${i}` });
      await waitForEvents(2 + i);
      const event = events[1 + i];
      expect(event?.errors).toBeUndefined();
      expect(event?.data).toMatchObject({
        accountChanged: { record: { contacts: { nodes: [{ id: expect.any(String) }, {}] } } },
      });
    }
    await ws.dispose();
  });
});
