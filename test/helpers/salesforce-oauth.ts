/**
 * The browser half of the authorization-code flow, done without a browser: the emulator's
 * authorize endpoint approves at once when given `emulator_auto_approve=1` and the user's
 * credentials, and redirects to `redirect_uri?code&state`. PKCE per RFC 7636 (S256).
 */
import { createHash, randomBytes } from 'node:crypto';
import { OAuth2 } from 'jsforce';
import type { SalesforceTarget, SalesforceUserKey } from './salesforce-target';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function createPkce(): Pkce {
  const verifier = randomBytes(48).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function oauthClient(target: SalesforceTarget): OAuth2 {
  return new OAuth2({ ...target.client, loginUrl: target.loginUrl });
}

export interface AuthorizationRedirect {
  status: number;
  location: URL;
  code: string | null;
  state: string | null;
}

export async function autoApprove(
  target: SalesforceTarget,
  user: SalesforceUserKey,
  params: Record<string, string>,
): Promise<AuthorizationRedirect> {
  const { username, password } = target.credentials(user);
  const url = new URL(oauthClient(target).getAuthorizationUrl(params));
  url.searchParams.set('emulator_auto_approve', '1');
  url.searchParams.set('username', username);
  url.searchParams.set('password', password);
  const res = await fetch(url, { redirect: 'manual' });
  const header = res.headers.get('location');
  if (!header) throw new Error(`authorize answered ${res.status} without a Location header`);
  const location = new URL(header);
  return {
    status: res.status,
    location,
    code: location.searchParams.get('code'),
    state: location.searchParams.get('state'),
  };
}

/** Runs authorize + PKCE and returns a code ready for the token endpoint. */
export async function authorizationCode(
  target: SalesforceTarget,
  user: SalesforceUserKey,
  pkce: Pkce,
): Promise<string> {
  const redirect = await autoApprove(target, user, {
    state: 'contract-state',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
  });
  if (!redirect.code) throw new Error(`no code in ${redirect.location.href}`);
  return redirect.code;
}
