import type { Connection } from 'jsforce';
import { toGraphQLError } from '../../src/errors';
import { SalesforceUpstreamError } from '../../src/upstreams/salesforce/client';
import { createJsforceClient } from '../../src/upstreams/salesforce/jsforce-client';
import type { ContactIdsPageQuery } from '../generated/graphql';
import type { TestGateway } from '../helpers/gateway';
import { operation } from '../helpers/operations';
import {
  queryAll,
  startGatewayWithDirectSession,
  type SalesforceRow,
} from '../helpers/salesforce-direct';

/** `n` valid Contact Ids: the org's own first, then well-formed ones no record has. */
function contactIds(existing: string[], n: number): string[] {
  const ids = existing.slice(0, n);
  for (let i = 1; ids.length < n; i++) ids.push(`003Z${String(i).padStart(11, '0')}AAA`);
  return ids;
}

const LIMIT_MESSAGE =
  /^The filter makes a query URL of [\d,]+ characters; Salesforce accepts at most 16,384 in a request URL; use fewer values/;

/**
 * Salesforce (and the emulator) answer an HTML 414 page to request URIs over 16,384 bytes, and
 * every SOQL query travels URL-encoded in one. The gateway measures the URL before sending.
 */
describe('filters longer than the Salesforce request-URL limit', () => {
  let gw: TestGateway;
  let sf: Connection;
  let existing: string[];

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ scale: 0.5 }));
    existing = (await queryAll(sf, 'SELECT Id FROM Contact ORDER BY Id')).map(
      (r: SalesforceRow) => r.Id,
    );
  }, 60_000);

  it('600 Ids in id: { in } are BAD_USER_INPUT stating the limit, and Salesforce is never called', async () => {
    await gw.resetEmulatorStats();
    const res = await gw.post(operation('ContactIdsPage'), {
      where: { id: { in: contactIds(existing, 600) } },
      orderBy: null,
      after: null,
    });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors!;
    expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'where' });
    expect(error!.message).toMatch(LIMIT_MESSAGE);
    expect(error!.message).not.toMatch(/</);
    expect((await gw.emulatorStats()).total).toBe(0);
  });

  it('the same limit holds for a child connection and for the pipeline', async () => {
    await gw.resetEmulatorStats();
    const ids = contactIds(existing, 600);
    const nested = await gw.graphql(
      'query ($ids: [ID!]) { accounts(first: 2) { nodes { contacts(where: { id: { in: $ids } }) { nodes { id } } } } }',
      { ids },
    );
    const codes = (nested.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['BAD_USER_INPUT']));
    expect(nested.errors![0]!.message).toMatch(LIMIT_MESSAGE);

    const names = Array.from({ length: 800 }, (_, i) => `Stage ${i}`);
    const pipeline = await gw.graphql(
      'query ($names: [String!]) { pipeline(where: { stageName: { in: $names } }) { count } }',
      { names },
    );
    expect(pipeline.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(pipeline.errors?.[0]?.message).toMatch(LIMIT_MESSAGE);
  });

  it('500 Ids fit and answer exactly the records among them', async () => {
    const ids = contactIds(existing, 500);
    const res = await gw.graphql<ContactIdsPageQuery>(operation('ContactIdsPage'), {
      where: { id: { in: ids } },
      orderBy: null,
      after: null,
    });
    expect(res.errors).toBeUndefined();
    const expected = existing.filter((id) => ids.includes(id)).slice(0, 200);
    expect(expected.length).toBeGreaterThan(0);
    expect(res.data!.contacts.nodes.map((n) => n.id)).toEqual(expected);
  });

  it("Salesforce's own HTML 414 becomes a clean BAD_USER_INPUT through the gateway's client", async () => {
    // The check above keeps the gateway from sending this; the client sends it anyway, as a
    // query built elsewhere might, to prove what reaches a client if Salesforce refuses a URL.
    const client = createJsforceClient({ connection: () => Promise.resolve(sf) });
    const soql = `SELECT Id FROM Contact WHERE Id IN (${contactIds(existing, 600)
      .map((id) => `'${id}'`)
      .join(', ')})`;
    const failure: unknown = await client.query(soql).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(SalesforceUpstreamError);
    expect(failure).toMatchObject({ errorCode: 'REQUEST_URI_TOO_LONG', statusCode: 414 });
    const graphqlError = toGraphQLError(failure);
    expect(graphqlError.extensions.code).toBe('BAD_USER_INPUT');
    expect(graphqlError.message).toMatch(/request URL is over 16,384 bytes/);
    expect(graphqlError.message).not.toMatch(/<|html/i);
  });
});
