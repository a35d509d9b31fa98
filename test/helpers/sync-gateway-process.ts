/**
 * A gateway process for the sync resume test: `src/main.ts` without the demo emulators or
 * live changes, its sync state under the test's Redis namespace with a short lease (a killed
 * run must not block the next one for long). Prints the line `spawnGateway` waits for.
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server/create-server';

async function run(): Promise<void> {
  const config = loadConfig(process.env);
  const gateway = await createServer(config, {
    subscriptions: { enabled: false },
    sync: {
      namespace: process.env.TEST_SYNC_NAMESPACE ?? 'atom-test:sync',
      lockTtlMs: 1_500,
    },
  });
  process.stdout.write(`GraphQL gateway ${gateway.url}\n`);
  process.once('SIGTERM', () => {
    gateway.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
