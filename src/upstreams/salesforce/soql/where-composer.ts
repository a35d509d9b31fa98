import type {
  Condition,
  LogicalOperator,
  NegationCondition,
  WhereClause,
} from '@jetstreamapp/soql-parser-js';
import type { SoqlComparison, SoqlCondition } from './condition-tree';

type Token =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'not' }
  | { type: 'join'; operator: 'AND' | 'OR' }
  | { type: 'leaf'; comparison: SoqlComparison };

/**
 * Salesforce rejects AND and OR mixed at one level without parentheses, so every AND/OR nested
 * in another operator is wrapped, and NOT always takes `NOT (...)` (itself wrapped when nested).
 */
function tokenize(condition: SoqlCondition, wrap: boolean, out: Token[]): void {
  switch (condition.kind) {
    case 'compare':
      out.push({ type: 'leaf', comparison: condition });
      return;
    case 'not':
      // `A AND NOT (B)` is refused by the parser Salesforce-compatible tools use (soql-parser-js
      // #201); `A AND (NOT (B))` is accepted everywhere.
      if (wrap) out.push({ type: 'open' });
      out.push({ type: 'not' }, { type: 'open' });
      tokenize(condition.item, false, out);
      out.push({ type: 'close' });
      if (wrap) out.push({ type: 'close' });
      return;
    case 'and':
    case 'or': {
      const operator = condition.kind === 'and' ? 'AND' : 'OR';
      if (wrap) out.push({ type: 'open' });
      condition.items.forEach((item, i) => {
        if (i > 0) out.push({ type: 'join', operator });
        tokenize(item, item.kind !== 'compare', out);
      });
      if (wrap) out.push({ type: 'close' });
    }
  }
}

/**
 * soql-parser-js models WHERE as a right-linked list of conditions carrying paren counts; a NOT
 * is a link whose `left` holds only the parens opened before it (what parseQuery produces).
 */
function link(tokens: Token[], start: number): WhereClause {
  let open = 0;
  let i = start;
  while (tokens[i]?.type === 'open') {
    open++;
    i++;
  }
  const token = tokens[i];
  if (token?.type === 'not') {
    const left: NegationCondition | null = open > 0 ? { openParen: open } : null;
    return { left, operator: 'NOT', right: link(tokens, i + 1) };
  }
  if (token?.type !== 'leaf') throw new Error('where-composer: malformed condition token stream');
  let close = 0;
  i++;
  while (tokens[i]?.type === 'close') {
    close++;
    i++;
  }
  const { field, operator, value, literalType } = token.comparison;
  const left: Condition = { field, operator, value, literalType };
  if (open > 0) left.openParen = open;
  if (close > 0) left.closeParen = close;
  const next = tokens[i];
  if (next === undefined) return { left };
  if (next.type !== 'join') throw new Error('where-composer: malformed condition token stream');
  const joiner: LogicalOperator = next.operator;
  return { left, operator: joiner, right: link(tokens, i + 1) };
}

/** The soql-parser-js WhereClause for a condition tree. */
export function toWhereClause(condition: SoqlCondition): WhereClause {
  const tokens: Token[] = [];
  tokenize(condition, false, tokens);
  return link(tokens, 0);
}
