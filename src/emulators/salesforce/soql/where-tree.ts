import type { Condition, HavingClause, WhereClause } from '@jetstreamapp/soql-parser-js';
import type { SoqlErrors } from './soql-errors';

/** A condition as the parser gives it: a field or function compared with a value or a subquery. */
export type LeafCondition = Exclude<WhereClause['left'], null>;

export type BoolTree<C> =
  | { kind: 'and'; items: BoolTree<C>[] }
  | { kind: 'or'; items: BoolTree<C>[] }
  | { kind: 'not'; item: BoolTree<C> }
  | { kind: 'leaf'; condition: C };

type Token<C> =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'not' }
  | { kind: 'op'; op: 'and' | 'or'; ordinal: number }
  | { kind: 'leaf'; condition: C };

interface FlatNode {
  left: unknown;
  operator?: string;
  right?: FlatNode;
}

const isLeaf = (left: unknown): boolean =>
  typeof left === 'object' && left !== null && ('field' in left || 'fn' in left);

const count = (value: unknown, key: 'openParen' | 'closeParen'): number => {
  if (typeof value !== 'object' || value === null || !(key in value)) return 0;
  const n = (value as Record<string, unknown>)[key];
  return typeof n === 'number' ? n : 0;
};

/**
 * The parser returns WHERE/HAVING as a right-linked list where each condition carries its
 * paren counts (`A AND (B OR C)` is A→AND→B(open 1)→OR→C(close 1)). Flatten it back into
 * tokens, then parse with SOQL's rules: operators at one level must all be AND or all OR
 * (Salesforce rejects `A AND B OR C`), and NOT may only open a group (`A AND NOT B` is
 * rejected; `A AND (NOT B)` is fine, https://github.com/jetstreamapp/soql-parser-js/issues/201).
 */
export function buildBoolTree<C extends LeafCondition | Condition>(
  clause: WhereClause | HavingClause,
  errors: SoqlErrors,
  clauseKeyword: 'WHERE' | 'HAVING',
): BoolTree<C> {
  const tokens: Token<C>[] = [];
  let ordinal = 0;
  for (let node: FlatNode | undefined = clause as FlatNode; node; node = node.right) {
    const opens = count(node.left, 'openParen');
    for (let i = 0; i < opens; i++) tokens.push({ kind: 'open' });
    if (node.operator === 'NOT' && !isLeaf(node.left)) {
      tokens.push({ kind: 'not' });
      continue;
    }
    if (!isLeaf(node.left)) throw errors.malformed(`unexpected token: '${clauseKeyword}'`);
    tokens.push({ kind: 'leaf', condition: node.left as C });
    const closes = count(node.left, 'closeParen');
    for (let i = 0; i < closes; i++) tokens.push({ kind: 'close' });
    if (node.operator === 'AND' || node.operator === 'OR') {
      tokens.push({ kind: 'op', op: node.operator === 'AND' ? 'and' : 'or', ordinal: ordinal++ });
    } else if (node.operator === 'NOT') {
      throw errors.malformed(
        `unexpected token: 'NOT'`,
        logicalOffset(errors, clauseKeyword, 'NOT', 0),
      );
    }
  }
  return new TreeParser(tokens, errors, clauseKeyword).parse();
}

class TreeParser<C> {
  private pos = 0;

  constructor(
    private readonly tokens: Token<C>[],
    private readonly errors: SoqlErrors,
    private readonly clauseKeyword: 'WHERE' | 'HAVING',
  ) {}

  parse(): BoolTree<C> {
    const tree = this.expression();
    if (this.pos < this.tokens.length) throw this.errors.malformed(`unexpected token: ')'`);
    return tree;
  }

  private expression(): BoolTree<C> {
    const items = [this.unary(true)];
    let op: 'and' | 'or' | undefined;
    for (let token = this.tokens[this.pos]; token?.kind === 'op'; token = this.tokens[this.pos]) {
      if (op && token.op !== op) {
        const word = token.op.toUpperCase();
        throw this.errors.malformed(
          `unexpected token: '${word}'`,
          logicalOffset(this.errors, this.clauseKeyword, word, token.ordinal),
        );
      }
      op = token.op;
      this.pos++;
      items.push(this.unary(false));
    }
    if (!op) return items[0] as BoolTree<C>;
    return { kind: op, items };
  }

  private unary(notAllowed: boolean): BoolTree<C> {
    const token = this.tokens[this.pos++];
    if (!token) throw this.errors.malformed(`unexpected token: '<EOF>'`);
    switch (token.kind) {
      case 'leaf':
        return { kind: 'leaf', condition: token.condition };
      case 'not':
        if (!notAllowed) {
          throw this.errors.malformed(
            `unexpected token: 'NOT'`,
            logicalOffset(this.errors, this.clauseKeyword, 'NOT', 0),
          );
        }
        return { kind: 'not', item: this.unary(false) };
      case 'open': {
        const inner = this.expression();
        if (this.tokens[this.pos]?.kind !== 'close')
          throw this.errors.malformed(`unexpected token: '<EOF>'`);
        this.pos++;
        return inner;
      }
      default:
        throw this.errors.malformed(
          `unexpected token: '${token.kind === 'op' ? token.op.toUpperCase() : ')'}'`,
        );
    }
  }
}

/**
 * Where the `ordinal`-th AND/OR of the top-level clause sits in the text (NOT: the first
 * NOT after an AND/OR), for the error's column.
 */
function logicalOffset(
  errors: SoqlErrors,
  clauseKeyword: string,
  word: string,
  ordinal: number,
): number {
  const tokens = errors.tokens;
  const clauseIndex = tokens.findIndex(
    (t) => t.subqueryDepth === 0 && t.kind === 'word' && t.text.toUpperCase() === clauseKeyword,
  );
  if (clauseIndex < 0) return -1;
  let seen = 0;
  let previous = '';
  for (const t of tokens.slice(clauseIndex + 1)) {
    if (t.subqueryDepth !== 0 || t.kind !== 'word') continue;
    const upper = t.text.toUpperCase();
    if (['GROUP', 'ORDER', 'LIMIT', 'OFFSET', 'HAVING', 'FOR', 'WITH'].includes(upper)) break;
    if (word === 'NOT' && upper === 'NOT' && (previous === 'AND' || previous === 'OR'))
      return t.start;
    if (upper === 'AND' || upper === 'OR') {
      if (upper === word && seen === ordinal) return t.start;
      seen++;
    }
    previous = upper;
  }
  return -1;
}
