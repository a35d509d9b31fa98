import type { HttpReply } from '../http/http-io';
import { basicCredentials, jsonReply } from '../http/http-io';
import type { TokenStore } from './token-store';

export const TOKEN_PATH = '/oauth2/v1/tokens/bearer';
export const REVOKE_PATH = '/oauth2/v1/tokens/revoke';

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
}

const oauthError = (status: number, error: string): HttpReply => jsonReply(status, { error });

/** Whether the HTTP Basic credentials are this client's id and secret. */
function authenticates(client: OAuthClientCredentials, authorization: string | undefined): boolean {
  const credentials = basicCredentials(authorization);
  return (
    credentials !== undefined &&
    credentials.id === client.clientId &&
    credentials.secret === client.clientSecret
  );
}

/**
 * Intuit's token endpoint: client authentication by HTTP Basic only, a form body, and
 * RFC 6749 errors (`invalid_client` 401, `invalid_grant` / `unsupported_grant_type` 400).
 */
export function handleTokenRequest(
  tokens: TokenStore,
  client: OAuthClientCredentials,
  method: string,
  authorization: string | undefined,
  body: Buffer,
  onGrant: (grantType: string) => void,
): HttpReply {
  if (method !== 'POST') return jsonReply(405, { error: 'method_not_allowed' });
  if (!authenticates(client, authorization)) return oauthError(401, 'invalid_client');
  const form = new URLSearchParams(body.toString('utf8'));
  const grantType = form.get('grant_type') ?? '';
  onGrant(grantType || 'none');
  if (grantType !== 'refresh_token') return oauthError(400, 'unsupported_grant_type');
  const refreshToken = form.get('refresh_token');
  if (!refreshToken) return oauthError(400, 'invalid_request');
  const granted = tokens.refreshGrant(refreshToken);
  return granted ? jsonReply(200, granted) : oauthError(400, 'invalid_grant');
}

/** `POST /oauth2/v1/tokens/revoke` with `{token}` (JSON, as intuit-oauth sends it, or a form). */
export function handleRevokeRequest(
  tokens: TokenStore,
  client: OAuthClientCredentials,
  authorization: string | undefined,
  body: Buffer,
): HttpReply {
  if (!authenticates(client, authorization)) return oauthError(401, 'invalid_client');
  const text = body.toString('utf8');
  let token: string | null = null;
  try {
    token = (JSON.parse(text) as { token?: string }).token ?? null;
  } catch {
    token = new URLSearchParams(text).get('token');
  }
  if (!token) return oauthError(400, 'invalid_request');
  tokens.revoke(token);
  return { status: 200, body: '' };
}
