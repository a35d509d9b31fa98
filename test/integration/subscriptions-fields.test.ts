/**
 * Every Subscription field over graphql-ws against a real gateway and emulator (demo mode):
 * filters, `record` content, writes through the gateway and straight to the emulator.
 */
import type { Connection } from 'jsforce';
import type {
  AccountChangesSubscription,
  AccountCreatesSubscription,
  AccountUpdatesAndDeletesSubscription,
  AccountUpdatesAndGapsSubscription,
  AccountUpdatesDeletesAndGapsSubscription,
  ContactChangesOfAccountsSubscription,
  CreateLiveAccountMutation,
  LeadAndContactUpdatesSubscription,
  LeadUpdatesSubscription,
  OpportunityCreatesOfAccountsSubscription,
  PipelineChangesSubscription,
  PipelineQuery,
} from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { operation } from '../helpers/operations';
import { directConnection } from '../helpers/salesforce-direct';
import {
  cometdClients,
  connectWs,
  subscribe,
  waitForSubscribers,
  DEMO_READYZ_HEADERS,
  type TestWsClient,
} from '../helpers/subscriptions-client';

let gateway: TestGateway;
let sf: Connection;
let ws: TestWsClient;
let subscriberCount = 0;

const id15 = (id: string | undefined) => id?.slice(0, 15);

async function created(object: string, fields: Record<string, unknown>): Promise<string> {
  const result = await sf.sobject(object).create(fields);
  if (!result.success || !result.id) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.id;
}

/** Subscribes and waits until the gateway has it listening. */
async function live<T>(query: string, variables?: Record<string, unknown>) {
  const received = subscribe<T>(ws, query, variables);
  subscriberCount += 1;
  await waitForSubscribers(
    { origin: gateway.origin, headers: DEMO_READYZ_HEADERS },
    subscriberCount,
    received,
  );
  return {
    ...received,
    unsubscribe: () => {
      received.unsubscribe();
      subscriberCount -= 1;
    },
  };
}

beforeAll(async () => {
  // A 1 s long-poll: a CometD session the org ends is noticed without waiting for an event.
  gateway = await startTestGateway({ emulator: { scale: 1, cdc: { timeoutSeconds: 1 } } });
  sf = await directConnection(gateway.emulatorUrl);
  ws = connectWs(gateway.url);
});

afterAll(async () => {
  await ws.dispose();
});

