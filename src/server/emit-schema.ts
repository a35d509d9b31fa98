import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { loadConfig, readEnvironment } from '../config';
import { buildDemoOrgSchema, buildOrgSchema } from './demo-org-schema';
import { printGatewaySchema, SCHEMA_PATH } from './schema-artifact';

/**
 * `npm run schema:emit` writes the demo org's schema to schema.graphql (committed, checked by
 * schema:check). `npm run schema:emit -- --live [path]` writes the configured org's schema
 * (.env / environment, custom fields per CUSTOM_FIELDS) for a frontend's codegen, to `path`
 * (default `schema.live.graphql`), never over the committed demo schema.
 */
async function emit(args: string[]): Promise<void> {
  const live = args.includes('--live');
  const path = live
    ? (args.find((a) => !a.startsWith('--')) ?? 'schema.live.graphql')
    : SCHEMA_PATH;
  const schema = live
    ? await buildOrgSchema(loadConfig(readEnvironment()))
    : await buildDemoOrgSchema();
  writeFileSync(path, printGatewaySchema(schema));
  console.log(`wrote ${path}`);
}

emit(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
