import { z } from 'zod';
import type { ResilienceConfig } from './config.types';

const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const port = z.coerce.number().int().min(0).max(65535);
const timeoutMs = z.coerce.number().int().min(100).max(120_000);
const retries = z.coerce.number().int().min(0).max(5);
/**
 * Link field names go into SOQL as field names: only a Salesforce API name may pass (the
 * values the fields hold are escaped like every other value).
 */
const apiName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]{0,79}$/,
    'a Salesforce field API name such as Stripe_Customer_Id__c',
  );

/** A linked service's breaker, bulkhead, timeout and read retries with nothing set. */
export const DEFAULT_LINKED_RESILIENCE: Readonly<ResilienceConfig> = {
  breakerThreshold: 5,
  halfOpenAfterMs: 10_000,
  maxConcurrent: 20,
  maxQueued: 200,
  // A linked field that is late fails alone (its path gets UPSTREAM_UNAVAILABLE); the rest
  // of the query must not wait for it much longer than a dashboard tolerates.
  timeoutMs: 5_000,
  retries: 2,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 1_000,
};

/** Stripe, Zendesk and QuickBooks Online: credentials, link fields, emulator ports, timeouts. */
export const linkedServicesEnvironment = {
  STRIPE_API_KEY: optionalString,
  STRIPE_API_URL: optionalUrl,
  STRIPE_ACCOUNT_METADATA_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - (at most 40)')
    .default('salesforce_account_id'),
  STRIPE_TIMEOUT_MS: timeoutMs.default(DEFAULT_LINKED_RESILIENCE.timeoutMs),
  STRIPE_RETRIES: retries.default(DEFAULT_LINKED_RESILIENCE.retries),
  ZENDESK_SUBDOMAIN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'the <subdomain> of https://<subdomain>.zendesk.com')
      .optional(),
  ),
  ZENDESK_EMAIL: optionalString,
  ZENDESK_API_TOKEN: optionalString,
  ZENDESK_API_URL: optionalUrl,
  ZENDESK_TIMEOUT_MS: timeoutMs.default(DEFAULT_LINKED_RESILIENCE.timeoutMs),
  ZENDESK_RETRIES: retries.default(DEFAULT_LINKED_RESILIENCE.retries),
  QUICKBOOKS_CLIENT_ID: optionalString,
  QUICKBOOKS_CLIENT_SECRET: optionalString,
  QUICKBOOKS_REALM_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{1,30}$/, 'the company (realm) id: digits')
      .optional(),
  ),
  QUICKBOOKS_REFRESH_TOKEN: optionalString,
  QUICKBOOKS_ENVIRONMENT: z.enum(['production', 'sandbox']).default('production'),
  QUICKBOOKS_API_URL: optionalUrl,
  QUICKBOOKS_TOKEN_URL: optionalUrl,
  QUICKBOOKS_TIMEOUT_MS: timeoutMs.default(DEFAULT_LINKED_RESILIENCE.timeoutMs),
  QUICKBOOKS_RETRIES: retries.default(DEFAULT_LINKED_RESILIENCE.retries),
  LINK_FIELD_STRIPE_CUSTOMER: apiName.default('Stripe_Customer_Id__c'),
  LINK_FIELD_ZENDESK_ORGANIZATION: apiName.default('Zendesk_Organization_Id__c'),
  LINK_FIELD_QUICKBOOKS_CUSTOMER: apiName.default('QuickBooks_Customer_Id__c'),
  EMULATOR_STRIPE_PORT: port.default(4011),
  EMULATOR_ZENDESK_PORT: port.default(4012),
  EMULATOR_QUICKBOOKS_PORT: port.default(4013),
};
