import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorContext } from '../emulator-context';
import { jsonReply, type HttpReply } from '../http/http-io';
import type { EmulatorUser } from '../model/types';
import type { Session } from './session-store';

/** An OAuth/OIDC endpoint request: these are not API calls and never count against limits. */
export interface OAuthRequest {
  ctx: EmulatorContext;
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type OAuthHandler = (req: OAuthRequest) => HttpReply;

/** Salesforce's OAuth error body; always HTTP 400 on the token endpoint. */
export function oauthError(error: string, description: string, status = 400): HttpReply {
  return jsonReply(
    status,
    { error, error_description: description },
    { 'Cache-Control': 'no-store' },
  );
}

/** The live session and active user behind an access token. */
export function authenticate(
  ctx: EmulatorContext,
  token: string | undefined,
): { session: Session; user: EmulatorUser } | undefined {
  if (!token) return undefined;
  const session = ctx.sessions.findSession(token);
  if (!session) return undefined;
  const user = ctx.store.userById(session.userId);
  if (!user || !user.IsActive) return undefined;
  return { session, user };
}

export function identityUrl(ctx: EmulatorContext, userId: string): string {
  return `${ctx.baseUrl()}/id/${ctx.store.orgId}/${userId}`;
}
