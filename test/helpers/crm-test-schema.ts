import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';

/**
 * The API contract itself (the repository's copy, docs/contract.graphql) as a schema, so
 * selection tests and the mapping coverage check test against the names clients send without
 * waiting for the type-graphql schema, and cannot drift from the contract.
 */
export const crmTestSchema = buildSchema(
  readFileSync(join(__dirname, '..', '..', 'docs', 'contract.graphql'), 'utf8'),
);
