import type { Environment } from './config.schema';
import type { ResilienceConfig, SalesforceConfig } from './config.types';
import { DEFAULT_LINKED_RESILIENCE } from './linked-services.schema';
import type {
  LinkedServiceConfig,
  LinkedServicesConfig,
  QuickBooksSettings,
  StripeSettings,
  ZendeskSettings,
} from './linked-services.types';

const QUICKBOOKS_ENDPOINTS = {
  production: 'https://quickbooks.api.intuit.com/v3/company/',
  sandbox: 'https://sandbox-quickbooks.api.intuit.com/v3/company/',
} as const;
const QUICKBOOKS_TOKEN_URL = 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer';

/** `…/v3/company/` (node-quickbooks appends `<realm>/…`); QUICKBOOKS_API_URL overrides the host. */
function companyEndpoint(env: Environment): string {
  const override = env.QUICKBOOKS_API_URL;
  if (override === undefined) return QUICKBOOKS_ENDPOINTS[env.QUICKBOOKS_ENVIRONMENT];
  const base = override.replace(/\/+$/, '');
  return base.endsWith('/v3/company') ? `${base}/` : `${base}/v3/company/`;
}

/** The variables that make each service live (all are required once one is set). */
export const LINKED_CREDENTIAL_VARIABLES = {
  stripe: ['STRIPE_API_KEY'],
  zendesk: ['ZENDESK_SUBDOMAIN', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN'],
  quickbooks: [
    'QUICKBOOKS_CLIENT_ID',
    'QUICKBOOKS_CLIENT_SECRET',
    'QUICKBOOKS_REALM_ID',
    'QUICKBOOKS_REFRESH_TOKEN',
  ],
} as const satisfies Record<string, ReadonlyArray<keyof Environment>>;

function resilience(timeoutMs: number, retries: number): ResilienceConfig {
  return { ...DEFAULT_LINKED_RESILIENCE, timeoutMs, retries };
}

/**
 * One service: live when any of its credentials is set (then all are required), the built-in
 * emulator when Salesforce is the emulator, otherwise off, naming what to set.
 */
function resolveService<S>(
  env: Environment,
  salesforceMode: SalesforceConfig['mode'],
  spec: {
    required: ReadonlyArray<keyof Environment>;
    build: () => S;
    emulatorPort: number;
    resilience: ResilienceConfig;
  },
  problems: string[],
): LinkedServiceConfig<S> {
  const missing = spec.required.filter((name) => env[name] === undefined);
  const anySet = missing.length < spec.required.length;
  if (anySet) {
    if (missing.length > 0) {
      for (const name of missing) {
        problems.push(
          `${name}: required with ${spec.required.filter((n) => !missing.includes(n)).join(', ')}`,
        );
      }
      return { mode: 'off', missing };
    }
    return { mode: 'live', settings: spec.build(), resilience: spec.resilience };
  }
  if (salesforceMode === 'emulator') {
    return {
      mode: 'emulator',
      settings: undefined,
      emulatorPort: spec.emulatorPort,
      resilience: spec.resilience,
    };
  }
  return { mode: 'off', missing };
}

export function resolveLinkedServices(
  env: Environment,
  salesforceMode: SalesforceConfig['mode'],
  problems: string[],
): LinkedServicesConfig {
  const stripe = resolveService<StripeSettings>(
    env,
    salesforceMode,
    {
      required: LINKED_CREDENTIAL_VARIABLES.stripe,
      build: () => ({
        apiKey: env.STRIPE_API_KEY ?? '',
        apiUrl: env.STRIPE_API_URL ?? 'https://api.stripe.com',
        accountMetadataKey: env.STRIPE_ACCOUNT_METADATA_KEY,
      }),
      emulatorPort: env.EMULATOR_STRIPE_PORT,
      resilience: resilience(env.STRIPE_TIMEOUT_MS, env.STRIPE_RETRIES),
    },
    problems,
  );
  const zendesk = resolveService<ZendeskSettings>(
    env,
    salesforceMode,
    {
      required: LINKED_CREDENTIAL_VARIABLES.zendesk,
      build: () => ({
        apiUrl:
          env.ZENDESK_API_URL?.replace(/\/+$/, '') ??
          `https://${env.ZENDESK_SUBDOMAIN ?? ''}.zendesk.com/api/v2`,
        email: env.ZENDESK_EMAIL ?? '',
        apiToken: env.ZENDESK_API_TOKEN ?? '',
      }),
      emulatorPort: env.EMULATOR_ZENDESK_PORT,
      resilience: resilience(env.ZENDESK_TIMEOUT_MS, env.ZENDESK_RETRIES),
    },
    problems,
  );
  const quickbooks = resolveService<QuickBooksSettings>(
    env,
    salesforceMode,
    {
      required: LINKED_CREDENTIAL_VARIABLES.quickbooks,
      build: () => ({
        clientId: env.QUICKBOOKS_CLIENT_ID ?? '',
        clientSecret: env.QUICKBOOKS_CLIENT_SECRET ?? '',
        realmId: env.QUICKBOOKS_REALM_ID ?? '',
        refreshToken: env.QUICKBOOKS_REFRESH_TOKEN ?? '',
        environment: env.QUICKBOOKS_ENVIRONMENT,
        companyEndpoint: companyEndpoint(env),
        tokenUrl: env.QUICKBOOKS_TOKEN_URL ?? QUICKBOOKS_TOKEN_URL,
      }),
      emulatorPort: env.EMULATOR_QUICKBOOKS_PORT,
      resilience: resilience(env.QUICKBOOKS_TIMEOUT_MS, env.QUICKBOOKS_RETRIES),
    },
    problems,
  );
  return {
    stripe,
    zendesk,
    quickbooks,
    linkFields: {
      stripeCustomer: env.LINK_FIELD_STRIPE_CUSTOMER,
      zendeskOrganization: env.LINK_FIELD_ZENDESK_ORGANIZATION,
      quickBooksCustomer: env.LINK_FIELD_QUICKBOOKS_CUSTOMER,
    },
  };
}
