import { Connection } from 'jsforce';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type RunningSalesforceEmulator,
} from '../../src/emulators/salesforce';
import { createGraphQLPost, type GraphQLPost } from '../graphql-http-client';
import { loginBaselineConnection } from './baseline-connection';
import { startBaselineServer, type RunningBaseline } from './baseline-server';

interface OppNode {
  id: string;
  account: {
    name: string;
    owner: { name: string } | null;
    contacts: { nodes: Array<{ email: string | null }> };
  } | null;
}

describe('naive baseline server over the emulator', () => {
  let emulator: RunningSalesforceEmulator;
  let baseline: RunningBaseline;
  let post: GraphQLPost;
  let sf: Connection;

  const login = () => ({
    loginUrl: emulator.url,
    clientId: DEMO_OAUTH_CLIENT.clientId,
    clientSecret: DEMO_OAUTH_CLIENT.clientSecret,
  });

  async function callsFor<T>(query: string, variables?: Record<string, unknown>) {
    const before = emulator.stats().total;
    const data = (await post(query, variables)) as T;
    return { data, calls: emulator.stats().total - before };
  }

  beforeAll(async () => {
    emulator = await startSalesforceEmulator({ port: 0, scale: 0.5 });
    baseline = await startBaselineServer(login());
    post = createGraphQLPost(baseline.url);
    sf = await loginBaselineConnection(login());
  }, 60_000);

  afterAll(async () => {
    await baseline?.stop();
    await emulator?.stop();
  });

  it('costs one query for the page plus three calls per opportunity with an account', async () => {
    const { data, calls } = await callsFor<{ opportunities: { nodes: OppNode[] } }>(`{
      opportunities(first: 20) { nodes {
        id account { name owner { name } contacts(first: 5) { nodes { email } } }
      } }
    }`);
    const nodes = data.opportunities.nodes;
    expect(nodes).toHaveLength(20);
    const withAccount = nodes.filter((n) => n.account !== null).length;
    expect(withAccount).toBeGreaterThan(0);
    expect(calls).toBe(1 + 3 * withAccount);

    const expected = await sf.query<{ Id: string }>(
      'SELECT Id FROM Opportunity ORDER BY Id LIMIT 20',
    );
    expect(nodes.map((n) => n.id)).toEqual(expected.records.map((r) => r.Id));
    expect(nodes.every((n) => (n.account?.contacts.nodes.length ?? 0) <= 5)).toBe(true);
    expect(nodes.some((n) => typeof n.account?.owner?.name === 'string')).toBe(true);
  });

  it('pages accounts by Id with one query per page and no overlap', async () => {
    type Page = {
      accounts: {
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: Array<{ id: string; name: string }>;
      };
    };
    const query = `query ($after: String) { accounts(first: 30, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { id name } } }`;
    const first = await callsFor<Page>(query);
    expect(first.calls).toBe(1);
    expect(first.data.accounts.pageInfo.hasNextPage).toBe(true);
    const second = await callsFor<Page>(query, { after: first.data.accounts.pageInfo.endCursor });
    expect(second.calls).toBe(1);
    const ids = [...first.data.accounts.nodes, ...second.data.accounts.nodes].map((a) => a.id);
    const expected = await sf.query<{ Id: string }>('SELECT Id FROM Account ORDER BY Id LIMIT 60');
    expect(ids).toEqual(expected.records.map((r) => r.Id));
  });

  it('rejects a forged cursor and an out-of-range first before calling Salesforce', async () => {
    const before = emulator.stats().total;
    const forged = Buffer.from("x' OR Name != '").toString('base64url');
    await expect(
      post('query ($a: String) { accounts(after: $a) { nodes { id } } }', { a: forged }),
    ).rejects.toThrow('invalid cursor');
    await expect(post('{ accounts(first: 201) { nodes { id } } }')).rejects.toThrow(
      'first must be between 1 and 200',
    );
    await expect(post('{ opportunities(first: 0) { nodes { id } } }')).rejects.toThrow(
      'first must be between 1 and 200',
    );
    expect(emulator.stats().total).toBe(before);
  });

  it('answers 404, 405 and 400 for wrong paths, methods and bodies', async () => {
    const root = baseline.url.replace(/\/graphql$/, '');
    expect((await fetch(`${root}/other`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(baseline.url)).status).toBe(405);
    const notJson = await fetch(baseline.url, { method: 'POST', body: 'nope' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ errors: [{ message: 'body is not JSON' }] });
    const noQuery = await fetch(baseline.url, { method: 'POST', body: '{"variables":{}}' });
    expect(noQuery.status).toBe(400);
    await expect(post('{ leads { nodes { id } } }')).rejects.toThrow('Cannot query field "leads"');
  });

  it('refuses to start with a wrong client secret', async () => {
    await expect(startBaselineServer({ ...login(), clientSecret: 'wrong' })).rejects.toThrow(
      'invalid client credentials',
    );
  });
});
