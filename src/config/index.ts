export { loadConfig, ConfigError, isLoopback } from './load-config';
export { readEnvironment } from './read-environment';
export { config } from './config';
export type {
  GatewayConfig,
  SalesforceConfig,
  SalesforceAuth,
  EmulatorSettings,
  NodeEnv,
  LogLevel,
  AuthConfig,
  AuthMode,
  ConnectedApp,
  QueryLimitsConfig,
  RateLimitConfig,
  ApiSurfaceConfig,
  TrustedDocumentsConfig,
  ResilienceConfig,
  MetricsConfig,
  CustomFieldsConfig,
  CacheConfig,
} from './config.types';
export { DEFAULT_QUERY_LIMITS, DEFAULT_SALESFORCE_RESILIENCE } from './config.schema';
export type {
  LinkedServiceConfig,
  LinkedServicesConfig,
  LinkFieldNames,
  QuickBooksSettings,
  StripeSettings,
  ZendeskSettings,
} from './linked-services.types';
export { DEFAULT_LINKED_RESILIENCE } from './linked-services.schema';
export { LINKED_CREDENTIAL_VARIABLES } from './linked-services-config';
export {
  DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  DEMO_WEBHOOK_SECRETS,
  type WebhooksConfig,
} from './webhooks-config';
