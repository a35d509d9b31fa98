import 'reflect-metadata';
import { ConfigError, loadConfig, readEnvironment, type GatewayConfig } from './config';
import { createServer } from './server/create-server';
import { startDemoSalesforce } from './server/demo-bootstrap';
import { startDemoLinkedServices } from './server/demo-linked-services';

const LINKED_LABELS = { stripe: 'Stripe', zendesk: 'Zendesk', quickbooks: 'QuickBooks' } as const;

/** The linked services that are not emulated: the real service, or off and what to set. */
function printLiveLinkedServices(config: GatewayConfig): void {
  for (const service of ['stripe', 'zendesk', 'quickbooks'] as const) {
    const entry = config.linked[service];
    const label = `${LINKED_LABELS[service]} `.padEnd(22);
    if (entry.mode === 'live') console.log(`${label}live`);
    if (entry.mode === 'off') {
      console.warn(
        `${label}off: set ${entry.missing.join(', ')} to link it (its fields answer UPSTREAM_UNAVAILABLE)`,
      );
    }
  }
}

function loadOrExit(): GatewayConfig {
  try {
    return loadConfig(readEnvironment());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      console.error('See .env.example for every variable.');
      process.exit(1);
    }
    throw err;
  }
}

function printAuthBanner(
  config: GatewayConfig,
  auth: { mode: string; loginUrl: string | undefined },
): void {
  switch (auth.mode) {
    case 'demo':
      console.warn(
        'Auth mode             demo: no credentials, every request runs as the integration user (loopback only)',
      );
      break;
    case 'user':
      console.log(
        'Auth mode             user: each request runs as the Salesforce user who logged in',
      );
      console.log(`Log in                ${auth.loginUrl ?? '/auth/salesforce/login'}`);
      break;
    case 'integration':
      console.log(
        'Auth mode             integration: X-API-Key required; requests run as the integration user',
      );
      break;
  }
  if (auth.mode === 'user' && config.auth.ephemeralEncryptionKey) {
    console.warn(
      'TOKEN_ENCRYPTION_KEYS is not set: using an ephemeral key, so sessions end when the process stops.',
    );
  }
}

function printMetricsBanner(
  config: GatewayConfig,
  metricsUrl: string | undefined,
  graphqlUrl: string,
): void {
  const onMainPort = `${graphqlUrl.replace(/\/graphql$/, '')}/metrics`;
  const guarded = config.metrics.token ? ' (bearer METRICS_TOKEN)' : '';
  if (metricsUrl) console.log(`Metrics               ${metricsUrl}${guarded}`);
  if (config.metrics.token) console.log(`Metrics (main port)   ${onMainPort}${guarded}`);
  if (!metricsUrl && !config.metrics.token) {
    console.log('Metrics               off (METRICS_ENABLED=false and no METRICS_TOKEN)');
  }
}

async function main(): Promise<void> {
  const config = loadOrExit();
  const stops: Array<() => Promise<void>> = [];
  let gatewayConfig = config;

  if (config.salesforce.mode === 'emulator') {
    const demo = await startDemoSalesforce(config);
    stops.unshift(() => demo.emulator.stop());
    gatewayConfig = demo.config;
    console.log(
      `Salesforce emulator   ${demo.emulator.url}  (admin API: ${demo.emulator.url}/__emulator/stats)`,
    );
    console.log(
      `OAuth client          ${demo.oauthClient.clientId} / ${demo.oauthClient.clientSecret} (emulated org only)`,
    );
    console.log('Demo users (emulated org, not real credentials):');
    for (const user of demo.demoUsers) {
      const scope = user.viewAllData ? 'view all data' : 'own records only';
      console.log(
        `  ${user.username.padEnd(28)} ${user.password.padEnd(22)} ${user.name} (${scope})`,
      );
    }
  }

  // Emulators of the linked services without credentials (all three in the demo).
  const linkedDemo = await startDemoLinkedServices(gatewayConfig);
  stops.push(() => linkedDemo.stop());
  gatewayConfig = linkedDemo.config;
  for (const emulator of linkedDemo.emulators) {
    console.log(
      `${`${LINKED_LABELS[emulator.service]} emulator`.padEnd(22)}${emulator.url}  (${emulator.credentials}; admin API: ${emulator.adminUrl})`,
    );
  }
  printLiveLinkedServices(gatewayConfig);

  const gateway = await createServer(gatewayConfig, {
    subscriptions: { namespace: config.subscriptionsNamespace },
  });
  stops.unshift(() => gateway.stop());
  // The emulators' signed webhooks feed paymentReceived, ticketChanged and invoiceChanged.
  linkedDemo.sendWebhooksTo(new URL(gateway.url).origin, gatewayConfig.webhooks);
  console.log(`GraphQL gateway       ${gateway.url}`);
  const restBase = `${gateway.url.replace(/\/graphql$/, '')}/salesforce`;
  console.log(`REST endpoints        ${restBase}/…  (OpenAPI: ${restBase}/openapi.json)`);
  const receivers = [
    gatewayConfig.webhooks.stripeSecret && 'stripe',
    gatewayConfig.webhooks.zendeskSecret && 'zendesk',
    gatewayConfig.webhooks.quickBooksVerifierToken && 'quickbooks',
  ].filter((service): service is string => typeof service === 'string' && service !== '');
  if (receivers.length > 0) {
    const origin = gateway.url.replace(/\/graphql$/, '');
    console.log(`Webhook receivers     ${origin}/webhooks/{${receivers.join(',')}}`);
  }
  // The same condition as the landing page itself (apollo-server.ts).
  if (config.apiSurface.introspection && config.nodeEnv !== 'production')
    console.log(`Apollo Sandbox        open ${gateway.url} in a browser`);
  console.log(`Live dashboard        ${gateway.url.replace(/\/graphql$/, '')}/dashboard`);
  console.log(`Health                ${gateway.url.replace(/\/graphql$/, '')}/healthz  /readyz`);
  printMetricsBanner(config, gateway.metricsUrl, gateway.url);
  printAuthBanner(config, gateway.auth);
  if (config.salesforce.mode === 'emulator') {
    console.warn(
      `Demo mode: everything listens on loopback only (${config.host}); the emulated org has public demo passwords.`,
    );
  }

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl-C means "now"; a repeated SIGTERM changes nothing (the deadline holds).
      if (signal === 'SIGINT') {
        console.error('SIGINT again: exiting without waiting for the drain');
        process.exit(1);
      }
      return;
    }
    stopping = true;
    const deadlineMs = config.shutdownTimeoutMs;
    console.log(`${signal}: draining (in-flight requests finish, subscribers get 1001)...`);
    // A drain that hangs (an upstream that never answers) must not outlive the orchestrator's
    // patience silently: exit 1 with a reason before it sends SIGKILL. Not unref'd: a drain
    // stuck on a promise with nothing else alive would otherwise end the process with 0.
    setTimeout(() => {
      console.error(`Shutdown did not finish within SHUTDOWN_TIMEOUT_MS=${deadlineMs}; exiting`);
      process.exit(1);
    }, deadlineMs);
    // The gateway drains first so in-flight requests can still reach the emulator.
    (async () => {
      for (const stop of stops) await stop();
    })().then(
      () => {
        console.log(`${signal}: stopped cleanly`);
        process.exit(0);
      },
      (err: unknown) => {
        console.error('shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Startup failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
