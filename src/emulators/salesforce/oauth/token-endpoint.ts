import { createHmac } from 'node:crypto';
import type { EmulatorContext } from '../emulator-context';
import { jsonReply, parseBasicAuth, parseForm, type HttpReply } from '../http/http-io';
import type { EmulatorUser } from '../model/types';
import { accessTokenHash, decodeJwt, signJwt, verifyRs256 } from './jwt';
import { identityUrl, oauthError, type OAuthRequest } from './oauth-request';
import { verifyPkce } from './pkce';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const ID_TOKEN_TTL_SECONDS = 300;

interface ClientAuth {
  clientId: string | undefined;
  clientSecret: string | undefined;
}

const badClientId = (): HttpReply => oauthError('invalid_client_id', 'client identifier invalid');
const badClientSecret = (): HttpReply => oauthError('invalid_client', 'invalid client credentials');
const authFailure = (): HttpReply => oauthError('invalid_grant', 'authentication failure');
const expiredToken = (): HttpReply => oauthError('invalid_grant', 'expired access/refresh token');

/** POST /services/oauth2/token (form-encoded; client credentials in the body or HTTP Basic). */
export function handleTokenRequest(req: OAuthRequest): HttpReply {
  if (req.method !== 'POST') return oauthError('invalid_request', 'must use HTTP POST', 405);
  const form = parseForm(req.body);
  const basic = parseBasicAuth(firstHeader(req.headers.authorization));
  const auth: ClientAuth = {
    clientId: basic?.id ?? form.get('client_id') ?? undefined,
    clientSecret: basic?.secret ?? form.get('client_secret') ?? undefined,
  };
  const { ctx } = req;
  ctx.usage.recordOAuthGrant(form.get('grant_type') ?? 'none');
  switch (form.get('grant_type')) {
    case 'password':
      return passwordGrant(ctx, auth, form);
    case 'client_credentials':
      return clientCredentialsGrant(ctx, auth);
    case 'refresh_token':
      return refreshGrant(ctx, auth, form);
    case 'authorization_code':
      return authorizationCodeGrant(ctx, auth, form);
    case JWT_BEARER:
      return jwtBearerGrant(ctx, form);
    default:
      return oauthError('unsupported_grant_type', 'grant type not supported');
  }
}

/** undefined when the client is known and its secret (when required or given) matches. */
function checkClient(
  ctx: EmulatorContext,
  auth: ClientAuth,
  secretRequired: boolean,
): HttpReply | undefined {
  if (auth.clientId !== ctx.options.clientId) return badClientId();
  if (auth.clientSecret === undefined) return secretRequired ? badClientSecret() : undefined;
  return auth.clientSecret === ctx.options.clientSecret ? undefined : badClientSecret();
}

function passwordGrant(ctx: EmulatorContext, auth: ClientAuth, form: URLSearchParams): HttpReply {
  const clientError = checkClient(ctx, auth, true);
  if (clientError) return clientError;
  const user = ctx.store.userByUsername(form.get('username') ?? '');
  if (!user || !user.IsActive || user.password !== (form.get('password') ?? ''))
    return authFailure();
  return issue(ctx, user, 'api', { refresh: false });
}

function clientCredentialsGrant(ctx: EmulatorContext, auth: ClientAuth): HttpReply {
  const clientError = checkClient(ctx, auth, true);
  if (clientError) return clientError;
  const user = ctx.store.userByUsername(ctx.options.clientCredentialsUsername);
  if (!user || !user.IsActive)
    return oauthError('invalid_grant', 'no client credentials user enabled');
  return issue(ctx, user, 'api', { refresh: false });
}

function refreshGrant(ctx: EmulatorContext, auth: ClientAuth, form: URLSearchParams): HttpReply {
  const clientError = checkClient(ctx, auth, false);
  if (clientError) return clientError;
  const grant = ctx.sessions.findRefreshGrant(form.get('refresh_token') ?? '');
  if (!grant || grant.clientId !== auth.clientId) return expiredToken();
  const user = ctx.store.userById(grant.userId);
  if (!user || !user.IsActive) return expiredToken();
  const current = ctx.options.rotateRefreshTokens ? ctx.sessions.rotateRefreshToken(grant) : grant;
  return issue(ctx, user, grant.scope, {
    refresh: false,
    refreshToken: current.token,
    returnRefreshToken: ctx.options.rotateRefreshTokens,
  });
}

