export { generateZendeskSeed, type ZendeskSeedOptions } from './zendesk-seed';
export { DEMO_ZENDESK_ADMIN, DEMO_ZENDESK_AGENTS, DEMO_ZENDESK_CREDENTIALS } from './demo-staff';
