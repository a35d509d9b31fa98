import type { GatewayConfig, LinkedServicesConfig, WebhooksConfig } from '../config';
import { deepFreeze } from '../config/load-config';
import {
  DEMO_QUICKBOOKS,
  startQuickBooksEmulator,
  type QuickBooksEmulatorOptions,
} from '../emulators/quickbooks';
import {
  DEMO_STRIPE_API_KEY,
  startStripeEmulator,
  type StripeEmulatorOptions,
} from '../emulators/stripe';
import {
  DEMO_ZENDESK_CREDENTIALS,
  startZendeskEmulator,
  type ZendeskEmulatorOptions,
} from '../emulators/zendesk';
import { SALESFORCE_ACCOUNT_ID_KEY } from '../emulators/stripe';

/** One running linked-service emulator, as the banner prints it. */
export interface DemoLinkedEmulator {
  service: 'stripe' | 'zendesk' | 'quickbooks';
  /** The API base the gateway calls. */
  url: string;
  /** `${origin}/__emulator/stats`. */
  adminUrl: string;
  /** Printed in the banner: the demo credentials (never a real secret). */
  credentials: string;
  /** Where the emulator posts its signed webhooks from now on (undefined: nowhere). */
  configureWebhooks(target: { url: string; secret: string } | undefined): void;
  stop(): Promise<void>;
}

export interface DemoLinkedServices {
  /** `config` with each emulated service's settings filled in. */
  config: GatewayConfig;
  emulators: DemoLinkedEmulator[];
  /**
   * Points each emulator's webhooks at the gateway's receiver (`<origin>/webhooks/<service>`),
   * signed with the secret the gateway verifies; a service without one sends nothing. Called
   * once the gateway listens, so the demo's live feeds show the emulators' changes.
   */
  sendWebhooksTo(gatewayOrigin: string, secrets: WebhooksConfig): void;
  stop(): Promise<void>;
}

export interface DemoLinkedOverrides {
  stripe?: StripeEmulatorOptions;
  zendesk?: ZendeskEmulatorOptions;
  quickbooks?: QuickBooksEmulatorOptions;
}

/**
 * Starts the emulator of every linked service in `emulator` mode (the demo: no credentials),
 * on the same seed scale as the Salesforce emulator so the data links to the same accounts.
 * Services with real credentials are left alone.
 */
export async function startDemoLinkedServices(
  config: GatewayConfig,
  overrides: DemoLinkedOverrides = {},
): Promise<DemoLinkedServices> {
  const scale =
    config.salesforce.mode === 'emulator' ? config.salesforce.emulator.seedScale : undefined;
  const linked = config.linked;
  const emulators: DemoLinkedEmulator[] = [];
  let next: LinkedServicesConfig = linked;
  try {
    if (linked.stripe.mode === 'emulator') {
      const stripe = await startStripeEmulator({
        port: linked.stripe.emulatorPort,
        ...(scale !== undefined ? { scale } : {}),
        ...overrides.stripe,
      });
      const apiKey = overrides.stripe?.apiKeys?.[0] ?? DEMO_STRIPE_API_KEY;
      emulators.push({
        service: 'stripe',
        url: stripe.url,
        adminUrl: `${stripe.url}/__emulator/stats`,
        credentials: `API key ${apiKey}`,
        configureWebhooks: (target) => stripe.configureWebhooks(target),
        stop: () => stripe.stop(),
      });
      next = {
        ...next,
        stripe: {
          ...linked.stripe,
          settings: { apiKey, apiUrl: stripe.url, accountMetadataKey: SALESFORCE_ACCOUNT_ID_KEY },
        },
      };
    }
    if (linked.zendesk.mode === 'emulator') {
      const zendesk = await startZendeskEmulator({
        port: linked.zendesk.emulatorPort,
        ...(scale !== undefined ? { scale } : {}),
        ...overrides.zendesk,
      });
      emulators.push({
        service: 'zendesk',
        url: zendesk.apiUrl,
        adminUrl: `${zendesk.url}/__emulator/stats`,
        credentials: `${DEMO_ZENDESK_CREDENTIALS.email}/token:${zendesk.apiToken}`,
        configureWebhooks: (target) => zendesk.configureWebhooks(target),
        stop: () => zendesk.stop(),
      });
      next = {
        ...next,
        zendesk: {
          ...linked.zendesk,
          settings: {
            apiUrl: zendesk.apiUrl,
            email: DEMO_ZENDESK_CREDENTIALS.email,
            apiToken: zendesk.apiToken,
          },
        },
      };
    }
    if (linked.quickbooks.mode === 'emulator') {
      const quickbooks = await startQuickBooksEmulator({
        port: linked.quickbooks.emulatorPort,
        ...(scale !== undefined ? { salesforce: { scale } } : {}),
        ...overrides.quickbooks,
      });
      const clientId = overrides.quickbooks?.clientId ?? DEMO_QUICKBOOKS.clientId;
      const clientSecret = overrides.quickbooks?.clientSecret ?? DEMO_QUICKBOOKS.clientSecret;
      const refreshToken = overrides.quickbooks?.refreshToken ?? DEMO_QUICKBOOKS.refreshToken;
      emulators.push({
        service: 'quickbooks',
        url: quickbooks.endpoint,
        adminUrl: `${quickbooks.url}/__emulator/stats`,
        credentials: `realm ${quickbooks.realmId}, client ${clientId}, refresh token ${refreshToken}`,
        configureWebhooks: (target) => quickbooks.configureWebhooks(target),
        stop: () => quickbooks.stop(),
      });
      next = {
        ...next,
        quickbooks: {
          ...linked.quickbooks,
          settings: {
            clientId,
            clientSecret,
            realmId: quickbooks.realmId,
            refreshToken,
            environment: 'sandbox',
            companyEndpoint: quickbooks.endpoint,
            tokenUrl: quickbooks.tokenUrl,
          },
        },
      };
    }
  } catch (err) {
    await Promise.allSettled(emulators.map((emulator) => emulator.stop()));
    throw err;
  }
  return {
    config: deepFreeze({ ...config, linked: next }),
    emulators,
    sendWebhooksTo(gatewayOrigin, secrets) {
      const secretOf = {
        stripe: secrets.stripeSecret,
        zendesk: secrets.zendeskSecret,
        quickbooks: secrets.quickBooksVerifierToken,
      };
      for (const emulator of emulators) {
        const secret = secretOf[emulator.service];
        emulator.configureWebhooks(
          secret === undefined
            ? undefined
            : { url: `${gatewayOrigin}/webhooks/${emulator.service}`, secret },
        );
      }
    },
    stop: async () => {
      await Promise.allSettled(emulators.map((emulator) => emulator.stop()));
    },
  };
}