function authorizationCodeGrant(
  ctx: EmulatorContext,
  auth: ClientAuth,
  form: URLSearchParams,
): HttpReply {
  if (auth.clientId !== ctx.options.clientId) return badClientId();
  const lookup = ctx.sessions.consumeCode(form.get('code') ?? '');
  if (lookup.status === 'invalid') return oauthError('invalid_grant', 'invalid authorization code');
  if (lookup.status === 'expired') return oauthError('invalid_grant', 'expired authorization code');
  const code = lookup.code;
  if (code.clientId !== auth.clientId)
    return oauthError('invalid_grant', 'invalid authorization code');
  if ((form.get('redirect_uri') ?? '') !== code.redirectUri) {
    return oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
  }
  // A confidential client proves itself with the secret; a public one only through PKCE.
  const secretRequired = code.codeChallenge === undefined;
  const clientError = checkClient(ctx, auth, secretRequired);
  if (clientError) return clientError;
  if (!verifyPkce(form.get('code_verifier') ?? undefined, code.codeChallenge)) {
    return oauthError('invalid_grant', 'invalid code verifier');
  }
  const user = ctx.store.userById(code.userId);
  if (!user || !user.IsActive) return authFailure();
  return issue(ctx, user, code.scope, { refresh: true, nonce: code.nonce });
}

function jwtBearerGrant(ctx: EmulatorContext, form: URLSearchParams): HttpReply {
  const assertion = form.get('assertion') ?? '';
  const decoded = decodeJwt(assertion);
  if (!decoded) return oauthError('invalid_grant', 'invalid assertion');
  if (decoded.payload['iss'] !== ctx.options.clientId) return badClientId();
  const payload = ctx.jwtPublicKey ? verifyRs256(assertion, ctx.jwtPublicKey) : undefined;
  if (!payload) return oauthError('invalid_grant', 'invalid assertion');
  const audiences = Array.isArray(payload['aud']) ? payload['aud'] : [payload['aud']];
  const loginUrl = ctx.baseUrl();
  if (!audiences.some((aud) => typeof aud === 'string' && aud.replace(/\/$/, '') === loginUrl)) {
    return oauthError('invalid_grant', 'audience is invalid');
  }
  const exp = payload['exp'];
  if (typeof exp !== 'number' || exp * 1000 <= ctx.options.clock().getTime()) {
    return oauthError('invalid_grant', 'expired authorization code');
  }
  const sub = payload['sub'];
  const user = typeof sub === 'string' ? ctx.store.userByUsername(sub) : undefined;
  if (!user || !user.IsActive)
    return oauthError('invalid_grant', "user hasn't approved this consumer");
  return issue(ctx, user, 'api', { refresh: false });
}

interface IssueOptions {
  /** Mint a new refresh token (the code grant). */
  refresh: boolean;
  /** The refresh token the session descends from (refresh grant). */
  refreshToken?: string;
  returnRefreshToken?: boolean;
  nonce?: string | undefined;
}

/** Salesforce's token response; `signature` = base64 HMAC-SHA256(id + issued_at, client secret). */
function issue(
  ctx: EmulatorContext,
  user: EmulatorUser,
  scope: string,
  options: IssueOptions,
): HttpReply {
  const clientId = ctx.options.clientId;
  const refresh = options.refresh
    ? ctx.sessions.issueRefreshToken({ userId: user.Id, clientId, scope })
    : undefined;
  const refreshToken = refresh?.token ?? options.refreshToken ?? null;
  const session = ctx.sessions.issueAccessToken({ userId: user.Id, clientId, scope, refreshToken });
  const id = identityUrl(ctx, user.Id);
  const issuedAt = String(session.issuedAt);
  const signature = createHmac('sha256', ctx.options.clientSecret)
    .update(id + issuedAt)
    .digest('base64');
  const scopes = scope.split(' ');
  const body: Record<string, string> = { access_token: session.token };
  if (refresh || options.returnRefreshToken) body['refresh_token'] = refreshToken ?? '';
  body['signature'] = signature;
  body['scope'] = scope;
  if (scopes.includes('openid'))
    body['id_token'] = idToken(ctx, user, session.token, session.issuedAt, options.nonce);
  body['instance_url'] = ctx.baseUrl();
  body['id'] = id;
  body['token_type'] = 'Bearer';
  body['issued_at'] = issuedAt;
  return jsonReply(200, body, { 'Cache-Control': 'no-store' });
}

function idToken(
  ctx: EmulatorContext,
  user: EmulatorUser,
  accessToken: string,
  issuedAtMs: number,
  nonce: string | undefined,
): string {
  const iat = Math.floor(issuedAtMs / 1000);
  return signJwt(
    {
      at_hash: accessTokenHash(accessToken),
      sub: user.Id,
      aud: ctx.options.clientId,
      iss: ctx.baseUrl(),
      exp: iat + ID_TOKEN_TTL_SECONDS,
      iat,
      auth_time: iat,
      ...(nonce ? { nonce } : {}),
      name: user.Name,
      preferred_username: user.Username,
      email: user.Email,
      email_verified: true,
      given_name: user.FirstName,
      family_name: user.LastName,
      user_id: user.Id,
      organization_id: ctx.store.orgId,
    },
    ctx.signingKey,
  );
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
