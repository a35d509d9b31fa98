import { hashApiKey } from '../auth/api-keys';
import { problemsOf } from '../../test/helpers/config-problems';
import { loadConfig } from './load-config';

const PEPPER = 'p'.repeat(32);
const LIVE_SALESFORCE = {
  SALESFORCE_LOGIN_URL: 'https://login.salesforce.com',
  SALESFORCE_CLIENT_ID: 'client',
  SALESFORCE_CLIENT_SECRET: 'secret',
  AUTH_MODE: 'integration',
  API_KEYS: `ci:${hashApiKey('atom_key', PEPPER)}`,
  API_KEY_PEPPER: PEPPER,
};

describe('linked services configuration', () => {
  it('uses the three emulators in the demo, with the default link fields', () => {
    const { linked } = loadConfig({});
    expect(linked.stripe).toMatchObject({ mode: 'emulator', emulatorPort: 4011 });
    expect(linked.zendesk).toMatchObject({ mode: 'emulator', emulatorPort: 4012 });
    expect(linked.quickbooks).toMatchObject({ mode: 'emulator', emulatorPort: 4013 });
    expect(linked.linkFields).toEqual({
      stripeCustomer: 'Stripe_Customer_Id__c',
      zendeskOrganization: 'Zendesk_Organization_Id__c',
      quickBooksCustomer: 'QuickBooks_Customer_Id__c',
    });
  });

  it('turns a service off with a live org and no credentials, naming what to set', () => {
    const { linked } = loadConfig(LIVE_SALESFORCE);
    expect(linked.stripe).toEqual({ mode: 'off', missing: ['STRIPE_API_KEY'] });
    expect(linked.zendesk).toEqual({
      mode: 'off',
      missing: ['ZENDESK_SUBDOMAIN', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN'],
    });
    expect(linked.quickbooks).toMatchObject({ mode: 'off' });
  });

  it('goes live with credentials, deriving the real endpoints', () => {
    const { linked } = loadConfig({
      ...LIVE_SALESFORCE,
      STRIPE_API_KEY: 'sk_live_x',
      ZENDESK_SUBDOMAIN: 'acme',
      ZENDESK_EMAIL: 'ops@acme.test',
      ZENDESK_API_TOKEN: 'tok',
      QUICKBOOKS_CLIENT_ID: 'id',
      QUICKBOOKS_CLIENT_SECRET: 'secret',
      QUICKBOOKS_REALM_ID: '123',
      QUICKBOOKS_REFRESH_TOKEN: 'rt',
      QUICKBOOKS_ENVIRONMENT: 'sandbox',
      ZENDESK_TIMEOUT_MS: '1500',
    });
    expect(linked.stripe).toMatchObject({
      mode: 'live',
      settings: { apiKey: 'sk_live_x', apiUrl: 'https://api.stripe.com' },
    });
    expect(linked.zendesk).toMatchObject({
      mode: 'live',
      settings: { apiUrl: 'https://acme.zendesk.com/api/v2' },
      resilience: { timeoutMs: 1500, retries: 2 },
    });
    expect(linked.quickbooks).toMatchObject({
      mode: 'live',
      settings: {
        companyEndpoint: 'https://sandbox-quickbooks.api.intuit.com/v3/company/',
        tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
      },
    });
  });

  it('uses a service live even in the demo once its credentials are set', () => {
    expect(loadConfig({ STRIPE_API_KEY: 'sk_test_x' }).linked.stripe.mode).toBe('live');
  });

  it('lists every missing companion credential', () => {
    const problems = problemsOf({ ZENDESK_EMAIL: 'ops@acme.test', QUICKBOOKS_REALM_ID: '1' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ZENDESK_SUBDOMAIN: required with ZENDESK_EMAIL/),
        expect.stringMatching(/^ZENDESK_API_TOKEN: required with ZENDESK_EMAIL/),
        expect.stringMatching(/^QUICKBOOKS_CLIENT_ID: required with QUICKBOOKS_REALM_ID/),
        expect.stringMatching(/^QUICKBOOKS_REFRESH_TOKEN: required/),
      ]),
    );
  });

  it('refuses link field names that are not Salesforce API names (they reach SOQL as names)', () => {
    expect(problemsOf({ LINK_FIELD_STRIPE_CUSTOMER: 'Id) OR (Name' })).toEqual([
      expect.stringMatching(/^LINK_FIELD_STRIPE_CUSTOMER: a Salesforce field API name/),
    ]);
    expect(
      loadConfig({ LINK_FIELD_ZENDESK_ORGANIZATION: 'Support_Org__c' }).linked.linkFields
        .zendeskOrganization,
    ).toBe('Support_Org__c');
  });

  it('validates the Zendesk subdomain and the QuickBooks realm id', () => {
    expect(problemsOf({ ZENDESK_SUBDOMAIN: 'evil.com/x' })).toEqual([
      expect.stringMatching(/^ZENDESK_SUBDOMAIN: /),
    ]);
    expect(problemsOf({ QUICKBOOKS_REALM_ID: "1' or 1=1" })).toEqual([
      expect.stringMatching(/^QUICKBOOKS_REALM_ID: /),
    ]);
  });
});
