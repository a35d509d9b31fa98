import type { LinkFieldNames } from '../../../config';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  execute,
  graphql,
  isEnumType,
  isInputObjectType,
  isObjectType,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { OBJECT_MAPPINGS, type SObjectName } from '../../../upstreams/salesforce/soql';
import { isFieldSelected, selectSoqlFields, soqlFieldsFromSelection } from './index';
import { crmTestSchema } from '../../../../test/helpers/crm-test-schema';

type Hook = (info: GraphQLResolveInfo) => unknown;

const STUB_LEAF: Record<string, unknown> = { Boolean: true, Int: 1, Float: 1.5, ID: '1' };

const connection = {
  nodes: [{ id: '1' }],
  edges: [{ cursor: 'c', node: { id: '1' } }],
  pageInfo: {},
  totalCount: 1,
};

/** Runs `source` against the contract-shaped schema; hooks see the real GraphQLResolveInfo. */
async function run(
  source: string,
  hooks: Record<string, Hook>,
  variableValues?: Record<string, unknown>,
): Promise<void> {
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (parent, args, ctx, info) => {
    const hook = hooks[`${info.parentType.name}.${info.fieldName}`];
    if (hook) return hook(info);
    const value: unknown = defaultFieldResolver(parent, args, ctx, info);
    if (value !== undefined) return value;
    // Stub data: enough for execution to reach every nested resolver.
    const type = getNullableType(info.returnType);
    if (isListType(type)) return [];
    const named = getNamedType(type);
    if (isEnumType(named)) return named.getValues()[0]?.value;
    return isLeafType(named) ? (STUB_LEAF[named.name] ?? 'x') : {};
  };
  const result = await graphql({
    schema: crmTestSchema,
    source,
    variableValues,
    fieldResolver,
    typeResolver: () => 'Account',
  });
  expect(result.errors ?? []).toEqual([]);
}

async function fieldsFor(
  source: string,
  hook: string,
  sobject: SObjectName,
  connectionField: boolean,
  variables?: Record<string, unknown>,
  linkFields?: LinkFieldNames,
): Promise<string[]> {
  let captured: string[] | undefined;
  await run(
    source,
    {
      [hook]: (info) => {
        captured = selectSoqlFields(info, sobject, {
          connection: connectionField,
          ...(linkFields ? { linkFields } : {}),
        });
        return connectionField ? connection : { id: '1' };
      },
    },
    variables,
  );
  if (!captured) throw new Error(`${hook} was not resolved`);
  return captured;
}

