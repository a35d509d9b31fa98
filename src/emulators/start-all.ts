import { DEMO_QUICKBOOKS, startQuickBooksEmulator } from './quickbooks';
import {
  DEMO_OAUTH_CLIENT,
  startSalesforceEmulator,
  type SalesforceEmulatorOptions,
} from './salesforce';
import { DEMO_STRIPE_API_KEY, startStripeEmulator } from './stripe';
import { DEMO_ZENDESK_CREDENTIALS, startZendeskEmulator } from './zendesk';
import type { WebhookTarget } from './http-kit/webhook-sender';

export interface EmulatorsOptions {
  salesforce?: SalesforceEmulatorOptions;
  ports?: { stripe?: number; zendesk?: number; quickbooks?: number };
  /** Where each linked service sends its signed webhooks (also settable at run time). */
  webhooks?: { stripe?: WebhookTarget; zendesk?: WebhookTarget; quickbooks?: WebhookTarget };
}

export interface RunningEmulators {
  salesforce: { url: string };
  stripe: { url: string };
  zendesk: { url: string; apiUrl: string };
  quickbooks: { url: string; endpoint: string; tokenUrl: string };
  stop(): Promise<void>;
}

/**
 * Starts the four emulators on one linked seed: the linked services derive their customers,
 * organizations and invoices from the Salesforce seed of the same scale (their defaults).
 */
export async function startEmulators(options: EmulatorsOptions = {}): Promise<RunningEmulators> {
  const scale = options.salesforce?.scale;
  const salesforce = await startSalesforceEmulator(options.salesforce);
  const ports = options.ports ?? {};
  const hooks = options.webhooks ?? {};
  const linked = await Promise.all([
    startStripeEmulator({
      port: ports.stripe ?? 0,
      ...(scale ? { scale } : {}),
      webhooks: hooks.stripe,
    }),
    startZendeskEmulator({
      port: ports.zendesk ?? 0,
      ...(scale ? { scale } : {}),
      webhooks: hooks.zendesk,
    }),
    startQuickBooksEmulator({
      port: ports.quickbooks ?? 0,
      ...(scale ? { salesforce: { scale } } : {}),
      webhooks: hooks.quickbooks,
    }),
  ]);
  const [stripe, zendesk, quickbooks] = linked;
  return {
    salesforce: { url: salesforce.url },
    stripe: { url: stripe.url },
    zendesk: { url: zendesk.url, apiUrl: zendesk.apiUrl },
    quickbooks: {
      url: quickbooks.url,
      endpoint: quickbooks.endpoint,
      tokenUrl: quickbooks.tokenUrl,
    },
    stop: async () => {
      await Promise.all([salesforce.stop(), ...linked.map((emulator) => emulator.stop())]);
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
  const running = await startEmulators({
    salesforce: { port },
    ports: {
      stripe: portFromEnv('EMULATOR_STRIPE_PORT', 4011),
      zendesk: portFromEnv('EMULATOR_ZENDESK_PORT', 4012),
      quickbooks: portFromEnv('EMULATOR_QUICKBOOKS_PORT', 4013),
    },
  });
  const sf = running.salesforce.url;
  const { stripe, zendesk, quickbooks } = running;
  process.stdout.write(
    [
      'Emulators started:',
      `  Salesforce  ${sf}  (login URL = instance URL; admin: ${sf}/__emulator/stats)`,
      `    OAuth client  ${DEMO_OAUTH_CLIENT.clientId} / ${DEMO_OAUTH_CLIENT.clientSecret}`,
      `    Redirect URIs ${DEMO_OAUTH_CLIENT.redirectUris.join(', ')}`,
      '    Users         admin@atom-demo.org / demo-admin-pass',
      '                  integration@atom-demo.org / demo-integration-pass (client_credentials)',
      '                  rep1..rep4@atom-demo.org / demo-rep-pass',
      `  Stripe      ${stripe.url}  (API key ${DEMO_STRIPE_API_KEY}; admin: ${stripe.url}/__emulator/stats)`,
      `  Zendesk     ${zendesk.apiUrl}  (${DEMO_ZENDESK_CREDENTIALS.email}/token:${DEMO_ZENDESK_CREDENTIALS.apiToken})`,
      `  QuickBooks  ${quickbooks.endpoint}  (realm ${DEMO_QUICKBOOKS.realmId}; token URL ${quickbooks.tokenUrl};`,
      `              client ${DEMO_QUICKBOOKS.clientId} / ${DEMO_QUICKBOOKS.clientSecret}, refresh token ${DEMO_QUICKBOOKS.refreshToken})`,
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
