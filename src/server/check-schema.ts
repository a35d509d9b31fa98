import 'reflect-metadata';
import { PENDING_CONTRACT_PARTS } from './contract-pending';
import { buildDemoOrgSchema } from './demo-org-schema';
import {
  compareWithContract,
  CONTRACT_PATH,
  diffWithSharedContract,
  loadContract,
  printGatewaySchema,
  readCommittedSchema,
  SCHEMA_PATH,
  SHARED_CONTRACT_PATH,
} from './schema-artifact';

async function check(): Promise<number> {
  const schema = await buildDemoOrgSchema();
  let failures = 0;

  const committed = readCommittedSchema();
  if (committed === undefined) {
    console.error(`✗ ${SCHEMA_PATH} is missing: run npm run schema:emit and commit it`);
    failures++;
  } else if (committed !== printGatewaySchema(schema)) {
    console.error(
      `✗ ${SCHEMA_PATH} is out of date with the code: run npm run schema:emit and commit it`,
    );
    failures++;
  } else {
    console.log("✓ schema.graphql matches buildGatewaySchema() for the demo org's custom fields");
  }

  const report = compareWithContract(loadContract(), schema, PENDING_CONTRACT_PARTS);
  for (const { change, part } of report.pending) {
    console.log(`  pending: ${change.description} (${part.deliveredBy})`);
  }
  for (const change of report.violations) {
    console.error(`✗ breaks the contract: ${change.type}: ${change.description}`);
    failures++;
  }
  for (const part of report.stale) {
    console.error(
      `✗ contract-pending.ts lists ${part.coordinate}, which the schema now delivers: remove it`,
    );
    failures++;
  }
  if (report.violations.length === 0) {
    console.log(
      `✓ superset of ${CONTRACT_PATH} except ${report.pending.length} pending change(s) of later issues`,
    );
  }

  const drift = diffWithSharedContract();
  if (drift !== undefined) {
    // Not a failure: the repository checks against its own copy until someone adopts the change.
    console.log(
      `! ${SHARED_CONTRACT_PATH} differs from ${CONTRACT_PATH}; copy it over to adopt it:\n${drift}`,
    );
  }
  return failures;
}

check().then(
  (failures) => process.exit(failures === 0 ? 0 : 1),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
