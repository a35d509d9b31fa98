import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type SalesforceEmulatorOptions,
} from './salesforce';

export interface EmulatorsOptions {
  salesforce?: SalesforceEmulatorOptions;
}

export interface RunningEmulators {
  salesforce: { url: string };
  stop(): Promise<void>;
}

/** Starts every emulator (Salesforce today; Stripe, Zendesk and QuickBooks join here). */
export async function startEmulators(options: EmulatorsOptions = {}): Promise<RunningEmulators> {
  const salesforce = await startSalesforceEmulator(options.salesforce);
  return {
    salesforce: { url: salesforce.url },
    stop: async () => {
      await salesforce.stop();
    },
  };
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a TCP port, got ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const port = portFromEnv('EMULATOR_SALESFORCE_PORT', 4010);
  const running = await startEmulators({ salesforce: { port } });
  const sf = running.salesforce.url;
  process.stdout.write(
    [
      'Emulators started:',
      `  Salesforce  ${sf}  (login URL = instance URL; admin: ${sf}/__emulator/stats)`,
      `    OAuth client  ${DEMO_OAUTH_CLIENT.clientId} / ${DEMO_OAUTH_CLIENT.clientSecret}`,
      `    Redirect URIs ${DEMO_OAUTH_CLIENT.redirectUris.join(', ')}`,
      '    Users         admin@atom-demo.org / demo-admin-pass',
      '                  integration@atom-demo.org / demo-integration-pass (client_credentials)',
      '                  rep1..rep4@atom-demo.org / demo-rep-pass',
      'Ctrl-C stops them.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping emulators\n`);
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
