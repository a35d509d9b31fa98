/** Text pools for the demo tickets: a support desk's usual mix of questions and incidents. */
export const TICKET_SUBJECTS = [
  'Cannot log in after password reset',
  'Invoice amount does not match the contract',
  'API returns 500 on bulk export',
  'Request for a second admin seat',
  'Data sync with our CRM stopped',
  'How do I change the billing address?',
  'Dashboard loads very slowly',
  'SSO configuration question',
  'Refund for a duplicate charge',
  'Feature request: CSV import for contacts',
  'Webhook deliveries are failing',
  'Users locked out after the update',
  'Upgrade to the enterprise plan',
  'Report shows wrong totals for last month',
  'Mobile app crashes on start',
  'Need a copy of the signed DPA',
] as const;

export const TICKET_TAGS = [
  'billing',
  'login',
  'api',
  'integration',
  'performance',
  'feature_request',
  'mobile',
  'sso',
  'onboarding',
  'vip',
] as const;

export const ORGANIZATION_TAGS = ['enterprise', 'smb', 'trial', 'partner', 'strategic'] as const;

export const CHANNELS = ['email', 'web', 'api', 'chat', 'voice'] as const;

/** Zendesk's standard custom ticket status ids (one per status category) in a demo account. */
export const CUSTOM_STATUS_IDS = {
  new: 360000001001,
  open: 360000001002,
  pending: 360000001003,
  hold: 360000001004,
  solved: 360000001005,
  closed: 360000001005,
} as const;

export const DEMO_BRAND_ID = 360000000101;
export const SUPPORT_GROUP_ID = 360000000201;

/** Organizations that exist only in Zendesk: no Account points at them. */
export const ZENDESK_ONLY_ORGANIZATIONS = [
  'Internal QA',
  'Beta Testers',
  'Former Customers Archive',
] as const;
