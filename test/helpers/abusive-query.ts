/**
 * The query of issue 12 item 1: six levels (accounts → contacts → account → opportunities →
 * account → contacts) under ten aliases, every `first` from `$n`. With `$n = 200` it once
 * returned 41.6 MB in 7.8 s; within every depth, alias and token limit, only its cost is over.
 */
export const ABUSIVE_QUERY = `query Abusive($n: Int) {
  ${Array.from(
    { length: 10 },
    (_, i) => `a${i}: accounts(first: $n) { nodes { id contacts(first: $n) { nodes { id
      account { opportunities(first: $n) { nodes { id account { contacts(first: $n) {
        nodes { id email } } } } } } } } } }`,
  ).join('\n  ')}
}`;

/** The same query with every `first` written as a literal. */
export function abusiveQueryWithLiteral(first: number): string {
  return ABUSIVE_QUERY.replace('($n: Int)', '').replaceAll('$n', String(first));
}

/** The same query with no `first` at all: every connection takes the default page (50). */
export const ABUSIVE_QUERY_WITH_DEFAULTS = ABUSIVE_QUERY.replace('($n: Int)', '').replaceAll(
  '(first: $n)',
  '',
);
