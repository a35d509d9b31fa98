/**
 * The guides name configuration variables exactly as .env.example does: a renamed or invented
 * variable in docs/*.md fails here (wildcards such as `RATE_LIMIT_*` must match at least one).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs');

const DEFINED = new Set(
  [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map(
    (m) => m[1] as string,
  ),
);

/** First words that only configuration variables start with in these guides. */
const VARIABLE =
  /^(SALESFORCE|STRIPE|ZENDESK|QUICKBOOKS|LINK_FIELD|TOKEN_ENCRYPTION|GATEWAY_PUBLIC|REDIS|SUBSCRIPTIONS|CACHE|METRICS|RATE_LIMIT|APQ|TRUSTED_DOCUMENTS|WEBHOOK|AUTH_MODE|SESSION_TTL|API_KEY|CUSTOM_FIELDS|EMULATOR|SHUTDOWN|DEBUG_ERRORS|GRAPHQL_INTROSPECTION|CORS_ORIGINS|QUERY_MAX)(_[A-Z0-9]+)*(_\*)?$/;

/** Variable names written in backticks (or as `NAME=value`) in a Markdown text. */
function variablesIn(markdown: string): string[] {
  const names = [...markdown.matchAll(/`([A-Z][A-Z0-9_]*(?:_\*)?)(?:=[^`]*)?`/g)].map(
    (m) => m[1] as string,
  );
  return [...new Set(names.filter((name) => VARIABLE.test(name)))];
}

function unknown(names: string[]): string[] {
  return names.filter((name) =>
    name.endsWith('_*')
      ? ![...DEFINED].some((d) => d.startsWith(name.slice(0, -1)))
      : !DEFINED.has(name),
  );
}

// Every page under docs/, the production and emulator references included.
const GUIDES = (readdirSync(DOCS, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.md'))
  .sort();

it.each(GUIDES)('docs/%s names only variables of .env.example', (guide) => {
  expect(unknown(variablesIn(readFileSync(join(DOCS, guide), 'utf8')))).toEqual([]);
});

it('recognises variables, wildcards and assignments, and leaves error codes alone', () => {
  const names = variablesIn(
    '`STRIPE_API_KEY`, `RATE_LIMIT_*`, `AUTH_MODE=user`, `RATE_LIMITED`, `QUERY_TOO_COMPLEX`, `STRIPE_SECRET`',
  );
  expect(names).toEqual(['STRIPE_API_KEY', 'RATE_LIMIT_*', 'AUTH_MODE', 'STRIPE_SECRET']);
  expect(unknown(names)).toEqual(['STRIPE_SECRET']);
});
