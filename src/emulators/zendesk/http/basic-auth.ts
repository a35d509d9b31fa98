import { basicCredentials } from '../../http-kit/http-io';
import type { User } from '../model/types';
import type { ZendeskStore } from '../store/zendesk-store';

/** `Authorization: Basic base64(email/token:API_TOKEN)`, the API-token form Zendesk accepts. */
export function parseTokenAuth(
  header: string | undefined,
): { email: string; token: string } | undefined {
  const credentials = basicCredentials(header);
  if (!credentials) return undefined;
  // Without `/token` this is a password login, which the API no longer accepts.
  if (!credentials.id.endsWith('/token')) return undefined;
  return { email: credentials.id.slice(0, -'/token'.length), token: credentials.secret };
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
