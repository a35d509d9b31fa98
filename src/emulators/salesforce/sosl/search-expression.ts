import { SalesforceError } from '../model/errors';

/*
 * The text between FIND's braces: words and "quoted phrases", implicit AND, the AND and OR
 * operators (AND binds tighter), `*` (zero or more characters) and `?` (one character) in the
 * middle or at the end of a word, and a backslash before any reserved character to make it
 * literal. Unescaped reserved characters this emulator does not implement as operators
 * (`& | ! ( ) [ ] ^ ~ : ' + -`) are MALFORMED_SEARCH, so a client that forgets to escape
 * them fails here as loudly as it would misbehave against Salesforce.
 */

/** A word-character pattern: literal text (normalised) with `*`/`?` kept as wildcards. */
export type TokenPattern = RegExp;

/** One search term: the tokens of a word or phrase, matched consecutively in one field. */
export interface SearchTerm {
  tokens: TokenPattern[];
  /** As written (escapes removed), for error messages. */
  text: string;
}

/** OR of AND-groups. */
export type SearchExpression = SearchTerm[][];

const OPERATOR_CHARS = new Set([..."&|!()[]^~:'+-{}"]);
const WORD_CHAR = '[\\p{L}\\p{N}]';

export function malformedSearch(message: string): SalesforceError {
  return new SalesforceError(400, 'MALFORMED_SEARCH', message);
}

/** Case- and accent-insensitive form shared by the index and the query. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Splits indexed text into tokens the way the query's literal text is split. */
export function tokenize(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

/** A character of a word: literal (escaped or plain) or a wildcard. */
type Piece = { kind: 'char'; value: string } | { kind: 'star' } | { kind: 'one' };

interface Lexeme {
  pieces: Piece[];
  quoted: boolean;
}

function lex(source: string): Lexeme[] {
  const out: Lexeme[] = [];
  let current: Piece[] = [];
  let quoted = false;
  const flush = (): void => {
    if (current.length > 0 || quoted) out.push({ pieces: current, quoted });
    current = [];
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined) throw malformedSearch('Search query ends with a backslash');
      current.push({ kind: 'char', value: next });
      i++;
    } else if (ch === '"') {
      if (quoted) {
        flush();
        quoted = false;
      } else {
        flush();
        quoted = true;
      }
    } else if (/\s/u.test(ch)) {
      if (quoted) current.push({ kind: 'char', value: ' ' });
      else flush();
    } else if (ch === '*') current.push({ kind: 'star' });
    else if (ch === '?') current.push({ kind: 'one' });
    else if (OPERATOR_CHARS.has(ch)) {
      throw malformedSearch(
        `Unexpected reserved character '${ch}' in the search query; escape it with a backslash`,
      );
    } else current.push({ kind: 'char', value: ch });
  }
  if (quoted) throw malformedSearch('Unterminated phrase: a double quote is missing');
  flush();
  return out;
}

function textOf(pieces: Piece[]): string {
  return pieces.map((p) => (p.kind === 'char' ? p.value : p.kind === 'star' ? '*' : '?')).join('');
}

/** Tokens of one word or phrase: split on non-word literal characters; wildcards stay inside. */
function toTerm(lexeme: Lexeme): SearchTerm {
  const text = textOf(lexeme.pieces);
  const tokens: string[][] = [];
  let current: string[] = [];
  let literalChars = 0;
  for (const piece of lexeme.pieces) {
    if (piece.kind === 'star' || piece.kind === 'one') {
      if (current.length === 0 && tokens.length === 0) {
        throw malformedSearch(
          `Invalid wildcard in '${text}': a wildcard goes in the middle or at the end of a term`,
        );
      }
      current.push(piece.kind === 'star' ? `${WORD_CHAR}*` : WORD_CHAR);
      continue;
    }
    const normalized = normalizeText(piece.value);
    for (const ch of normalized) {
      if (/[\p{L}\p{N}]/u.test(ch)) {
        current.push(ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        literalChars++;
      } else if (current.length > 0) {
        tokens.push(current);
        current = [];
      }
    }
  }
  if (current.length > 0) tokens.push(current);
  if (literalChars < 2) {
    throw new SalesforceError(
      400,
      'INVALID_SEARCH',
      'search term must be longer than one character',
    );
  }
  return { text, tokens: tokens.map((parts) => new RegExp(`^${parts.join('')}$`, 'u')) };
}

export function parseSearchExpression(source: string): SearchExpression {
  const lexemes = lex(source);
  const groups: SearchTerm[][] = [[]];
  let expectTerm = true;
  for (const lexeme of lexemes) {
    const word = lexeme.quoted ? '' : textOf(lexeme.pieces).toUpperCase();
    if (word === 'OR' || word === 'AND') {
      if (expectTerm) throw malformedSearch(`unexpected token: '${word}'`);
      if (word === 'OR') groups.push([]);
      expectTerm = true;
      continue;
    }
    groups[groups.length - 1]?.push(toTerm(lexeme));
    expectTerm = false;
  }
  if (groups.some((g) => g.length === 0)) {
    throw malformedSearch(
      lexemes.length === 0
        ? 'No search term found. The search term must be enclosed in braces.'
        : 'Search query ends with an operator',
    );
  }
  return groups;
}

/** Whether `term`'s tokens occur consecutively in `fieldTokens`. */
export function termMatches(term: SearchTerm, fieldTokens: readonly string[]): boolean {
  const n = term.tokens.length;
  for (let start = 0; start + n <= fieldTokens.length; start++) {
    let all = true;
    for (let j = 0; j < n && all; j++) {
      all = term.tokens[j]?.test(fieldTokens[start + j] ?? '') === true;
    }
    if (all) return true;
  }
  return false;
}
