/**
 * Subscription arguments are checked as the HTTP fields check theirs: a malformed Id, an Id
 * whose checksum does not match, or one of an object the field can never deliver is answered
 * at once with BAD_USER_INPUT, instead of a subscription that silently never fires.
 */
import type { Connection } from 'jsforce';
import type { AccountUpdatesAndDeletesSubscription } from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { operation } from '../helpers/operations';
import { directConnection, type SalesforceRow } from '../helpers/salesforce-direct';
import {
  connectWs,
  readyz,
  subscribe,
  waitForSubscribers,
  type Received,
  type TestWsClient,
  DEMO_READYZ_HEADERS,
} from '../helpers/subscriptions-client';

let gateway: TestGateway;
let sf: Connection;
let ws: TestWsClient;
let account: SalesforceRow;
let otherAccount: SalesforceRow;
let contact: SalesforceRow;

interface WsError {
  message: string;
  extensions?: { code?: string; argument?: string };
}

/** The errors the subscription ended with; fails if it delivered data instead. */
async function refusal(received: Received<unknown>): Promise<WsError[]> {
  const deadline = Date.now() + 10_000;
  while (received.errors.length === 0) {
    if (received.data.length > 0) throw new Error('the subscription delivered data');
    if (Date.now() > deadline) throw new Error('the subscription was neither refused nor ended');
    await new Promise((r) => setTimeout(r, 10));
  }
  return received.errors.flat() as WsError[];
}

/** A syntactically valid 18-character Id whose suffix contradicts the case of its first 15. */
function badChecksum(id: string): string {
  const suffix = id.slice(15);
  return id.slice(0, 15) + (suffix === 'AAA' ? 'BAA' : 'AAA');
}

beforeAll(async () => {
  gateway = await startTestGateway({ emulator: { scale: 0.2, cdc: { timeoutSeconds: 1 } } });
  sf = await directConnection(gateway.emulatorUrl);
  ws = connectWs(gateway.url);
  [account, otherAccount] = (
    await sf.query<SalesforceRow>('SELECT Id FROM Account ORDER BY Id LIMIT 2')
  ).records;
  [contact] = (await sf.query<SalesforceRow>('SELECT Id FROM Contact LIMIT 1')).records;
}, 60_000);

afterAll(async () => {
  await ws.dispose();
});

describe('subscription Id arguments', () => {
  it.each<[string, string, () => Record<string, unknown>, RegExp, string]>([
    [
      'a malformed Id',
      'subscription ($ids: [ID!]) { accountChanged(ids: $ids) { changeType } }',
      () => ({ ids: ['abc'] }),
      /^ids\[0\]: Invalid Salesforce Id "abc": expected 15 or 18 letters and digits/,
      'ids',
    ],
    [
      'an 18-character Id with a wrong checksum',
      'subscription ($ids: [ID!]) { accountChanged(ids: $ids) { changeType } }',
      () => ({ ids: [account.Id, badChecksum(account.Id)] }),
      /^ids\[1\]: Invalid Salesforce Id .*checksum suffix does not match/,
      'ids',
    ],
    [
      "another object's Id on a per-object field",
      'subscription ($ids: [ID!]) { accountChanged(ids: $ids) { changeType } }',
      () => ({ ids: [contact.Id] }),
      /^ids\[0\]: 003\w+ is not the Id of an Account \(its key prefix is 003\)/,
      'ids',
    ],
    [
      'an Id of none of the recordChanged types',
      'subscription ($ids: [ID!]) { recordChanged(types: [LEAD, CONTACT], ids: $ids) { changeType } }',
      () => ({ ids: [account.Id] }),
      /^ids\[0\]: 001\w+ is not the Id of a Lead or a Contact/,
      'ids',
    ],
    [
      'a Contact Id in accountIds',
      'subscription ($a: [ID!]) { contactChanged(accountIds: $a) { changeType } }',
      () => ({ a: [account.Id, contact.Id] }),
      /^accountIds\[1\]: 003\w+ is not the Id of an Account/,
      'accountIds',
    ],
    [
      'a malformed accountIds entry',
      'subscription ($a: [ID!]) { opportunityChanged(accountIds: $a) { changeType } }',
      () => ({ a: ['001-not-an-id'] }),
      /^accountIds\[0\]: Invalid Salesforce Id/,
      'accountIds',
    ],
  ])('refuses %s with BAD_USER_INPUT at once', async (_label, query, variables, message, arg) => {
    const received = subscribe<unknown>(ws, query, variables());
    const errors = await refusal(received);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: arg });
    expect(errors[0]!.message).toMatch(message);
    // Nothing is left listening for it.
    expect(
      (await readyz({ origin: gateway.origin, headers: DEMO_READYZ_HEADERS })).salesforce?.cdc
        ?.subscribers,
    ).toBe(0);
  });

  it('refuses a pipelineChanged filter the HTTP pipeline would refuse', async () => {
    const received = subscribe<unknown>(
      ws,
      'subscription { pipelineChanged(where: { amount: { in: null } }) { count } }',
    );
    const errors = await refusal(received);
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'where' });
    expect(errors[0]!.message).toMatch(/where\.amount\.in is null/);
  });

  it('accepts 15-character and mis-cased 18-character Ids and delivers only their changes', async () => {
    // An account whose Id has lower-case letters, so upper-casing them mangles it.
    const withLetters = (
      await sf.query<SalesforceRow>('SELECT Id FROM Account ORDER BY Id DESC LIMIT 200')
    ).records.find((r) => /[a-z]/.test(r.Id.slice(0, 15)));
    if (!withLetters) throw new Error('no Account Id with lower-case letters in this org');
    // The suffix restores the original case, as Salesforce does: only normalisation matches it.
    const mangled = withLetters.Id.slice(0, 15).toUpperCase() + withLetters.Id.slice(15);
    const other15 = otherAccount.Id.slice(0, 15);
    const received = subscribe<AccountUpdatesAndDeletesSubscription>(
      ws,
      operation('AccountUpdatesAndDeletes'),
      { ids: [mangled, other15] },
    );
    await waitForSubscribers({ origin: gateway.origin, headers: DEMO_READYZ_HEADERS }, 1, received);
    await sf.sobject('Account').update({ Id: account.Id, Phone: '555-0100' });
    await sf.sobject('Account').update({ Id: withLetters.Id, Phone: '555-0101' });
    await sf.sobject('Account').update({ Id: otherAccount.Id, Phone: '555-0102' });
    const events = await received.take(2);
    expect(events.map((e) => e.accountChanged.recordIds.map((id) => id.slice(0, 15)))).toEqual([
      [withLetters.Id.slice(0, 15)],
      [other15],
    ]);
    received.unsubscribe();
    await waitForSubscribers({ origin: gateway.origin, headers: DEMO_READYZ_HEADERS }, 0);
  });
});
