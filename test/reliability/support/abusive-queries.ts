/**
 * Issue 12's abusive query: `accounts → contacts → account → opportunities → account →
 * contacts` nested under 10 aliases, about 2 KB, within the depth (12) and alias (30)
 * limits. Unrefused with `first: 200` at every level it returned 41.6 MB in 7.8 s and held
 * `/healthz` for 2.3 s. It must be refused before any Salesforce call however `first` is
 * written: as a literal, as a variable, or left to the argument's default (50).
 */
export type FirstForm = 'literal' | 'variable' | 'default';

export interface AbusiveQuery {
  form: FirstForm;
  query: string;
  variables?: Record<string, unknown>;
}

const ALIASES = 10;
const ROWS = 200;

function nested(first: string): string {
  return `accounts${first} { nodes { id name
    contacts${first} { nodes { id name
      account { id name
        opportunities${first} { nodes { id name amount
          account { id name
            contacts${first} { nodes { id name email } } } } } } } } } }`;
}

export function abusiveQuery(form: FirstForm): AbusiveQuery {
  const first = { literal: `(first: ${ROWS})`, variable: '(first: $n)', default: '' }[form];
  const selections = Array.from({ length: ALIASES }, (_, i) => `a${i}: ${nested(first)}`);
  if (form === 'variable') {
    return {
      form,
      query: `query Abusive($n: Int = ${ROWS}) {\n${selections.join('\n')}\n}`,
      variables: { n: ROWS },
    };
  }
  return { form, query: `query Abusive {\n${selections.join('\n')}\n}` };
}