describe('selectSoqlFields on connections', () => {
  it('reads nodes and edges.node through fragments, inline fragments, aliases and directives', async () => {
    const fields = await fieldsFor(
      /* GraphQL */ `
        query ($withPhone: Boolean!, $skipWeb: Boolean!) {
          accounts(first: 10) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              __typename
              ...AccountBits
              n1: name
              n2: name
              phone @include(if: $withPhone)
              website @skip(if: $skipWeb)
              industry @include(if: false)
            }
            edges {
              cursor
              node {
                ... on Account {
                  annualRevenue
                }
                ... on Node {
                  id
                }
              }
            }
          }
        }
        fragment AccountBits on Account {
          type
          numberOfEmployees
          createdDate
        }
      `,
      'Query.accounts',
      'Account',
      true,
      { withPhone: true, skipWeb: true },
    );
    expect(fields).toEqual([
      'Id',
      'Type',
      'NumberOfEmployees',
      'CreatedDate',
      'Name',
      'Phone',
      'AnnualRevenue',
    ]);
  });

  it('turns parents into relationship paths with their Ids and leaves child connections to loaders', async () => {
    const fields = await fieldsFor(
      /* GraphQL */ `
        {
          opportunities {
            nodes {
              name
              expectedRevenue
              account {
                name
                owner {
                  name
                  email
                }
                contacts {
                  nodes {
                    email
                  }
                }
                billingAddress {
                  city
                  country
                }
              }
              owner {
                isActive
              }
            }
          }
        }
      `,
      'Query.opportunities',
      'Opportunity',
      true,
    );
    expect(fields).toEqual([
      'Id',
      'Name',
      'ExpectedRevenue',
      'AccountId',
      'Account.Id',
      'Account.Name',
      'Account.OwnerId',
      'Account.Owner.Id',
      'Account.Owner.Name',
      'Account.Owner.Email',
      'Account.BillingCity',
      'Account.BillingCountry',
      'OwnerId',
      'Owner.Id',
      'Owner.IsActive',
    ]);
  });

  it('gives child connections their own selection', async () => {
    let contactFields: string[] = [];
    let accountFields: string[] = [];
    await run(
      /* GraphQL */ `
        {
          accounts {
            nodes {
              name
              contacts(first: 5) {
                edges {
                  node {
                    email
                    account {
                      name
                    }
                  }
                }
              }
            }
          }
        }
      `,
      {
        'Query.accounts': (info) => {
          accountFields = selectSoqlFields(info, 'Account', { connection: true });
          return connection;
        },
        'Account.contacts': (info) => {
          contactFields = selectSoqlFields(info, 'Contact', { connection: true });
          return connection;
        },
      },
    );
    expect(accountFields).toEqual(['Id', 'Name']);
    expect(contactFields).toEqual(['Id', 'Email', 'AccountId', 'Account.Id', 'Account.Name']);
  });
});

