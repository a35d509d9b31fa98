/** The account's staff: the admin whose API token the gateway uses, and the agents tickets are assigned to. */
export const DEMO_ZENDESK_ADMIN = {
  id: 371000000011,
  name: 'Atom Support Admin',
  email: 'admin@atom-demo.org',
} as const;

export const DEMO_ZENDESK_AGENTS = [
  { id: 371000000022, name: 'Riley Chen', email: 'riley.chen@atom-demo.org' },
  { id: 371000000033, name: 'Sam Okafor', email: 'sam.okafor@atom-demo.org' },
  { id: 371000000044, name: 'Jo Lindqvist', email: 'jo.lindqvist@atom-demo.org' },
] as const;

/** What `.env.example` and the gateway's demo config point at. */
export const DEMO_ZENDESK_CREDENTIALS = {
  subdomain: 'atom-demo',
  email: DEMO_ZENDESK_ADMIN.email,
  apiToken: 'atom-demo-zendesk-token',
} as const;
