/**
 * Zendesk's search query language, the part the gateway and its tests use: `keyword:value`
 * and `keyword<value` (`<`, `>`, `<=`, `>=`) terms, `-` to negate, quoted values and phrases,
 * and plain words. Terms with the same keyword and `:` are OR'ed (`organization:1
 * organization:2`); everything else is AND'ed (`created>2024-01-01 created<2024-02-01`).
 */
export type Operator = ':' | '<' | '>' | '<=' | '>=';

export interface FieldTerm {
  kind: 'field';
  field: string;
  operator: Operator;
  value: string;
  negated: boolean;
}

export interface TextTerm {
  kind: 'text';
  text: string;
  negated: boolean;
}

export type SearchTerm = FieldTerm | TextTerm;

export interface ParsedQuery {
  /** `type:` values (ticket, user, organization); empty means every type. */
  types: string[];
  terms: SearchTerm[];
}

const TOKEN = /(-?)([a-z_]+)(<=|>=|:|<|>)(?:"([^"]*)"|(\S+))|(-?)"([^"]*)"|(-?)(\S+)/gi;

export function parseSearchQuery(query: string): ParsedQuery {
  const types: string[] = [];
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const [, neg, field, operator, quoted, bare, phraseNeg, phrase, wordNeg, word] = match;
    if (field !== undefined && operator !== undefined) {
      const value = quoted ?? bare ?? '';
      const name = field.toLowerCase();
      if (name === 'type' && operator === ':' && neg === '') {
        types.push(value.toLowerCase());
        continue;
      }
      terms.push({
        kind: 'field',
        field: name,
        operator: operator as Operator,
        value,
        negated: neg === '-',
      });
    } else if (phrase !== undefined) {
      terms.push({ kind: 'text', text: phrase, negated: phraseNeg === '-' });
    } else if (word !== undefined) {
      terms.push({ kind: 'text', text: word, negated: wordNeg === '-' });
    }
  }
  return { types, terms };
}

/** `:` terms grouped by keyword (OR within a group), the rest one by one (AND). */
export function groupTerms(terms: SearchTerm[]): SearchTerm[][] {
  const groups = new Map<string, SearchTerm[]>();
  const singles: SearchTerm[][] = [];
  for (const term of terms) {
    if (term.kind === 'field' && term.operator === ':' && !term.negated) {
      const group = groups.get(term.field) ?? [];
      group.push(term);
      groups.set(term.field, group);
    } else {
      singles.push([term]);
    }
  }
  return [...groups.values(), ...singles];
}
