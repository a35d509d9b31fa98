import { SoqlInputError } from './soql-input-error';

/** SOQL date literals that take no `:n` (the contract's DateLiteral enum is a subset). */
const FIXED_LITERALS = new Set([
  'YESTERDAY', 'TODAY', 'TOMORROW',
  'LAST_WEEK', 'THIS_WEEK', 'NEXT_WEEK',
  'LAST_MONTH', 'THIS_MONTH', 'NEXT_MONTH',
  'LAST_90_DAYS', 'NEXT_90_DAYS',
  'LAST_QUARTER', 'THIS_QUARTER', 'NEXT_QUARTER',
  'LAST_YEAR', 'THIS_YEAR', 'NEXT_YEAR',
  'LAST_FISCAL_QUARTER', 'THIS_FISCAL_QUARTER', 'NEXT_FISCAL_QUARTER',
  'LAST_FISCAL_YEAR', 'THIS_FISCAL_YEAR', 'NEXT_FISCAL_YEAR',
]); // prettier-ignore

/** SOQL date literals written `LITERAL:n`. */
const N_LITERALS = new Set([
  'LAST_N_DAYS', 'NEXT_N_DAYS', 'N_DAYS_AGO',
  'LAST_N_WEEKS', 'NEXT_N_WEEKS', 'N_WEEKS_AGO',
  'LAST_N_MONTHS', 'NEXT_N_MONTHS', 'N_MONTHS_AGO',
  'LAST_N_QUARTERS', 'NEXT_N_QUARTERS', 'N_QUARTERS_AGO',
  'LAST_N_YEARS', 'NEXT_N_YEARS', 'N_YEARS_AGO',
  'LAST_N_FISCAL_QUARTERS', 'NEXT_N_FISCAL_QUARTERS', 'N_FISCAL_QUARTERS_AGO',
  'LAST_N_FISCAL_YEARS', 'NEXT_N_FISCAL_YEARS', 'N_FISCAL_YEARS_AGO',
]); // prettier-ignore

export interface CompiledDateLiteral {
  text: string;
  literalType: 'DATE_LITERAL' | 'DATE_N_LITERAL';
}

/**
 * `{ literal, n }` as a SOQL date literal (THIS_QUARTER, LAST_N_DAYS:30). Salesforce resolves it in
 * the running user's time zone and accepts it on date and dateTime fields alike.
 */
export function compileDateLiteral(
  input: unknown,
  path: string,
  argument?: string,
): CompiledDateLiteral {
  if (typeof input !== 'object' || input === null) {
    throw new SoqlInputError(`${path} must be an object { literal, n }`, argument);
  }
  const { literal, n } = input as { literal?: unknown; n?: unknown };
  const name = typeof literal === 'string' ? literal : '';
  if (FIXED_LITERALS.has(name)) {
    if (n !== undefined && n !== null) {
      throw new SoqlInputError(
        `${path}.n is not allowed with ${name}; only the *_N_* literals take n`,
        argument,
      );
    }
    return { text: name, literalType: 'DATE_LITERAL' };
  }
  if (N_LITERALS.has(name)) {
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      throw new SoqlInputError(
        `${path}.n is required with ${name} and must be a non-negative integer`,
        argument,
      );
    }
    return { text: `${name}:${n}`, literalType: 'DATE_N_LITERAL' };
  }
  throw new SoqlInputError(
    `Unknown date literal ${JSON.stringify(literal)} at ${path}.literal`,
    argument,
  );
}
