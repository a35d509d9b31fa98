import { parse, type GraphQLSchema } from 'graphql';
import { ACCOUNTS_PAGE_QUERY, WALK_PAGE_QUERY } from '../../bench/bench-operations';
import { BadUserInputError } from '../errors';
import { computeOperationCost } from './operation-cost';
import { rememberedOperationCost } from './operation-cost-memo';
import { buildGatewaySchema } from './schema';

const OPTIONS = { maxPageSize: 200 };

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

describe('rememberedOperationCost', () => {
  it('answers what computeOperationCost answers, per variable set of one document', () => {
    const walk = parse(
      WALK_PAGE_QUERY.replace('first: 50', 'first: $first').replace(
        '($after: String)',
        '($after: String, $first: Int)',
      ),
    );
    for (const first of [10, 200, 10, 50]) {
      const variables = { first };
      expect(rememberedOperationCost(schema, walk, variables, undefined, OPTIONS)).toBe(
        computeOperationCost(schema, walk, variables, undefined, OPTIONS),
      );
    }
    expect(rememberedOperationCost(schema, walk, { first: 10 }, undefined, OPTIONS)).toBeLessThan(
      rememberedOperationCost(schema, walk, { first: 200 }, undefined, OPTIONS),
    );
    const page = parse(ACCOUNTS_PAGE_QUERY);
    expect(rememberedOperationCost(schema, page, undefined, undefined, OPTIONS)).toBe(
      computeOperationCost(schema, page, undefined, undefined, OPTIONS),
    );
    // Another page-size cap is another answer, not the remembered one.
    expect(
      rememberedOperationCost(schema, walk, { first: 200 }, undefined, { maxPageSize: 20 }),
    ).toBe(computeOperationCost(schema, walk, { first: 200 }, undefined, { maxPageSize: 20 }));
  });

  it('refuses bad variables every time, never remembering a refusal', () => {
    const walk = parse(WALK_PAGE_QUERY);
    for (let i = 0; i < 2; i += 1) {
      expect(() =>
        rememberedOperationCost(schema, walk, { after: 42 }, undefined, OPTIONS),
      ).toThrow(BadUserInputError);
    }
  });
});
