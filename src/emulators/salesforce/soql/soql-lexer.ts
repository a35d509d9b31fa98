/**
 * A token scan of the raw SOQL text. The parser's AST carries no positions, so error
 * messages (`ERROR at Row:1:Column:N`) find their token here instead.
 */
export interface SoqlToken {
  text: string;
  /** Offset in the SOQL string. */
  start: number;
  /** Parenthesis depth at the token, counting only `(SELECT ...)` subqueries. */
  subqueryDepth: number;
  kind: 'word' | 'string' | 'symbol';
}

const WORD = /[A-Za-z0-9_.:\-+]/;

export function scanSoql(soql: string): SoqlToken[] {
  const tokens: SoqlToken[] = [];
  // Each open paren remembers whether it opened a subquery, so closing it restores the depth.
  const parens: boolean[] = [];
  let subqueryDepth = 0;
  let i = 0;
  while (i < soql.length) {
    const c = soql.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      const start = i;
      i++;
      while (i < soql.length && soql.charAt(i) !== "'") i += soql.charAt(i) === '\\' ? 2 : 1;
      i++;
      tokens.push({ text: soql.slice(start, i), start, subqueryDepth, kind: 'string' });
      continue;
    }
    if (WORD.test(c)) {
      const start = i;
      while (i < soql.length && WORD.test(soql.charAt(i))) i++;
      tokens.push({ text: soql.slice(start, i), start, subqueryDepth, kind: 'word' });
      continue;
    }
    if (c === '(') {
      const next = /^\(\s*select\b/i.test(soql.slice(i, i + 12));
      parens.push(next);
      tokens.push({ text: c, start: i, subqueryDepth, kind: 'symbol' });
      if (next) subqueryDepth++;
      i++;
      continue;
    }
    if (c === ')') {
      if (parens.pop()) subqueryDepth--;
      tokens.push({ text: c, start: i, subqueryDepth, kind: 'symbol' });
      i++;
      continue;
    }
    const two = soql.slice(i, i + 2);
    const symbol = ['!=', '<>', '<=', '>='].includes(two) ? two : c;
    tokens.push({ text: symbol, start: i, subqueryDepth, kind: 'symbol' });
    i += symbol.length;
  }
  return tokens;
}

/** Offset of the first top-level token `keyword` (case-insensitive), or -1. */
export function clauseStart(tokens: SoqlToken[], keyword: string): number {
  const upper = keyword.toUpperCase();
  const token = tokens.find(
    (t) => t.subqueryDepth === 0 && t.kind === 'word' && t.text.toUpperCase() === upper,
  );
  return token ? token.start : -1;
}

/**
 * Offset of `needle` as a whole token (or the start of a dotted path) at or after `from`,
 * case-insensitive; -1 when absent.
 */
export function findToken(tokens: SoqlToken[], needle: string, from = 0): number {
  const lower = needle.toLowerCase();
  const token = tokens.find((t) => {
    if (t.start < from) return false;
    const text = t.text.toLowerCase();
    return text === lower || text.startsWith(`${lower}.`) || text.endsWith(`.${lower}`);
  });
  return token ? token.start : -1;
}
