import type { ResilienceConfig } from './config.types';

export interface StripeSettings {
  apiKey: string;
  /** `https://api.stripe.com`, or the emulator's loopback URL. */
  apiUrl: string;
  /** The customer metadata key holding the Salesforce Account Id (the fallback link). */
  accountMetadataKey: string;
}

export interface ZendeskSettings {
  /** `https://<subdomain>.zendesk.com/api/v2`, or the emulator's. */
  apiUrl: string;
  email: string;
  apiToken: string;
}

export interface QuickBooksSettings {
  clientId: string;
  clientSecret: string;
  realmId: string;
  /** The refresh token to start from; QuickBooks rotates it, the client keeps the newest. */
  refreshToken: string;
  environment: 'production' | 'sandbox';
  /** `https://quickbooks.api.intuit.com/v3/company/` (sandbox: `sandbox-quickbooks…`), or the emulator's. */
  companyEndpoint: string;
  /** Intuit's OAuth 2 token endpoint, or the emulator's. */
  tokenUrl: string;
}

/**
 * `emulator`: the built-in emulator (demo; `settings` filled in by the demo bootstrap once it
 * listens). `live`: the real service with the configured credentials. `off`: live Salesforce
 * without this service's credentials; its fields answer UPSTREAM_UNAVAILABLE naming `missing`.
 */
export type LinkedServiceConfig<S> =
  | {
      mode: 'emulator';
      settings: S | undefined;
      emulatorPort: number;
      resilience: ResilienceConfig;
    }
  | { mode: 'live'; settings: S; resilience: ResilienceConfig }
  | { mode: 'off'; missing: readonly string[] };

/** The Account fields holding each service's customer id (ARCHITECTURE.md "Linking the services"). */
export interface LinkFieldNames {
  stripeCustomer: string;
  zendeskOrganization: string;
  quickBooksCustomer: string;
}

export interface LinkedServicesConfig {
  stripe: LinkedServiceConfig<StripeSettings>;
  zendesk: LinkedServiceConfig<ZendeskSettings>;
  quickbooks: LinkedServiceConfig<QuickBooksSettings>;
  linkFields: LinkFieldNames;
}
