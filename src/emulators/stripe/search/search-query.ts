import { stripeErrors } from '../model/stripe-error';

/**
 * Stripe's search query language (https://docs.stripe.com/search#search-query-language):
 * clauses `field:value` (exact), `field~value` (substring, 3+ characters), `field>n`,
 * `field<n`, `field>=n`, `field<=n`, `metadata['key']:'value'`, a leading `-` negates;
 * clauses are joined by spaces or `AND`, or by `OR`, never both, with no parentheses, and
 * a query has at most 10 clauses.
 */
export type Operator = ':' | '~' | '>' | '<' | '>=' | '<=';

export interface Clause {
  negated: boolean;
  /** `metadata` clauses carry their key; other fields are plain names (`customer`, `email`). */
  field: { kind: 'field'; name: string } | { kind: 'metadata'; key: string };
  operator: Operator;
  value: { kind: 'string'; text: string } | { kind: 'number'; value: number } | { kind: 'null' };
}

export interface SearchQuery {
  combinator: 'AND' | 'OR';
  clauses: Clause[];
}

export const MAX_SEARCH_CLAUSES = 10;

export function parseSearchQuery(input: string): SearchQuery {
  const parser = new QueryParser(input);
  return parser.parse();
}

class QueryParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): SearchQuery {
    const clauses: Clause[] = [];
    const joins = new Set<'AND' | 'OR'>();
    this.skipSpace();
    if (this.atEnd()) throw stripeErrors.searchQuery('The query is empty.');
    clauses.push(this.clause());
    while (true) {
      const hadSpace = this.skipSpace();
      if (this.atEnd()) break;
      const keyword = this.keyword();
      if (keyword) {
        joins.add(keyword);
        if (!this.skipSpace()) this.fail(`a space after ${keyword}`);
      } else if (!hadSpace) {
        this.fail('a space, AND or OR between clauses');
      } else {
        joins.add('AND');
      }
      clauses.push(this.clause());
    }
    if (joins.size > 1) {
      throw stripeErrors.searchQuery(
        "Search queries can't combine AND and OR: use one of them between all clauses.",
      );
    }
    if (clauses.length > MAX_SEARCH_CLAUSES) {
      throw stripeErrors.searchQuery(
        `A search query can have at most ${MAX_SEARCH_CLAUSES} clauses; this one has ${clauses.length}.`,
      );
    }
    return { combinator: joins.has('OR') ? 'OR' : 'AND', clauses };
  }

  private clause(): Clause {
    const negated = this.peek() === '-';
    if (negated) this.pos += 1;
    const field = this.field();
    const operator = this.operator();
    const value = this.value();
    return { negated, field, operator, value };
  }

  private field(): Clause['field'] {
    const name = /^[a-z_][a-z0-9_.]*/.exec(this.rest())?.[0];
    if (!name) this.fail('a field name');
    if (name.startsWith('metadata.')) this.fail("metadata['key']");
    this.pos += name.length;
    if (name !== 'metadata') return { kind: 'field', name };
    if (this.peek() !== '[') this.fail("metadata['key']");
    this.pos += 1;
    const key = this.quoted();
    if (this.peek() !== ']') this.fail("']' after the metadata key");
    this.pos += 1;
    return { kind: 'metadata', key };
  }

  private operator(): Operator {
    for (const op of ['>=', '<=', ':', '~', '>', '<'] as const) {
      if (this.rest().startsWith(op)) {
        this.pos += op.length;
        return op;
      }
    }
    return this.fail('an operator (:, ~, >, <, >=, <=)');
  }

  private value(): Clause['value'] {
    const c = this.peek();
    if (c === "'" || c === '"') return { kind: 'string', text: this.quoted() };
    const bare = /^[^\s()]+/.exec(this.rest())?.[0];
    if (!bare) return this.fail('a value');
    this.pos += bare.length;
    if (bare === 'null') return { kind: 'null' };
    if (/^-?\d+(\.\d+)?$/.test(bare)) return { kind: 'number', value: Number(bare) };
    return this.fail('a quoted string, a number or null');
  }

  private quoted(): string {
    const quote = this.peek();
    if (quote !== "'" && quote !== '"') this.fail('a quoted string');
    let out = '';
    this.pos += 1;
    while (!this.atEnd()) {
      const c = this.text[this.pos] as string;
      if (c === '\\' && this.pos + 1 < this.text.length) {
        out += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === quote) {
        this.pos += 1;
        return out;
      }
      out += c;
      this.pos += 1;
    }
    return this.fail(`a closing ${quote}`);
  }

  private keyword(): 'AND' | 'OR' | undefined {
    const word = /^(AND|OR)(?=\s)/.exec(this.rest())?.[1];
    if (word === 'AND' || word === 'OR') {
      this.pos += word.length;
      return word;
    }
    return undefined;
  }

  private skipSpace(): boolean {
    const space = /^\s+/.exec(this.rest())?.[0] ?? '';
    this.pos += space.length;
    return space.length > 0;
  }

  private peek(): string {
    return this.text.charAt(this.pos);
  }

  private rest(): string {
    return this.text.slice(this.pos);
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private fail(expected: string): never {
    throw stripeErrors.searchQuery(
      `Invalid query: expected ${expected} at position ${this.pos} of \`${this.text}\`.`,
    );
  }
}