describe('graphql-ws subscriptions (demo mode)', () => {
  it('pushes a write made through the gateway, with the record read as the subscriber', async () => {
    const sub = await live<AccountChangesSubscription>(operation('AccountChanges'));
    // However many subscriptions, the org holds one CometD client.
    expect(await cometdClients(gateway.emulatorUrl)).toHaveLength(1);
    const startedAt = Date.now();
    const result = await gateway.graphql<CreateLiveAccountMutation>(operation('CreateLiveAccount'));
    const id = result.data?.createAccount.id ?? '';
    const [event] = await sub.take(1, 1_000);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    const change = event?.accountChanged;
    expect(change).toMatchObject({ type: 'ACCOUNT', changeType: 'CREATE' });
    expect(change?.recordIds.map(id15)).toEqual([id15(id)]);
    expect(change?.changedFields).toEqual(
      expect.arrayContaining(['name', 'industry', 'billingAddress']),
    );
    expect(change?.changedFields.every((f) => /^[a-z][A-Za-z]*$/.test(f))).toBe(true);
    expect(change?.commitUserId).toMatch(/^005/);
    expect(Number.isNaN(Date.parse(change?.commitTimestamp ?? ''))).toBe(false);
    expect(change?.replayId).toMatch(/^\d+$/);
    expect(change?.record).toMatchObject({
      __typename: 'Account',
      name: 'Live Co',
      industry: 'Energy',
      billingAddress: { city: 'Lyon' },
      owner: { name: expect.any(String) },
    });
    sub.unsubscribe();
  });

  it('pushes a write made directly to the emulator within a second; DELETE has no record', async () => {
    const id = await created('Account', { Name: 'Direct Co' });
    const sub = await live<AccountUpdatesAndDeletesSubscription>(
      operation('AccountUpdatesAndDeletes'),
      { ids: [id] },
    );
    const other = await created('Account', { Name: 'Not Watched' });
    const startedAt = Date.now();
    await sf.sobject('Account').update({ Id: id, Industry: 'Banking' });
    const [update] = await sub.take(1, 1_000);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(update?.accountChanged).toMatchObject({
      changeType: 'UPDATE',
      changedFields: expect.arrayContaining(['industry']),
      record: { __typename: 'Account', name: 'Direct Co', industry: 'Banking' },
    });
    await sf.sobject('Account').destroy(other);
    await sf.sobject('Account').destroy(id);
    const [deleted] = await sub.take(1);
    expect(deleted?.accountChanged).toMatchObject({ changeType: 'DELETE', record: null });
    expect(deleted?.accountChanged.recordIds.map(id15)).toEqual([id15(id)]);
    // The other account's create and delete never reached this subscriber.
    expect(await sub.drain(300)).toEqual([]);
    sub.unsubscribe();
  });

  it('filters by changeTypes', async () => {
    const sub = await live<LeadUpdatesSubscription>(operation('LeadUpdates'));
    const id = await created('Lead', { LastName: 'Filter', Company: 'Acme' });
    await sf.sobject('Lead').update({ Id: id, Company: 'Acme Two' });
    const [event] = await sub.take(1);
    expect(event?.leadChanged).toMatchObject({
      changeType: 'UPDATE',
      record: { __typename: 'Lead', lastName: 'Filter', company: 'Acme Two' },
    });
    expect(await sub.drain(300)).toEqual([]);
    sub.unsubscribe();
  });

  it('filters contacts and opportunities by account, also on updates that do not name it', async () => {
    const watched = await created('Account', { Name: 'Watched Account' });
    const elsewhere = await created('Account', { Name: 'Elsewhere Account' });
    const contacts = await live<ContactChangesOfAccountsSubscription>(
      operation('ContactChangesOfAccounts'),
      { a: [watched] },
    );
    const opportunities = await live<OpportunityCreatesOfAccountsSubscription>(
      operation('OpportunityCreatesOfAccounts'),
      { a: [watched] },
    );
    await created('Contact', { LastName: 'Outside', AccountId: elsewhere });
    const inside = await created('Contact', { LastName: 'Inside', AccountId: watched });
    // An update that does not touch AccountId: the event does not carry the account.
    await sf.sobject('Contact').update({ Id: inside, LastName: 'Inside Renamed' });
    const [create, update] = await contacts.take(2);
    // `record` is the state when the event is delivered, which may already be renamed.
    expect(create?.contactChanged).toMatchObject({
      changeType: 'CREATE',
      record: { account: { name: 'Watched Account' } },
    });
    expect(update?.contactChanged).toMatchObject({
      changeType: 'UPDATE',
      record: { lastName: 'Inside Renamed' },
    });
    expect(await contacts.drain(300)).toEqual([]);

    await created('Opportunity', {
      Name: 'Outside Deal',
      StageName: 'Prospecting',
      CloseDate: '2030-01-01',
      AccountId: elsewhere,
    });
    const deal = await created('Opportunity', {
      Name: 'Inside Deal',
      StageName: 'Prospecting',
      CloseDate: '2030-01-01',
      Amount: 1000,
      AccountId: watched,
    });
    const [dealEvent] = await opportunities.take(1);
    expect(dealEvent?.opportunityChanged.recordIds.map(id15)).toEqual([id15(deal)]);
    expect(dealEvent?.opportunityChanged.record).toMatchObject({
      __typename: 'Opportunity',
      name: 'Inside Deal',
      amount: 1000,
    });
    expect(await opportunities.drain(300)).toEqual([]);
    contacts.unsubscribe();
    opportunities.unsubscribe();
  });

  it('recordChanged filters by types and ids', async () => {
    const lead = await created('Lead', { LastName: 'Typed', Company: 'T' });
    const sub = await live<LeadAndContactUpdatesSubscription>(operation('LeadAndContactUpdates'), {
      ids: [lead],
    });
    await created('Account', { Name: 'Wrong Type' });
    await created('Lead', { LastName: 'Wrong Id', Company: 'T' });
    await sf.sobject('Lead').update({ Id: lead, Company: 'T2' });
    const [event] = await sub.take(1);
    expect(event?.recordChanged).toMatchObject({
      type: 'LEAD',
      changeType: 'UPDATE',
      record: { __typename: 'Lead', company: 'T2' },
    });
    expect(await sub.drain(300)).toEqual([]);
    sub.unsubscribe();
  });

  it('turns the GAP knob into a re-read UPDATE, and an overflow into GAP', async () => {
    const id = await created('Account', { Name: 'Gap Co', Industry: 'Retail' });
    const sub = await live<AccountUpdatesAndGapsSubscription>(operation('AccountUpdatesAndGaps'));
    const gap = async (body: unknown) => {
      const res = await fetch(`${gateway.emulatorUrl}/__emulator/cdc/gap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.ok).toBe(true);
    };
    await gap({ changeType: 'GAP_UPDATE', entityName: 'Account', recordIds: [id] });
    const [reread] = await sub.take(1);
    expect(reread?.accountChanged).toMatchObject({
      changeType: 'UPDATE',
      changedFields: expect.arrayContaining(['name', 'industry']),
      record: { name: 'Gap Co', industry: 'Retail' },
    });
    await gap({ changeType: 'GAP_OVERFLOW', entityName: 'Account', recordIds: [] });
    const [overflow] = await sub.take(1);
    expect(overflow?.accountChanged).toMatchObject({
      changeType: 'GAP',
      recordIds: [],
      record: null,
    });
    sub.unsubscribe();
  });

  it('maps GAP_DELETE of a deleted record to DELETE, GAP_CREATE and GAP_UNDELETE of a live one to UPDATE', async () => {
    const kept = await created('Account', { Name: 'Gap Kept Co', Industry: 'Energy' });
    const gone = await created('Account', { Name: 'Gap Gone Co' });
    const sub = await live<AccountUpdatesDeletesAndGapsSubscription>(
      operation('AccountUpdatesDeletesAndGaps'),
      { ids: [kept, gone] },
    );
    await sf.sobject('Account').destroy(gone);
    const [deleted] = await sub.take(1);
    expect(deleted?.accountChanged).toMatchObject({ changeType: 'DELETE', record: null });
    const gap = async (changeType: string, id: string) => {
      const res = await fetch(`${gateway.emulatorUrl}/__emulator/cdc/gap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ changeType, entityName: 'Account', recordIds: [id] }),
      });
      expect(res.ok).toBe(true);
    };

    // The re-read finds no row: whatever the GAP was about, the record is gone now.
    await gap('GAP_DELETE', gone);
    const [gapDelete] = await sub.take(1);
    expect(gapDelete?.accountChanged).toMatchObject({ changeType: 'DELETE', record: null });
    expect(id15(gapDelete?.accountChanged.recordIds[0])).toBe(id15(gone));

    // The re-read finds the row: subscribers get its current state as an UPDATE.
    await gap('GAP_CREATE', kept);
    const [gapCreate] = await sub.take(1);
    expect(gapCreate?.accountChanged).toMatchObject({
      changeType: 'UPDATE',
      record: { name: 'Gap Kept Co', industry: 'Energy' },
    });
    expect(id15(gapCreate?.accountChanged.recordIds[0])).toBe(id15(kept));

    await gap('GAP_UNDELETE', kept);
    const [gapUndelete] = await sub.take(1);
    expect(gapUndelete?.accountChanged).toMatchObject({
      changeType: 'UPDATE',
      record: { name: 'Gap Kept Co' },
    });
    expect(await sub.drain(300)).toEqual([]);
    sub.unsubscribe();
  });

  it('recomputes pipelineChanged once per burst: 100 changes, a handful of aggregate queries', async () => {
    const where = { stageName: { in: ['Prospecting', 'Qualification'] } };
    const sub = await live<PipelineChangesSubscription>(operation('PipelineChanges'), { w: where });
    const accountId = await created('Account', { Name: 'Pipeline Co' });
    const burst = Array.from({ length: 100 }, (_, i) => ({
      Name: `Burst ${i}`,
      StageName: 'Prospecting',
      CloseDate: '2030-06-01',
      Amount: 100,
      AccountId: accountId,
    }));
    await gateway.resetEmulatorStats();
    const results = await sf.sobject('Opportunity').create(burst, { allOrNone: true });
    expect(results.every((r) => r.success)).toBe(true);
    const [first] = await sub.take(1, 5_000);
    const more = await sub.drain(1_500);
    const stats = await gateway.emulatorStats();
    // The composite create is 1 call; every recompute is one aggregate query.
    const queries = stats.byEndpoint.query ?? 0;
    expect(queries).toBeGreaterThanOrEqual(1);
    expect(queries).toBeLessThanOrEqual(5);
    expect(1 + more.length).toBe(queries);
    const latest = (more.at(-1) ?? first)?.pipelineChanged;
    const expected = await gateway.graphql<PipelineQuery>(operation('Pipeline'), { w: where });
    expect(latest).toMatchObject({
      count: expected.data?.pipeline.count,
      amount: expected.data?.pipeline.amount,
    });
    const direct = await sf.query<{ expr0: number }>(
      "SELECT COUNT(Id) FROM Opportunity WHERE IsClosed = false AND StageName IN ('Prospecting','Qualification')",
    );
    expect(latest?.count).toBe(direct.records[0]?.expr0);
    sub.unsubscribe();
  });
  it('keeps delivering over one CometD client after the org expires sessions and drops clients', async () => {
    const sub = await live<AccountCreatesSubscription>(operation('AccountCreates'));
    const admin = async (path: string, body: unknown) => {
      const res = await fetch(`${gateway.emulatorUrl}/__emulator/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.ok).toBe(true);
    };
    const [before] = await cometdClients(gateway.emulatorUrl);
    // Every access token dies: the live long-poll's next connect gets 401::Authentication
    // invalid, and the gateway must log in again and rebuild its client on its own (no
    // REST call of the integration user happens meanwhile to refresh the token for it).
    await admin('faults', { expireSessions: true });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const clients = await cometdClients(gateway.emulatorUrl);
      if (clients.length === 1 && clients[0] !== before) break;
      if (Date.now() > deadline) throw new Error(`no new CometD client: ${clients.join()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    sf = await directConnection(gateway.emulatorUrl);
    const afterExpiry = await created('Account', { Name: 'After Expiry' });
    const [first] = await sub.take(1, 10_000);
    expect(first?.accountChanged.recordIds.map(id15)).toEqual([id15(afterExpiry)]);

    for (let i = 0; i < 3; i += 1) await admin('cdc/drop-clients', {});
    const afterDrops = await created('Account', { Name: 'After Drops' });
    const [second] = await sub.take(1, 10_000);
    expect(second?.accountChanged.recordIds.map(id15)).toEqual([id15(afterDrops)]);
    expect(await sub.drain(500)).toEqual([]);
    // Reconnects replace the client, never add one.
    expect(await cometdClients(gateway.emulatorUrl)).toHaveLength(1);
    sub.unsubscribe();
  });
});
