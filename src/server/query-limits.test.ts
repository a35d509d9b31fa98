import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { QueryTooComplexError } from '../errors';
import { createQueryLimits, DEFAULT_QUERY_LIMITS } from './query-limits';

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

  it('reports an over-cost query as too complex, not as a syntax error', () => {
    const [error, ...rest] = rejections('{ node { id name child { id name child { id } } } }', {
      ...DEFAULT_QUERY_LIMITS,
      maxCost: 5,
    });
    expect(rest).toEqual([]);
    expect(error).toBeInstanceOf(QueryTooComplexError);
    expect(error?.message).toMatch(/^Query Cost limit of 5 exceeded, found [\d.]+\.$/);
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
