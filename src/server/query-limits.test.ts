import { GraphQLError, buildSchema, parse, validate, specifiedRules } from 'graphql';
import { QueryTooComplexError } from '../errors';
import { createQueryLimits, DEFAULT_QUERY_LIMITS, explainAbortedValidation } from './query-limits';

const schema = buildSchema(`
  type Node { id: ID! name: String child: Node }
  type Query { node: Node }
`);

function rejections(query: string, limits = DEFAULT_QUERY_LIMITS) {
  const { validationRules } = createQueryLimits(limits, { maskSuggestions: false });
  return validate(schema, parse(query), [...specifiedRules, ...validationRules]);
}

describe('createQueryLimits', () => {
  it('accepts a query within every limit', () => {
    expect(rejections('{ node { id name child { id } } }')).toEqual([]);
  });

  it('leaves cost to computeOperationCost, which sees the variables', () => {
    // armor's own cost rule counted literals only; with it gone maxCost binds nothing here.
    const limits = { ...DEFAULT_QUERY_LIMITS, maxCost: 1 };
    expect(rejections('{ node { id name child { id name child { id } } } }', limits)).toEqual([]);
  });

  it('reports depth, alias and directive limits without the syntax-error prefix', () => {
    const limits = { ...DEFAULT_QUERY_LIMITS, maxDepth: 1, maxAliases: 1, maxDirectives: 1 };
    const messages = rejections(
      '{ a: node @include(if: true) { child { id } } b: node @skip(if: false) { id } }',
      limits,
    ).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Query depth limit of 1 exceeded/),
        expect.stringMatching(/^Aliases limit of 1 exceeded/),
        expect.stringMatching(/^Directives limit of 1 exceeded/),
      ]),
    );
    expect(messages.filter((m) => m.startsWith('Syntax Error'))).toEqual([]);
  });
});

describe('explainAbortedValidation', () => {
  it("replaces graphql-js's bare 'Validation aborted.' with the reason, as a limit", () => {
    const repeated = Array.from({ length: 900 }, () => 'node { id }').join(' ');
    const errors = [...validate(schema, parse(`{ ${repeated} }`))];
    expect(errors.map((e) => e.message)).toEqual(['Validation aborted.']);
    explainAbortedValidation(errors);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(QueryTooComplexError);
    expect(errors[0]?.message).toMatch(
      /^The document repeats the same fields or fragments too often/,
    );
  });

  it('keeps every other validation error as it is', () => {
    const other = new GraphQLError('Cannot query field "x" on type "Query".');
    const errors = [other];
    explainAbortedValidation(errors);
    expect(errors).toEqual([other]);
  });
});
