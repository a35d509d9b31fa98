import { malformedSearch } from './search-expression';

/** Which fields FIND looks in (`IN ... FIELDS`); ALL when absent. */
export type SearchGroup = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';

export interface ReturningSpec {
  objectName: string;
  /** The text between the parentheses (`Id, Name WHERE ... LIMIT 5`); empty when none. */
  body: string;
}

export interface SoslStatement {
  /** Raw text between FIND's braces, escapes still in. */
  searchQuery: string;
  group: SearchGroup;
  /** Empty: no RETURNING clause. */
  returning: ReturningSpec[];
  limit: number | undefined;
}

const GROUPS = new Set<SearchGroup>(['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR']);

/** A small cursor over the statement with SOSL's keywords (case-insensitive). */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/u.test(this.text[this.pos] ?? '')) this.pos++;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  /** The next word (letters, digits, `_`) without consuming it. */
  peekWord(): string {
    this.skipSpace();
    return /^[A-Za-z0-9_]+/.exec(this.text.slice(this.pos))?.[0] ?? '';
  }

  word(): string {
    const word = this.peekWord();
    this.pos += word.length;
    return word;
  }

  expectWord(expected: string): void {
    const word = this.word();
    if (word.toUpperCase() !== expected) throw this.unexpected(word);
  }

  unexpected(found?: string): Error {
    this.skipSpace();
    const token = found || (this.text.slice(this.pos).split(/\s+/)[0] ?? '') || '<EOF>';
    return malformedSearch(`unexpected token: '${token}'`);
  }

  /** Text up to the matching `close`, skipping backslash escapes (and quoted strings if asked). */
  until(close: string, open: string | null, quotes: boolean): string {
    const start = this.pos;
    let depth = 0;
    let quote: string | null = null;
    for (; this.pos < this.text.length; this.pos++) {
      const ch = this.text[this.pos];
      if (ch === '\\') {
        this.pos++;
        continue;
      }
      if (quote !== null) {
        if (ch === quote) quote = null;
        continue;
      }
      if (quotes && ch === "'") quote = ch;
      else if (open !== null && ch === open) depth++;
      else if (ch === close) {
        if (depth === 0) {
          const inner = this.text.slice(start, this.pos);
          this.pos++;
          return inner;
        }
        depth--;
      }
    }
    return this.text.slice(start);
  }
}

/**
 * `FIND {query} [IN group FIELDS] [RETURNING Object[(fields [WHERE] [ORDER BY] [LIMIT n])], ...]
 * [LIMIT n]`, the subset the gateway sends; anything else is MALFORMED_SEARCH.
 */
export function parseSosl(sosl: string): SoslStatement {
  const cursor = new Cursor(sosl);
  if (cursor.word().toUpperCase() !== 'FIND') throw cursor.unexpected();
  cursor.skipSpace();
  if (sosl[cursor.pos] !== '{') {
    throw malformedSearch('No search term found. The search term must be enclosed in braces.');
  }
  cursor.pos++;
  const before = cursor.pos;
  const searchQuery = cursor.until('}', null, false);
  if (cursor.pos === before + searchQuery.length) {
    // No closing brace was consumed.
    throw malformedSearch('No search term found. The search term must be enclosed in braces.');
  }
  let group: SearchGroup = 'ALL';
  if (cursor.peekWord().toUpperCase() === 'IN') {
    cursor.word();
    const name = cursor.word().toUpperCase() as SearchGroup;
    if (!GROUPS.has(name)) throw cursor.unexpected(name);
    cursor.expectWord('FIELDS');
    group = name;
  }
  const returning: ReturningSpec[] = [];
  if (cursor.peekWord().toUpperCase() === 'RETURNING') {
    cursor.word();
    for (;;) {
      const objectName = cursor.word();
      if (objectName === '') throw cursor.unexpected();
      cursor.skipSpace();
      let body = '';
      if (sosl[cursor.pos] === '(') {
        cursor.pos++;
        const start = cursor.pos;
        body = cursor.until(')', '(', true);
        if (cursor.pos === start + body.length) throw malformedSearch("unexpected token: '<EOF>'");
      }
      returning.push({ objectName, body: body.trim() });
      cursor.skipSpace();
      if (sosl[cursor.pos] !== ',') break;
      cursor.pos++;
    }
  }
  let limit: number | undefined;
  if (cursor.peekWord().toUpperCase() === 'LIMIT') {
    cursor.word();
    const value = cursor.word();
    if (!/^\d+$/.test(value)) throw cursor.unexpected(value);
    limit = Number(value);
  }
  if (!cursor.atEnd()) throw cursor.unexpected();
  return { searchQuery, group, returning, limit };
}

/** Splits a RETURNING body into its field list and the clauses after it (WHERE, ORDER BY, ...). */
export function splitReturningBody(body: string): { fields: string; clauses: string } {
  let quote = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === "'") quote = !quote;
    if (quote) continue;
    const rest = body.slice(i);
    if ((i === 0 || /\s/u.test(body[i - 1] ?? '')) && /^(WHERE|ORDER|LIMIT|OFFSET)\b/i.test(rest)) {
      return { fields: body.slice(0, i).trim(), clauses: rest.trim() };
    }
  }
  return { fields: body.trim(), clauses: '' };
}
