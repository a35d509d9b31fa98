import type { GraphQLSchema } from 'graphql';
import { loadConfig, type GatewayConfig } from '../config';
import type { Logger } from '../logging/logger';
import { createLogger } from '../logging/logger';
import { createSalesforceClient } from '../upstreams/salesforce/integration-client';
import { loadCustomFields } from './custom-fields';
import { startDemoSalesforce } from './demo-bootstrap';
import { buildGatewaySchema } from './schema';

/** The demo org, small: describe is all the schema needs, and it does not depend on scale. */
const DEMO_ENV = {
  SALESFORCE_MODE: 'emulator',
  AUTH_MODE: 'demo',
  EMULATOR_SALESFORCE_PORT: '0',
  EMULATOR_SEED_SCALE: '0.01',
  METRICS_ENABLED: 'false',
  CUSTOM_FIELDS: 'auto',
};

/**
 * The schema of `config`'s org: its custom fields read from describe as the integration user.
 * In emulator mode the demo org is started on port 0 for the describe and stopped after.
 */
export async function buildOrgSchema(
  config: GatewayConfig,
  logger: Logger = createLogger('warn'),
): Promise<GraphQLSchema> {
  if (config.customFields.mode === 'none') return buildGatewaySchema();
  const demo =
    config.salesforce.mode === 'emulator'
      ? await startDemoSalesforce(config, { port: 0 })
      : undefined;
  try {
    const target = demo?.config ?? config;
    const fields = await loadCustomFields({
      selection: target.customFields,
      client: createSalesforceClient(target),
      logger,
    });
    return await buildGatewaySchema(fields);
  } finally {
    await demo?.emulator.stop();
  }
}

/** `schema.graphql`: the demo org's schema, whatever the environment configures. */
export function buildDemoOrgSchema(logger?: Logger): Promise<GraphQLSchema> {
  return buildOrgSchema(loadConfig(DEMO_ENV), logger);
}
