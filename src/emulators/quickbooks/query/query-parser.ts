import { QueryParserError, tokenize, type Token } from './query-lexer';

export type Literal = string | number | boolean;
export type Operator = '=' | '<' | '>' | '<=' | '>=' | 'LIKE' | 'IN';

export interface Condition {
  field: string;
  operator: Operator;
  value: Literal | Literal[];
}

export interface ParsedQuery {
  entity: string;
  /** `*`, `count` (COUNT(*)) or the selected property names. */
  projection: '*' | 'count' | string[];
  /** AND-ed: QBO has no OR. */
  where: Condition[];
  orderBy: Array<{ field: string; descending: boolean }>;
  startPosition: number | undefined;
  maxResults: number | undefined;
}

const CLAUSE_STARTS = [
  '"iterator" ...',
  '"maxresults" ...',
  '"order" ...',
  '"orderby" ...',
  '"startposition" ...',
];

/**
 * Parses the IDS query language: `SELECT * | COUNT(*) | a, b FROM Entity [WHERE c AND c ...]
 * [ORDERBY f [ASC|DESC], ...] [STARTPOSITION n] [MAXRESULTS n]`, keywords in any case.
 * `OR`, `NOT`, `!=` and parentheses around conditions are rejected as QBO's parser does.
 */
export function parseQuery(text: string): ParsedQuery {
  return new Parser(tokenize(text)).parse();
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): ParsedQuery {
    this.keyword('select', ['"select" ...']);
    const projection = this.projection();
    this.keyword('from', ['"from" ...', '","']);
    const entity = this.word('<IDENTIFIER>');
    const query: ParsedQuery = {
      entity,
      projection,
      where: [],
      orderBy: [],
      startPosition: undefined,
      maxResults: undefined,
    };
    if (this.isKeyword('where')) {
      this.pos++;
      query.where.push(this.condition());
      while (this.isKeyword('and')) {
        this.pos++;
        query.where.push(this.condition());
      }
    }
    if (this.isKeyword('orderby') || this.isKeyword('order')) {
      if (this.next().text.toLowerCase() === 'order') this.keyword('by', ['"by" ...']);
      do {
        const field = this.word('<IDENTIFIER>');
        let descending = false;
        if (this.isKeyword('asc') || this.isKeyword('desc'))
          descending = this.next().text.toLowerCase() === 'desc';
        query.orderBy.push({ field, descending });
      } while (this.peek().text === ',' && this.next());
    }
    if (this.isKeyword('startposition')) {
      this.pos++;
      query.startPosition = this.integer();
    }
    if (this.isKeyword('maxresults')) {
      this.pos++;
      query.maxResults = this.integer();
    }
    if (this.peek().kind !== 'eof') this.fail(['<EOF>', '<AND>', ...CLAUSE_STARTS]);
    return query;
  }

  private projection(): ParsedQuery['projection'] {
    if (this.peek().text === '*') {
      this.pos++;
      return '*';
    }
    if (this.isKeyword('count')) {
      this.pos++;
      for (const expected of ['(', '*', ')']) {
        if (this.peek().text !== expected) this.fail([`"${expected}"`]);
        this.pos++;
      }
      return 'count';
    }
    const fields = [this.word('"*" ...')];
    while (this.peek().text === ',') {
      this.pos++;
      fields.push(this.word('<IDENTIFIER>'));
    }
    return fields;
  }

  private condition(): Condition {
    if (this.isKeyword('not') || this.isKeyword('or')) this.fail(['<IDENTIFIER>']);
    const field = this.word('<IDENTIFIER>');
    const token = this.peek();
    if (token.kind === 'op' && token.text !== '!=') {
      this.pos++;
      return { field, operator: token.text as Operator, value: this.literal() };
    }
    if (this.isKeyword('like')) {
      this.pos++;
      const value = this.literal();
      return { field, operator: 'LIKE', value };
    }
    if (this.isKeyword('in')) {
      this.pos++;
      if (this.peek().text !== '(') this.fail(['"("']);
      this.pos++;
      const values = [this.literal()];
      while (this.peek().text === ',') {
        this.pos++;
        values.push(this.literal());
      }
      if (this.peek().text !== ')') this.fail(['")"', '","']);
      this.pos++;
      return { field, operator: 'IN', value: values };
    }
    return this.fail(['"="', '"<"', '">"', '"<="', '">="', '"in" ...', '"like" ...']);
  }

  private literal(): Literal {
    const token = this.peek();
    if (token.kind === 'string') {
      this.pos++;
      return token.value ?? '';
    }
    if (token.kind === 'number') {
      this.pos++;
      return Number(token.text);
    }
    if (token.kind === 'word' && /^(true|false)$/i.test(token.text)) {
      this.pos++;
      return token.text.toLowerCase() === 'true';
    }
    return this.fail(['<STRING_LITERAL> ...', '<NUMBER> ...', '"true" ...', '"false" ...']);
  }

  private integer(): number {
    const token = this.peek();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) this.fail(['<INTEGER> ...']);
    this.pos++;
    return Number(token.text);
  }

  private word(expected: string): string {
    const token = this.peek();
    if (token.kind !== 'word') this.fail([expected]);
    this.pos++;
    return token.text;
  }

  private keyword(word: string, expected: string[]): void {
    if (!this.isKeyword(word)) this.fail(expected);
    this.pos++;
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toLowerCase() === word;
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private next(): Token {
    return this.tokens[this.pos++] as Token;
  }

  /** QBO's JavaCC wording: `Encountered " <OR> "OR "" at line 1, column 45. Was expecting one of: ...`. */
  private fail(expected: string[]): never {
    const token = this.peek();
    const kind =
      token.kind === 'eof'
        ? '<EOF>'
        : token.kind === 'string'
          ? '<STRING_LITERAL>'
          : token.kind === 'word' && /^(or|not)$/i.test(token.text)
            ? `<${token.text.toUpperCase()}>`
            : token.kind === 'word'
              ? '<IDENTIFIER>'
              : `"${token.text}"`;
    const seen = token.kind === 'eof' ? '<EOF>' : `" ${kind} "${token.text} ""`;
    throw new QueryParserError(
      `QueryParserError: Encountered ${seen} at line 1, column ${token.column}.\nWas expecting one of:\n${expected.map((e) => `    ${e} \n`).join('')}    `,
    );
  }
}
