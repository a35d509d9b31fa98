import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { createLogger } from '../logging/logger';
import { describedField } from '../../test/helpers/described-field';
import type { DescribedField, SalesforceClient } from '../upstreams/salesforce/client';
import { OBJECT_MAPPINGS, registerCustomFields } from '../upstreams/salesforce/soql';
import { planOrgCustomFields } from './custom-fields';
import { createSchemaReloader } from './schema-reload';
import { buildGatewaySchema } from './schema';
import { createSwappableSchema } from './swappable-schema';

const textField = (name: string): DescribedField => describedField(name, { custom: true });

const accountFields = (schema: GraphQLSchema): string[] => {
  const type = schema.getType('Account');
  return isObjectType(type) ? Object.keys(type.getFields()) : [];
};
const filterMetadata = (): string[] =>
  getMetadataStorage()
    .inputTypes.find((t) => t.name === 'AccountFilter')
    ?.fields?.map((f) => f.name) ?? [];

// The reload itself, over a describe the test controls: swap only on change, registries
// replaced, a failed describe changes nothing.
describe('createSchemaReloader', () => {
  let orgFields: DescribedField[] = [textField('Tier__c')];
  let failDescribe = false;
  const client = {
    describeFields: (object: string) => {
      if (failDescribe) return Promise.reject(new Error('describe down'));
      return Promise.resolve(object === 'Account' ? orgFields : []);
    },
  } as Partial<SalesforceClient> as SalesforceClient;

  it('swaps only when the plan changed, replacing mappings and input metadata', async () => {
    // As a startup does (loadCustomFields): the plan registered, its schema built.
    const { fields } = await planOrgCustomFields(client, { mode: 'auto' });
    registerCustomFields(fields);
    const initial = await buildGatewaySchema(fields);
    const schema = createSwappableSchema(initial);
    const swaps: GraphQLSchema[] = [];
    const swap = schema.swap.bind(schema);
    schema.swap = (next) => {
      swaps.push(next);
      swap(next);
    };
    const reload = createSchemaReloader({
      selection: { mode: 'auto' },
      client,
      schema,
      initialFields: fields,
      logger: createLogger('silent'),
    });

    expect(await reload()).toEqual({
      changed: false,
      fields: ['Account.Tier__c'],
      added: [],
      removed: [],
    });
    expect(swaps).toHaveLength(0);
    expect(schema.current()).toBe(initial);

    orgFields = [textField('Tier__c'), textField('Zone__c')];
    expect(await reload()).toMatchObject({ changed: true, added: ['Account.Zone__c'] });
    expect(swaps).toHaveLength(1);
    expect(accountFields(schema.current())).toEqual(expect.arrayContaining(['Tier__c', 'Zone__c']));
    expect(OBJECT_MAPPINGS.Account.filters.Zone__c).toBeDefined();
    expect(filterMetadata()).toEqual(expect.arrayContaining(['Tier__c', 'Zone__c']));

    orgFields = [textField('Zone__c')];
    expect(await reload()).toMatchObject({ changed: true, removed: ['Account.Tier__c'] });
    expect(swaps).toHaveLength(2);
    expect(accountFields(schema.current())).not.toContain('Tier__c');
    expect(OBJECT_MAPPINGS.Account.filters.Tier__c).toBeUndefined();
    expect(OBJECT_MAPPINGS.Account.fields.Tier__c).toBeUndefined();
    expect(filterMetadata()).not.toContain('Tier__c');
    expect(filterMetadata()).toContain('Zone__c');

    // A failed describe rejects and leaves everything; the next reload runs normally.
    failDescribe = true;
    const current = schema.current();
    await expect(reload()).rejects.toThrow('describe down');
    expect(schema.current()).toBe(current);
    expect(OBJECT_MAPPINGS.Account.filters.Zone__c).toBeDefined();
    failDescribe = false;
    expect((await reload()).changed).toBe(false);
    expect(swaps).toHaveLength(2);
  }, 60_000);
});
