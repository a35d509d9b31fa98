import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { createServer, type CreateServerOptions } from '../../src/server/create-server';

/**
 * The body of a test's gateway process: `src/main.ts` without the demo emulators, with the
 * test's own server options. Prints the line `spawnGateway` waits for (what `src/main.ts`
 * prints once listening); SIGTERM stops it cleanly.
 */
export function runGatewayProcess(options: CreateServerOptions): void {
  const run = async (): Promise<void> => {
    const gateway = await createServer(loadConfig(process.env), options);
    process.stdout.write(`GraphQL gateway ${gateway.url}\n`);
    process.once('SIGTERM', () => {
      gateway.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
