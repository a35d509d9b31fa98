/**
 * `search(text, types, first)` over HTTP, as an admin and as a rep (AUTH_MODE=user), against
 * records this file creates directly in the emulated org with a per-run tag. What each search
 * must find is read back through jsforce (SOQL), never through the gateway's code.
 */
import type { Connection } from 'jsforce';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway';
import { injectFaults } from '../helpers/emulator-requests';
import { gatewaySessionToken } from '../helpers/gateway-login';
import { queryAll } from '../helpers/salesforce-direct';
import { connectToEmulator } from '../helpers/salesforce-target';
import { runTag, savedId } from '../helpers/salesforce-records';

interface Hit {
  __typename: 'Account' | 'Contact' | 'Opportunity' | 'Lead';
  id: string;
  name?: string;
  email?: string | null;
  account?: { name: string } | null;
}
interface SearchData {
  search: Hit[];
}

const SEARCH = `query Search($text: String!, $types: [SObjectType!], $first: Int) {
  search(text: $text, types: $types, first: $first) {
    __typename
    ... on Account { id name }
    ... on Contact { id name email account { name } }
    ... on Opportunity { id name }
    ... on Lead { id name }
  }
}`;

let gw: TestGateway;
let admin: Connection;
let adminToken = '';
let repToken = '';
let repId = '';
const tag = runTag('ZZSR');
const ids: Record<string, string> = {};

function search(
  text: string,
  options: { types?: string[]; first?: number; token?: string } = {},
): Promise<GraphQLResponse<SearchData>> {
  const variables: Record<string, unknown> = { text };
  if (options.types) variables.types = options.types;
  if (options.first !== undefined) variables.first = options.first;
  return gw.graphql<SearchData>(SEARCH, variables, {
    authorization: `Bearer ${options.token ?? adminToken}`,
  });
}

async function hitsFor(text: string, options: Parameters<typeof search>[1] = {}): Promise<Hit[]> {
  const res = await search(text, options);
  expect(res.errors).toBeUndefined();
  return res.data?.search ?? [];
}

/** Salesforce calls one search costs, from the emulator's own counter. */
async function callsFor(text: string): Promise<{ total: number; search: number }> {
  await gw.resetEmulatorStats();
  await hitsFor(text);
  const stats = await gw.emulatorStats();
  return { total: stats.total, search: stats.byEndpoint.search ?? 0 };
}

beforeAll(async () => {
  gw = await startTestGateway({ env: { AUTH_MODE: 'user' } });
  admin = await connectToEmulator(gw.emulatorUrl, 'admin');
  const rep = await connectToEmulator(gw.emulatorUrl, 'rep1');
  repId = rep.userInfo?.id ?? '';
  adminToken = await gatewaySessionToken(gw.origin, 'admin@atom-demo.org', 'demo-admin-pass');
  repToken = await gatewaySessionToken(gw.origin, 'rep1@atom-demo.org', 'demo-rep-pass');
  const adminId = admin.userInfo?.id ?? '';
  const create = async (type: string, fields: Record<string, unknown>): Promise<string> =>
    savedId(await admin.sobject(type).create(fields));
  ids.account = await create('Account', { Name: `Ångström ${tag} Labs`, OwnerId: adminId });
  ids.repAccount = await create('Account', { Name: `${tag} Rep Widgets`, OwnerId: repId });
  ids.contact = await create('Contact', {
    LastName: 'Okonkwo',
    Email: `chidi.${tag.toLowerCase()}@example.org`,
    AccountId: ids.account,
    OwnerId: adminId,
  });
  ids.opportunity = await create('Opportunity', {
    Name: 'Renewal 2027',
    StageName: 'Prospecting',
    CloseDate: '2027-01-15',
    Description: `Follows the ${tag} pilot`,
    OwnerId: adminId,
  });
  ids.lead = await create('Lead', {
    LastName: 'Moreau',
    Company: `${tag} Consulting`,
    Status: 'Open - Not Contacted',
    OwnerId: adminId,
  });
  // Reserved characters and an injection attempt, kept as literal text in names.
  ids.reserved = await create('Account', {
    Name: `${tag} (Q&A) + "R-D" ~ 50% done: yes! [v2] {x} ^ | * ?`,
    OwnerId: adminId,
  });
}, 60_000);

afterAll(async () => {
  await gw?.stop();
});

