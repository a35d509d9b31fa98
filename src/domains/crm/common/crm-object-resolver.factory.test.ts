import 'reflect-metadata';
import { graphql, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { makeId } from '../../../emulators/salesforce/model/ids';
import type { GatewayContext } from '../../../context/gateway-context';
import { crmResolvers } from '..';

interface Calls {
  soql: string[];
  created: Array<Record<string, unknown>>;
  updated: Array<Record<string, unknown>>;
  destroyed: string[];
  loaded: string[];
}

const ACCOUNT_ID = makeId('001', 42);
const OWNER_ID = makeId('005', 1);

/** Just what the CRM resolvers call, answering every read with one Account. */
function fakeContext(calls: Calls): GatewayContext {
  const account = { Id: ACCOUNT_ID, attributes: { type: 'Account' }, Name: 'Acme' };
  const saved = (id: string) => [{ id, success: true, errors: [] }];
  const salesforce = {
    query: (soql: string) => {
      calls.soql.push(soql);
      return Promise.resolve({ done: true, totalSize: 1, records: [account] });
    },
    queryAll: (soql: string) => {
      calls.soql.push(soql);
      return Promise.resolve([account]);
    },
    create: (_object: string, records: Array<Record<string, unknown>>) => {
      calls.created.push(...records);
      return Promise.resolve(saved(ACCOUNT_ID));
    },
    update: (_object: string, records: Array<Record<string, unknown>>) => {
      calls.updated.push(...records);
      return Promise.resolve(saved(ACCOUNT_ID));
    },
    destroy: (_object: string, ids: string[]) => {
      calls.destroyed.push(...ids);
      return Promise.resolve(saved(ids[0] ?? ''));
    },
  };
  const loaders = {
    salesforce: {
      recordById: () => ({
        load: (id: string) => {
          calls.loaded.push(id);
          return Promise.resolve(id === ACCOUNT_ID ? account : null);
        },
      }),
    },
  };
  return { salesforce, loaders, requestId: 'test' } as unknown as GatewayContext;
}

describe('crmObjectResolver', () => {
  let schema: GraphQLSchema;
  let calls: Calls;

  async function run(source: string) {
    return graphql({ schema, source, contextValue: fakeContext(calls) });
  }

  function codes(result: Awaited<ReturnType<typeof run>>): unknown[] {
    return (result.errors ?? []).map((e) => e.extensions.code);
  }

  beforeAll(async () => {
    // Sorted as the gateway serves it, so argument order in the schema cannot hide a reorder.
    schema = lexicographicSortSchema(
      await buildSchema({ resolvers: [...crmResolvers], validate: false }),
    );
  });

  beforeEach(() => {
    calls = { soql: [], created: [], updated: [], destroyed: [], loaded: [] };
  });

  it('names the root fields after each object, irregular plurals included', () => {
    const query = Object.keys(schema.getQueryType()?.getFields() ?? {});
    const mutation = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(query).toEqual(
      expect.arrayContaining(['opportunity', 'opportunities', 'lead', 'leads']),
    );
    expect(mutation).toEqual(
      expect.arrayContaining(['createOpportunity', 'updateLead', 'deleteContact', 'deleteAccount']),
    );
    expect(query).not.toContain('byId');
    expect(mutation).not.toContain('remove');
  });

  it('reads one record by id through the loader, and null for another object’s id', async () => {
    const found = await run(`{ account(id: "${ACCOUNT_ID.slice(0, 15)}") { id name } }`);
    expect(found.errors).toBeUndefined();
    expect(found.data).toEqual({ account: { id: ACCOUNT_ID, name: 'Acme' } });
    const other = await run(`{ contact(id: "${ACCOUNT_ID}") { id } }`);
    expect(other.data).toEqual({ contact: null });
    expect(calls.loaded).toEqual([ACCOUNT_ID]);
  });

  it('ANDs filter conditions in the filter’s field order, shared fields last', async () => {
    const result = await run(`{ accounts(first: 1, where: {
      not: { industry: { eq: "Energy" } }, createdDate: { isNull: false },
      parentId: { eq: "${ACCOUNT_ID}" }, name: { eq: "Acme" }, id: { ne: "${ACCOUNT_ID}" }
    }) { nodes { id } } }`);
    expect(result.errors).toBeUndefined();
    const where = /WHERE (.*) ORDER BY/.exec(calls.soql[0] ?? '')?.[1] ?? '';
    const order = ['Id !=', 'Name =', 'ParentId =', 'CreatedDate !=', 'NOT'].map((part) =>
      where.indexOf(part),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('creates with the required fields first in the payload, then re-reads the record', async () => {
    const result = await run(`mutation {
      createAccount(input: { ownerId: "${OWNER_ID}", industry: "Energy", name: "Acme" }) { id name }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ createAccount: { id: ACCOUNT_ID, name: 'Acme' } });
    expect(calls.created).toEqual([{ Name: 'Acme', Industry: 'Energy', OwnerId: OWNER_ID }]);
    expect(Object.keys(calls.created[0] ?? {})).toEqual(['Name', 'Industry', 'OwnerId']);
    expect(calls.soql[0]).toContain(`'${ACCOUNT_ID}'`);
  });

  it('refuses a blank required string before calling Salesforce', async () => {
    const result = await run(
      `mutation { createLead(input: { lastName: " ", company: "X" }) { id } }`,
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(calls.created).toEqual([]);
  });

  it('updates and deletes only ids of the object, answering another object’s id NOT_FOUND', async () => {
    const updated = await run(
      `mutation { updateAccount(id: "${ACCOUNT_ID}", input: { name: null }) { id } }`,
    );
    expect(updated.errors).toBeUndefined();
    expect(calls.updated).toEqual([{ Name: null, Id: ACCOUNT_ID }]);

    const wrong = await run(
      `mutation { updateOpportunity(id: "${ACCOUNT_ID}", input: {}) { id } }`,
    );
    expect(codes(wrong)).toEqual(['NOT_FOUND']);
    expect(calls.updated).toHaveLength(1);

    const deleted = await run(`mutation { deleteAccount(id: "${ACCOUNT_ID.slice(0, 15)}") }`);
    expect(deleted.data).toEqual({ deleteAccount: ACCOUNT_ID });
    expect(calls.destroyed).toEqual([ACCOUNT_ID]);
    const malformed = await run(`mutation { deleteLead(id: "nope") }`);
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
  });
});
