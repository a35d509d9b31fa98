import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { BENCH_OPERATIONS, NESTED_OPPORTUNITIES_QUERY } from '../../bench/bench-operations';
import { ACCOUNTS_PAGE_QUERY, WALK_PAGE_QUERY } from '../../bench/bench-operations';
import { DEFAULT_QUERY_LIMITS } from '../config';
import { BadUserInputError, QueryTooComplexError } from '../errors';
import {
  ABUSIVE_QUERY,
  ABUSIVE_QUERY_WITH_DEFAULTS,
  abusiveQueryWithLiteral,
} from '../../test/helpers/abusive-query';
import { computeOperationCost } from './operation-cost';
import { buildGatewaySchema } from './schema';

const ROOT = join(__dirname, '../..');
const OPTIONS = { maxPageSize: 200 };

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

function cost(
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
  options = OPTIONS,
): number {
  return computeOperationCost(schema, parse(query), variables, operationName, options);
}

const SAMPLE_SCALARS: Record<string, unknown> = {
  ID: '001000000000001AAA',
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: true,
  Date: '2025-01-01',
  DateTime: '2025-01-01T00:00:00Z',
};

/** A value for a required variable; cost never depends on it but coercion needs one. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sampleValue(field.type)]),
    );
  }
  return SAMPLE_SCALARS[type.name];
}

function requiredVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const entries = (operation.variableDefinitions ?? []).flatMap((definition) => {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    return type && isNonNullType(type) && !definition.defaultValue
      ? [[definition.variable.name.value, sampleValue(type)] as const]
      : [];
  });
  return Object.fromEntries(entries);
}

describe('computeOperationCost', () => {
  // nodes { id } costs 1 + 1; each row of a connection costs 1 + what it selects.
  const PAGE_ROW = 3;

  it('weights a connection by its `first`, whether literal, variable or default', () => {
    const literal = cost('{ accounts(first: 200) { nodes { id } } }');
    const variable = cost('query ($n: Int) { accounts(first: $n) { nodes { id } } }', { n: 200 });
    const operationDefault = cost('query ($n: Int = 200) { accounts(first: $n) { nodes { id } } }');
    expect(literal).toBe(200 * PAGE_ROW);
    expect(variable).toBe(literal);
    expect(operationDefault).toBe(literal);
    // Nothing written: the schema's default page of 50.
    expect(cost('{ accounts { nodes { id } } }')).toBe(50 * PAGE_ROW);
  });

  it('counts an unknown or null `first` as the default page, as the resolvers read it', () => {
    const query = 'query ($n: Int) { accounts(first: $n) { nodes { id } } }';
    expect(cost(query, {})).toBe(50 * PAGE_ROW);
    expect(cost(query, { n: null })).toBe(50 * PAGE_ROW);
    expect(cost(query, undefined)).toBe(50 * PAGE_ROW);
    // Variables the operation does not declare change nothing.
    expect(cost(query, { n: 10, first: 200, other: 'x' })).toBe(10 * PAGE_ROW);
  });

  it('caps `first` at the page size limit and floors it at 0 (the resolver refuses both)', () => {
    const query = 'query ($n: Int) { accounts(first: $n) { nodes { id } } }';
    // Without options, the limit is the resolvers' own page size cap (200).
    expect(computeOperationCost(schema, parse(query), { n: 100_000 }, undefined)).toBe(
      200 * PAGE_ROW,
    );
    expect(cost(query, { n: 100_000 })).toBe(200 * PAGE_ROW);
    expect(cost(query, { n: -5 })).toBe(0);
    expect(cost(query, { n: 100_000 }, undefined, { maxPageSize: 10 })).toBe(10 * PAGE_ROW);
  });

  it('multiplies a child connection by the rows of every page above it', () => {
    const nested = `query ($a: Int, $c: Int) {
      accounts(first: $a) { nodes { contacts(first: $c) { nodes { id } } } }
    }`;
    // 10 accounts × (1 + nodes(1 + contacts: 20 × (1 + nodes(1 + id)))).
    expect(cost(nested, { a: 10, c: 20 })).toBe(10 * (1 + 1 + 20 * PAGE_ROW));
    expect(cost(nested, { a: 20, c: 20 })).toBe(2 * cost(nested, { a: 10, c: 20 }));
    // A parent lookup is one row per child row; the connection under it multiplies again.
    const deep = `{ contacts(first: 10) { nodes { account { opportunities(first: 5) {
      nodes { id } } } } } }`;
    expect(cost(deep)).toBe(10 * (1 + 1 + (1 + 5 * PAGE_ROW)));
  });

  it('counts fragments and inline fragments like the fields they spread', () => {
    const inline = cost(
      '{ accounts(first: 7) { nodes { id name contacts(first: 3) { nodes { id } } } } }',
    );
    const spread = cost(`
      query { accounts(first: 7) { nodes { ...Row } } }
      fragment Row on Account { id name contacts(first: 3) { ...Page } }
      fragment Page on ContactConnection { nodes { id } }
    `);
    const typed = cost(`{ accounts(first: 7) { nodes { ... on Account { id name
      contacts(first: 3) { nodes { id } } } } } }`);
    expect(spread).toBe(inline);
    expect(typed).toBe(inline);
  });

  it('adds up aliases: ten copies cost ten times one', () => {
    const one = cost('{ accounts(first: 20) { nodes { id } } }');
    const aliases = Array.from(
      { length: 10 },
      (_, i) => `a${i}: accounts(first: 20) { nodes { id } }`,
    );
    expect(cost(`{ ${aliases.join(' ')} }`)).toBe(10 * one);
  });

  it('ignores introspection and __typename', () => {
    expect(cost('{ __schema { types { name fields { name type { name } } } } }')).toBe(0);
    expect(cost('{ __type(name: "Account") { fields { name } } __typename }')).toBe(0);
    expect(cost('{ accounts(first: 4) { __typename nodes { __typename id } } }')).toBe(
      4 * PAGE_ROW,
    );
  });

  it('honours @skip and @include with their variables', () => {
    const query = `query ($deep: Boolean!) { accounts(first: 10) { nodes {
      id contacts(first: 10) @include(if: $deep) { nodes { id } } } } }`;
    expect(cost(query, { deep: false })).toBe(10 * PAGE_ROW);
    expect(cost(query, { deep: true })).toBeGreaterThan(10 * 10);
  });

  it('counts only the operation that runs', () => {
    const doc = `
      query Small { accounts(first: 1) { nodes { id } } }
      query Large { accounts(first: 200) { nodes { id } } }
    `;
    expect(cost(doc, undefined, 'Small')).toBe(PAGE_ROW);
    expect(cost(doc, undefined, 'Large')).toBe(200 * PAGE_ROW);
    // No such operation: the executor refuses it, nothing runs, nothing to count.
    expect(cost(doc, undefined, 'Missing')).toBe(0);
    expect(cost(doc)).toBe(0);
  });

  it('refuses variables that do not coerce as BAD_USER_INPUT (the operation must not run uncounted)', () => {
    const query = 'query ($n: Int!) { accounts(first: $n) { nodes { id } } }';
    expect(() => cost(query, {})).toThrow(BadUserInputError);
    expect(() => cost(query, { n: 'many' })).toThrow(/Int cannot represent non-integer value/);
  });

  it('stops counting at the selection bound (fragments doubling at every level)', () => {
    const levels = Array.from(
      { length: 14 },
      (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`,
    );
    const query = `{ ...F14 } fragment F0 on Query { viewer { id } } ${levels.join(' ')}`;
    let thrown: unknown;
    try {
      cost(query);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(QueryTooComplexError);
    expect((thrown as QueryTooComplexError).message).toBe(
      'The operation has more than 10000 field selections once fragments are expanded (limit 10000)',
    );
  });

  describe('with the default limit', () => {
    const { maxCost } = DEFAULT_QUERY_LIMITS;

    it('refuses the abusive query however `first` is written', () => {
      expect(cost(ABUSIVE_QUERY, { n: 200 })).toBeGreaterThan(maxCost);
      expect(cost(ABUSIVE_QUERY, {})).toBeGreaterThan(maxCost);
      expect(cost(ABUSIVE_QUERY_WITH_DEFAULTS)).toBe(cost(ABUSIVE_QUERY, {}));
      expect(cost(abusiveQueryWithLiteral(200))).toBe(cost(ABUSIVE_QUERY, { n: 200 }));
      // Even one alias with the default page is far over.
      const one = `{ accounts { nodes { contacts { nodes { account { opportunities {
        nodes { account { contacts { nodes { id } } } } } } } } } } }`;
      expect(cost(one)).toBeGreaterThan(100 * maxCost);
    });

    it("admits README's example, every test operation and every bench operation", () => {
      const documents: Array<[string, DocumentNode]> = [];
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      for (const [, body] of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
        documents.push(['README.md', parse(body ?? '')]);
      }
      const operationsDir = join(ROOT, 'test/integration/operations');
      for (const file of readdirSync(operationsDir)) {
        documents.push([file, parse(readFileSync(join(operationsDir, file), 'utf8'))]);
      }
      for (const query of [ACCOUNTS_PAGE_QUERY, NESTED_OPPORTUNITIES_QUERY, WALK_PAGE_QUERY]) {
        documents.push(['bench', parse(query)]);
      }
      expect(BENCH_OPERATIONS).toHaveLength(3);
      const costs = documents.flatMap(([source, document]) =>
        document.definitions.flatMap((definition) =>
          definition.kind === Kind.OPERATION_DEFINITION
            ? [
                {
                  operation: `${source} ${definition.name?.value ?? '(anonymous)'}`,
                  cost: computeOperationCost(
                    schema,
                    document,
                    requiredVariables(definition),
                    definition.name?.value,
                    OPTIONS,
                  ),
                },
              ]
            : [],
        ),
      );
      expect(costs.length).toBeGreaterThan(40);
      expect(costs.filter((c) => c.cost > maxCost)).toEqual([]);
      // The nested bench operation: 200 × (1 + nodes (1 + id 1 + account 19)).
      const nested = computeOperationCost(
        schema,
        parse(NESTED_OPPORTUNITIES_QUERY),
        {},
        undefined,
        OPTIONS,
      );
      expect(nested).toBe(4_400);
    });
  });
});
