import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildSchema as buildSdlSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  printSchema,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { buildSchema } from 'type-graphql';
import { crmResolvers } from '.';

const CONTRACT = resolve(__dirname, '../../../docs/contract.graphql');

/** Linked-service fields that later issues add (F1's schema check allowlists them too). */
const LATER = new Set([
  'Account.payments',
  'Account.tickets',
  'Account.invoices',
  'Account.customer360',
  'Contact.tickets',
]);

const OWNED_TYPES = [
  'Node',
  'PageInfo',
  'SortDirection',
  'NullsOrder',
  'IDFilter',
  'StringFilter',
  'IntFilter',
  'FloatFilter',
  'BooleanFilter',
  'DateFilter',
  'DateTimeFilter',
  'RelativeDate',
  'DateLiteral',
  'User',
  'Address',
  'Account',
  'Contact',
  'Opportunity',
  'Lead',
  'AddressInput',
  'ConvertLeadInput',
  'LeadConversion',
  ...['Account', 'Contact', 'Opportunity', 'Lead'].flatMap((o) => [
    `${o}Edge`,
    `${o}Connection`,
    `${o}Filter`,
    `${o}SortField`,
    `${o}OrderBy`,
    `${o}CreateInput`,
    `${o}UpdateInput`,
  ]),
];
const OWNED_QUERIES = [
  'node',
  'viewer',
  'account',
  'accounts',
  'contact',
  'contacts',
  'opportunity',
  'opportunities',
  'lead',
  'leads',
];
const OWNED_MUTATIONS = ['Account', 'Contact', 'Opportunity', 'Lead']
  .flatMap((o) => [`create${o}`, `update${o}`, `delete${o}`])
  .concat('convertLead');

function describeField(field: GraphQLField<unknown, unknown> | GraphQLInputField): string {
  // Argument order is not part of the contract (the emitted schema is sorted lexicographically).
  const args =
    'args' in field
      ? field.args
          .map((a) => `${a.name}: ${String(a.type)} = ${JSON.stringify(a.defaultValue)}`)
          .sort()
      : [];
  const defaultValue = 'defaultValue' in field ? ` = ${JSON.stringify(field.defaultValue)}` : '';
  return `${field.name}(${args.join(', ')}): ${String(field.type)}${defaultValue}`;
}

function describeType(type: GraphQLNamedType | null | undefined, only?: string[]): string[] {
  if (!type) return ['<missing>'];
  if (isEnumType(type)) return type.getValues().map((v) => v.name);
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const interfaces =
      'getInterfaces' in type ? type.getInterfaces().map((i) => `implements ${i.name}`) : [];
    return [
      ...interfaces,
      ...Object.values(type.getFields())
        .filter((f) => !LATER.has(`${type.name}.${f.name}`) && (!only || only.includes(f.name)))
        .map(describeField)
        .sort(),
    ];
  }
  return [type.toString()];
}

describe('CRM schema', () => {
  let contract: GraphQLSchema;
  let ours: GraphQLSchema;

  beforeAll(async () => {
    contract = buildSdlSchema(readFileSync(CONTRACT, 'utf8'));
    ours = await buildSchema({ resolvers: [...crmResolvers], validate: false });
  });

  it.each(OWNED_TYPES)('%s matches the contract', (name) => {
    expect(describeType(ours.getType(name))).toEqual(describeType(contract.getType(name)));
  });

  it('has the contract query and mutation fields with the same arguments and defaults', () => {
    expect(describeType(ours.getQueryType(), OWNED_QUERIES)).toEqual(
      describeType(contract.getQueryType(), OWNED_QUERIES),
    );
    expect(describeType(ours.getMutationType(), OWNED_MUTATIONS)).toEqual(
      describeType(contract.getMutationType(), OWNED_MUTATIONS),
    );
  });

  it('prints the date scalars as DateTime and Date', () => {
    const sdl = printSchema(ours);
    expect(sdl).toContain('scalar DateTime');
    expect(sdl).toContain('scalar Date\n');
    expect(sdl).not.toMatch(/scalar (DateTimeISO|LocalDate|Timestamp)/);
  });

  it('leaves the linked-service fields to later issues', () => {
    const account = ours.getType('Account');
    expect(isObjectType(account) && Object.keys(account.getFields())).not.toContain('payments');
  });
});
