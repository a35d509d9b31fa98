export type TokenKind = 'word' | 'string' | 'number' | 'op' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based column, as QBO's parser reports it. */
  column: number;
  /** The decoded value of a string literal. */
  value?: string;
}

/** A lexical or grammar error, worded like QBO's JavaCC parser ("QueryParserError: ..."). */
export class QueryParserError extends Error {}

const WORD = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUMBER = /-?\d+(\.\d+)?/y;
const OPS = ['<=', '>=', '!=', '=', '<', '>'];

/** Splits an IDS query into tokens; string literals use `'` with `\'` escapes. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const column = i + 1;
    if (ch === "'") {
      let value = '';
      let j = i + 1;
      for (; j < query.length; j++) {
        const c = query.charAt(j);
        if (c === '\\' && j + 1 < query.length) {
          value += query.charAt(++j);
        } else if (c === "'") {
          break;
        } else {
          value += c;
        }
      }
      if (j >= query.length)
        throw new QueryParserError(
          `QueryParserError: Invalid content. Lexical error at line 1, column ${query.length + 1}.  Encountered: <EOF> after : "${query.slice(i)}"`,
        );
      tokens.push({ kind: 'string', text: query.slice(i, j + 1), column, value });
      i = j + 1;
      continue;
    }
    WORD.lastIndex = i;
    NUMBER.lastIndex = i;
    const word = WORD.exec(query);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], column });
      i += word[0].length;
      continue;
    }
    const number = NUMBER.exec(query);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], column });
      i += number[0].length;
      continue;
    }
    const op = OPS.find((o) => query.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, column });
      i += op.length;
      continue;
    }
    if ('(),*'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, column });
      i++;
      continue;
    }
    throw new QueryParserError(
      `QueryParserError: Invalid content. Lexical error at line 1, column ${column}.  Encountered: "${ch}" (${ch.charCodeAt(0)}), after : ""`,
    );
  }
  tokens.push({ kind: 'eof', text: '<EOF>', column: query.length + 1 });
  return tokens;
}
