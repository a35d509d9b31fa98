export interface SalesforceIdentity {
  orgId: string;
  userId: string;
}

/**
 * Org and user ids from the token response's `id` (`https://login.../id/<orgId>/<userId>`),
 * the same place jsforce reads them (lib/oauth2.js, connection.authorize).
 */
export function identityFromIdUrl(idUrl: string): SalesforceIdentity | undefined {
  let segments: string[];
  try {
    segments = new URL(idUrl).pathname.split('/').filter((s) => s.length > 0);
  } catch {
    return undefined;
  }
  const userId = segments.at(-1);
  const orgId = segments.at(-2);
  if (segments.at(-3) !== 'id' || !orgId || !userId) return undefined;
  if (!isSalesforceId(orgId) || !isSalesforceId(userId)) return undefined;
  return { orgId, userId };
}

function isSalesforceId(value: string): boolean {
  return /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);
}
