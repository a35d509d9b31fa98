import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { makeId } from '../../../emulators/salesforce/model/ids';
import type { GatewayContext } from '../../../context/gateway-context';
import { crmResolvers } from '..';

const USER_ID = makeId('005', 7);

/** A request whose viewer is already resolved; Salesforce's identity URL must not be asked. */
function contextFor(viewerUserId: string) {
  const calls = { identity: 0, loaded: [] as string[], fields: [] as string[][] };
  const user = { Id: USER_ID, attributes: { type: 'User' }, Name: 'Maya Patel', IsActive: true };
  const ctx = {
    viewer: {
      userId: viewerUserId,
      orgId: makeId('00D', 1),
      username: 'rep1@example.com',
      mode: 'user',
      cacheScope: 'org:user',
    },
    salesforce: {
      identity: () => {
        calls.identity += 1;
        return Promise.reject(new Error('identity must not be called per request'));
      },
    },
    loaders: {
      salesforce: {
        recordById: (_object: string, fields: string[]) => {
          calls.fields.push(fields);
          return {
            load: (id: string) => {
              calls.loaded.push(id);
              return Promise.resolve(id === USER_ID ? user : null);
            },
          };
        },
      },
    },
    requestId: 'test',
  } as unknown as GatewayContext;
  return { ctx, calls };
}

describe('viewer', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [...crmResolvers], validate: false });
  });

  it('loads the request’s resolved viewer by Id, without an identity call', async () => {
    const { ctx, calls } = contextFor(USER_ID.slice(0, 15));
    const result = await graphql({
      schema,
      source: '{ viewer { id name isActive } }',
      contextValue: ctx,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: { id: USER_ID, name: 'Maya Patel', isActive: true } });
    expect(calls.identity).toBe(0);
    // 15-character ids from a session record are widened so the loader key matches the row.
    expect(calls.loaded).toEqual([USER_ID]);
    expect(calls.fields[0]).toEqual(expect.arrayContaining(['Id', 'Name', 'IsActive']));
  });

  it('answers null when the viewer’s User row is not visible', async () => {
    const { ctx, calls } = contextFor(makeId('005', 8));
    const result = await graphql({ schema, source: '{ viewer { id } }', contextValue: ctx });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: null });
    expect(calls.identity).toBe(0);
  });
});