describe('selectSoqlFields on records', () => {
  it('stops at five relationship levels and keeps the Id path for a loader', async () => {
    const fields = await fieldsFor(
      /* GraphQL */ `
        {
          account(id: "x") {
            parent {
              parent {
                parent {
                  parent {
                    parent {
                      name
                      parent {
                        name
                        owner {
                          name
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
      'Query.account',
      'Account',
      false,
    );
    expect(fields).toContain('Parent.Parent.Parent.Parent.Parent.Name');
    expect(fields).toContain('Parent.Parent.Parent.Parent.Parent.ParentId');
    expect(fields).not.toContain('Parent.Parent.Parent.Parent.Parent.Parent.Id');
    expect(fields.some((f) => f.split('.').length > 6)).toBe(false);
    expect(fields.filter((f) => f.endsWith('Owner.Name'))).toEqual([]);
  });

  it('selects only the address parts asked for, or all of them for a bare __typename', async () => {
    expect(
      await fieldsFor(
        '{ account(id: "x") { billingAddress { city __typename } } }',
        'Query.account',
        'Account',
        false,
      ),
    ).toEqual(['Id', 'BillingCity']);
    expect(
      await fieldsFor(
        '{ account(id: "x") { billingAddress { __typename } } }',
        'Query.account',
        'Account',
        false,
      ),
    ).toEqual([
      'Id',
      'BillingStreet',
      'BillingCity',
      'BillingState',
      'BillingPostalCode',
      'BillingCountry',
    ]);
  });

  it('matches fragments on the record type behind an interface or union', async () => {
    const source = /* GraphQL */ `
      {
        node(id: "x") {
          id
          ... on Account {
            name
          }
          ... on Contact {
            email
          }
          ...L
        }
      }
      fragment L on Lead {
        company
      }
    `;
    expect(await fieldsFor(source, 'Query.node', 'Account', false)).toEqual(['Id', 'Name']);
  });

  it('maps Lead conversion parents', async () => {
    const fields = await fieldsFor(
      '{ lead(id: "x") { convertedAccount { name } convertedContact { email } convertedOpportunity { id } isConverted } }',
      'Query.lead',
      'Lead',
      false,
    );
    expect(fields).toEqual([
      'Id',
      'ConvertedAccountId',
      'ConvertedAccount.Id',
      'ConvertedAccount.Name',
      'ConvertedContactId',
      'ConvertedContact.Id',
      'ConvertedContact.Email',
      'ConvertedOpportunityId',
      'ConvertedOpportunity.Id',
      'IsConverted',
    ]);
  });

  it('adds nothing for child connections, and only fixed link fields without link field names', async () => {
    expect(
      await fieldsFor(
        '{ account(id: "x") { payments { nodes { id } } opportunities { totalCount } } }',
        'Query.account',
        'Account',
        false,
      ),
    ).toEqual(['Id']);
    expect(
      await fieldsFor(
        '{ account(id: "x") { customer360 { health } } }',
        'Query.account',
        'Account',
        false,
      ),
    ).toEqual(['Id', 'Name']);
  });

  it('selects the configured link fields a linked-service field needs, with the record', async () => {
    const linkFields = {
      stripeCustomer: 'Stripe_Cust__c',
      zendeskOrganization: 'Zd_Org__c',
      quickBooksCustomer: 'Qbo_Cust__c',
    };
    const fields = (query: string) =>
      fieldsFor(query, 'Query.account', 'Account', false, undefined, linkFields);
    expect(await fields('{ account(id: "x") { payments { nodes { id } } } }')).toEqual([
      'Id',
      'Stripe_Cust__c',
    ]);
    expect(await fields('{ account(id: "x") { tickets { nodes { id } } } }')).toEqual([
      'Id',
      'Zd_Org__c',
    ]);
    expect(await fields('{ account(id: "x") { invoices { nodes { id } } } }')).toEqual([
      'Id',
      'Qbo_Cust__c',
      'Name',
    ]);
    expect(await fields('{ account(id: "x") { customer360 { health } } }')).toEqual([
      'Id',
      'Stripe_Cust__c',
      'Zd_Org__c',
      'Qbo_Cust__c',
      'Name',
    ]);
    // Under a parent path the link fields follow the relationship prefix.
    expect(
      await fieldsFor(
        '{ contact(id: "x") { account { payments { nodes { id } } } } }',
        'Query.contact',
        'Contact',
        false,
        undefined,
        linkFields,
      ),
    ).toEqual(['Id', 'AccountId', 'Account.Id', 'Account.Stripe_Cust__c']);
  });
});

describe('soqlFieldsFromSelection', () => {
  it('works on a parsed selection set with fragments and variables', () => {
    const doc = parse(/* GraphQL */ `
      query ($full: Boolean!) {
        contacts {
          nodes {
            ...C
          }
        }
      }
      fragment C on Contact {
        lastName
        mailingAddress {
          postalCode
        }
        title @include(if: $full)
        owner {
          ...U
        }
      }
      fragment U on User {
        name
      }
    `);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of doc.definitions)
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    const selection = fragments.C.selectionSet;
    expect(
      soqlFieldsFromSelection(
        selection,
        fragments,
        { full: false },
        'Contact',
        crmTestSchema,
        'Contact',
      ),
    ).toEqual(['Id', 'LastName', 'MailingPostalCode', 'OwnerId', 'Owner.Id', 'Owner.Name']);
    const operation = doc.definitions[0] as OperationDefinitionNode;
    expect(operation.kind).toBe(Kind.OPERATION_DEFINITION);
  });
});

describe('isFieldSelected', () => {
  async function selected(
    source: string,
    path: string[],
    variables?: Record<string, unknown>,
  ): Promise<boolean> {
    let answer: boolean | undefined;
    await run(
      source,
      {
        'Query.accounts': (info) => {
          answer = isFieldSelected(info, path);
          return connection;
        },
      },
      variables,
    );
    if (answer === undefined) throw new Error('not resolved');
    return answer;
  }

  it('finds totalCount directly, through fragments and honours @skip', async () => {
    expect(await selected('{ accounts { totalCount } }', ['totalCount'])).toBe(true);
    expect(await selected('{ accounts { nodes { id } } }', ['totalCount'])).toBe(false);
    expect(
      await selected(
        '{ accounts { ...F } } fragment F on AccountConnection { count: totalCount }',
        ['totalCount'],
      ),
    ).toBe(true);
    expect(
      await selected('{ accounts { ... on AccountConnection { totalCount } } }', ['totalCount']),
    ).toBe(true);
    expect(
      await selected(
        'query ($s: Boolean!) { accounts { totalCount @skip(if: $s) } }',
        ['totalCount'],
        { s: true },
      ),
    ).toBe(false);
  });

  it('follows nested paths', async () => {
    expect(
      await selected('{ accounts { pageInfo { hasNextPage } } }', ['pageInfo', 'hasNextPage']),
    ).toBe(true);
    expect(
      await selected('{ accounts { pageInfo { endCursor } } }', ['pageInfo', 'hasNextPage']),
    ).toBe(false);
    expect(await selected('{ accounts { totalCount } }', [])).toBe(false);
  });

  it('answers per execution: one parsed document run with different variables', async () => {
    // Apollo reuses a parsed document across requests; an answer must not outlive its execution.
    const document = parse(
      'query ($s: Boolean!) { a: accounts { totalCount @skip(if: $s) pageInfo { hasNextPage } } }',
    );
    const answers: boolean[][] = [];
    const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (parent, args, ctx, info) => {
      if (info.fieldName === 'accounts') {
        answers.push([
          isFieldSelected(info, ['totalCount']),
          isFieldSelected(info, ['pageInfo', 'hasNextPage']),
          // Asked again in the same execution: the remembered answer, and paths kept apart.
          isFieldSelected(info, ['totalCount']),
          isFieldSelected(info, ['pageInfo']),
        ]);
        return { ...connection, pageInfo: { hasNextPage: false } };
      }
      return defaultFieldResolver(parent, args, ctx, info);
    };
    for (const s of [true, false, true]) {
      const result = await execute({
        schema: crmTestSchema,
        document,
        variableValues: { s },
        fieldResolver,
      });
      expect(result.errors ?? []).toEqual([]);
    }
    expect(answers).toEqual([
      [false, true, false, true],
      [true, true, true, true],
      [false, true, false, true],
    ]);
  });
});

describe('OBJECT_MAPPINGS cover the contract', () => {
  const linked = new Set(['payments', 'tickets', 'invoices', 'customer360']);
  const filterKinds: Record<string, string> = {
    IDFilter: 'id',
    StringFilter: 'string',
    IntFilter: 'int',
    FloatFilter: 'float',
    BooleanFilter: 'boolean',
    DateFilter: 'date',
    DateTimeFilter: 'datetime',
  };

  it.each(['Account', 'Contact', 'Opportunity', 'Lead', 'User'] as const)(
    '%s fields, filters and sort enums',
    (object) => {
      const mapping = OBJECT_MAPPINGS[object];
      const type = crmTestSchema.getType(object);
      if (!isObjectType(type)) throw new Error(`${object} missing`);
      const unmapped = Object.keys(type.getFields()).filter(
        (name) =>
          !linked.has(name) &&
          !mapping.fields[name] &&
          !mapping.addresses[name] &&
          !mapping.parents[name] &&
          !mapping.children[name],
      );
      expect(unmapped).toEqual([]);
      for (const [name, parent] of Object.entries(mapping.parents)) {
        expect(getNamedType(type.getFields()[name].type).name).toBe(parent.target);
      }
      const filter = crmTestSchema.getType(`${object}Filter`);
      if (isInputObjectType(filter)) {
        for (const [name, field] of Object.entries(filter.getFields())) {
          if (['and', 'or', 'not'].includes(name)) continue;
          expect([name, mapping.filters[name]?.kind]).toEqual([
            name,
            filterKinds[getNamedType(field.type).name],
          ]);
        }
      }
      const sort = crmTestSchema.getType(`${object}SortField`);
      if (isEnumType(sort)) {
        expect(
          sort
            .getValues()
            .map((v) => v.name)
            .filter((v) => !mapping.sortFields[v]),
        ).toEqual([]);
      }
    },
  );
});
