import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildGatewaySchema } from './schema';
import { printGatewaySchema, SCHEMA_PATH } from './schema-artifact';

async function emit(): Promise<void> {
  const text = printGatewaySchema(await buildGatewaySchema());
  writeFileSync(SCHEMA_PATH, text);
  console.log(`wrote ${SCHEMA_PATH}`);
}

emit().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