describe('search (SOSL) through the gateway', () => {
  it('finds exactly the records that hold the text, as read through jsforce, in relevance order', async () => {
    // Independent expectation: every visible row whose searched text fields hold the tag.
    const like = `'%${tag}%'`;
    const expected = [
      ...(await queryAll(admin, `SELECT Id FROM Account WHERE Name LIKE ${like}`)),
      ...(await queryAll(admin, `SELECT Id FROM Contact WHERE Email LIKE ${like}`)),
      ...(await queryAll(admin, `SELECT Id FROM Lead WHERE Company LIKE ${like}`)),
      ...(await queryAll(admin, `SELECT Id FROM Opportunity WHERE Name LIKE ${like}`)),
    ].map((r) => r.Id);
    const [opportunityWithTag] = await queryAll(
      admin,
      `SELECT Id, Description FROM Opportunity WHERE Id = '${ids.opportunity}'`,
    );
    expect(opportunityWithTag?.Description).toContain(tag);
    expected.push(ids.opportunity ?? '');

    const hits = await hitsFor(tag);
    expect(new Set(hits.map((h) => h.id))).toEqual(new Set(expected));
    expect(hits).toHaveLength(expected.length);
    // The emulator's documented relevance: name fields 3 (Account Name, Lead Company), email 2,
    // other text 1; ties keep RETURNING order (Account, Contact, Opportunity, Lead).
    const rank = hits.map((h) => h.__typename);
    expect(rank).toEqual(['Account', 'Account', 'Account', 'Lead', 'Contact', 'Opportunity']);
    const contact = hits.find((h) => h.id === ids.contact);
    expect(contact).toEqual({
      __typename: 'Contact',
      id: ids.contact,
      name: 'Okonkwo',
      email: `chidi.${tag.toLowerCase()}@example.org`,
      account: { name: `Ångström ${tag} Labs` },
    });
  });

  it('is case- and accent-insensitive', async () => {
    const hits = await hitsFor(`angstrom ${tag.toLowerCase()}`);
    expect(hits.map((h) => h.id)).toEqual([ids.account]);
  });

  it('costs one Salesforce call, parent fields included', async () => {
    const calls = await callsFor(tag);
    expect(calls).toEqual({ total: 1, search: 1 });
  });

  it('types limits the objects searched', async () => {
    const hits = await hitsFor(tag, { types: ['LEAD', 'CONTACT'] });
    expect(hits.map((h) => h.id)).toEqual([ids.lead, ids.contact]);
    const accounts = await hitsFor(tag, { types: ['ACCOUNT'] });
    expect(accounts.every((h) => h.__typename === 'Account')).toBe(true);
    expect(accounts).toHaveLength(3);
  });

  it('an empty types list searches nothing and calls nobody', async () => {
    await gw.resetEmulatorStats();
    expect(await hitsFor(tag, { types: [] })).toEqual([]);
    expect((await gw.emulatorStats()).byEndpoint.search ?? 0).toBe(0);
  });

  it('first bounds each object and the whole result', async () => {
    expect(await hitsFor(tag, { first: 2 })).toHaveLength(2);
    expect(await hitsFor(tag, { first: 1, types: ['LEAD', 'OPPORTUNITY'] })).toHaveLength(1);
    for (const first of [0, 201, -1]) {
      const res = await search(tag, { first });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('reserved characters are searched literally, the text as one phrase', async () => {
    const literal = `${tag} (Q&A) + "R-D" ~ 50% done: yes! [v2] {x} ^ | * ?`;
    expect((await hitsFor(literal)).map((h) => h.id)).toEqual([ids.reserved]);
    // Unescaped, "-" would be NOT and "*" a wildcard; escaped, "R-D" only finds its own record.
    expect((await hitsFor(`"R-D"`)).map((h) => h.id)).toContain(ids.reserved);
    // "OR" is a word of the phrase, not an operator: no record holds "<tag> OR Okonkwo".
    expect(await hitsFor(`${tag} OR Okonkwo`)).toEqual([]);
    // A wildcard typed by the user is a literal asterisk: the tag's prefix finds nothing.
    expect(await hitsFor(`${tag.slice(0, 6)}*`)).toEqual([]);
  });

  it('injection attempts stay inside the search text', async () => {
    for (const attempt of [
      `${tag}} RETURNING User(Username`,
      `${tag}"} IN ALL FIELDS RETURNING User(Id) LIMIT 200 --`,
      `${tag}\\} RETURNING User(Id)`,
      `${tag}' OR Name LIKE '%`,
    ]) {
      const res = await search(attempt);
      expect(res.errors).toBeUndefined();
      expect(res.data?.search).toEqual([]);
    }
  });

  it('a rep finds only the records they own', async () => {
    const hits = await hitsFor(tag, { token: repToken });
    expect(hits.map((h) => h.id)).toEqual([ids.repAccount]);
    const owners = await queryAll(
      admin,
      `SELECT OwnerId FROM Account WHERE Id = '${ids.repAccount}'`,
    );
    expect(owners[0]?.OwnerId).toBe(repId);
  });

  it('text shorter than 2 characters (after trimming) is BAD_USER_INPUT, before any call', async () => {
    for (const text of ['', 'a', '  b  ', '\n']) {
      await gw.resetEmulatorStats();
      const res = await search(text);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.data).toBeNull();
      expect((await gw.emulatorStats()).byEndpoint.search ?? 0).toBe(0);
    }
  });

  it('Salesforce refusing the search (a term with no letters) is mapped to BAD_USER_INPUT', async () => {
    const res = await search('--');
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      upstream: { service: 'salesforce', errorCode: 'INVALID_SEARCH' },
    });
  });

  it('Salesforce down for longer than the read retries is UPSTREAM_UNAVAILABLE', async () => {
    await injectFaults(gw.emulatorUrl, { serverUnavailable: 5 });
    try {
      const res = await search(tag);
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        upstream: { service: 'salesforce', errorCode: 'SERVER_UNAVAILABLE' },
      });
    } finally {
      await injectFaults(gw.emulatorUrl, { serverUnavailable: 0 });
    }
  });
});
