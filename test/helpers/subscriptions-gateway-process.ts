/**
 * A gateway process for the failover test: `src/main.ts` without the demo emulator, plus the
 * test's Redis namespace and short lock periods. Prints the line `src/main.ts` prints once
 * listening (`spawnGateway` waits for it); SIGTERM stops it cleanly.
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server/create-server';

async function run(): Promise<void> {
  const config = loadConfig(process.env);
  const gateway = await createServer(config, {
    subscriptions: {
      namespace: process.env.TEST_CDC_NAMESPACE ?? 'atom-test',
      lockTtlMs: 3_000,
      lockRenewEveryMs: 1_000,
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
