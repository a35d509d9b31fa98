import type { User } from '../model/types';
import type { ZendeskStore } from '../store/zendesk-store';

/** `Authorization: Basic base64(email/token:API_TOKEN)`, the API-token form Zendesk accepts. */
export function parseTokenAuth(
  header: string | undefined,
): { email: string; token: string } | undefined {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const login = decoded.slice(0, colon);
  // Without `/token` this is a password login, which the API no longer accepts.
  if (!login.endsWith('/token')) return undefined;
  return { email: login.slice(0, -'/token'.length), token: decoded.slice(colon + 1) };
}

/** The staff member the request authenticates as: an active agent or admin with the account's token. */
export function authenticate(
  store: ZendeskStore,
  apiToken: string,
  header: string | undefined,
): User | undefined {
  const credentials = parseTokenAuth(header);
  if (!credentials || credentials.token !== apiToken) return undefined;
  const user = store.userByEmail(credentials.email);
  if (!user || user.role === 'end-user' || !user.active || user.suspended) return undefined;
  return user;
}
