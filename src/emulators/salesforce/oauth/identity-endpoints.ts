import type { EmulatorContext } from '../emulator-context';
import { bearerToken, jsonReply, parseForm, type HttpReply } from '../http/http-io';
import type { EmulatorUser } from '../model/types';
import { publicJwk } from './jwt';
import { authenticate, identityUrl, oauthError, type OAuthRequest } from './oauth-request';

/** GET /.well-known/openid-configuration, enough for openid-client's discovery. */
export function handleDiscovery(req: OAuthRequest): HttpReply {
  const base = req.ctx.baseUrl();
  return jsonReply(200, {
    issuer: base,
    authorization_endpoint: `${base}/services/oauth2/authorize`,
    token_endpoint: `${base}/services/oauth2/token`,
    revocation_endpoint: `${base}/services/oauth2/revoke`,
    userinfo_endpoint: `${base}/services/oauth2/userinfo`,
    jwks_uri: `${base}/id/keys`,
    scopes_supported: [
      'id',
      'api',
      'web',
      'full',
      'refresh_token',
      'offline_access',
      'openid',
      'profile',
      'email',
      'address',
      'phone',
    ],
    response_types_supported: ['code'],
    grant_types_supported: [
      'authorization_code',
      'refresh_token',
      'password',
      'client_credentials',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
    ],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: [
      'active',
      'address',
      'email',
      'email_verified',
      'family_name',
      'given_name',
      'is_app_installed',
      'language',
      'locale',
      'name',
      'nickname',
      'organization_id',
      'phone_number',
      'phone_number_verified',
      'photos',
      'picture',
      'preferred_username',
      'profile',
      'sub',
      'updated_at',
      'urls',
      'user_id',
      'user_type',
      'zoneinfo',
    ],
    display_values_supported: ['page', 'popup', 'touch'],
  });
}

/** GET /id/keys: the JWKS that verifies the emulator's id_tokens. */
export function handleJwks(req: OAuthRequest): HttpReply {
  return jsonReply(200, { keys: [publicJwk(req.ctx.signingKey)] });
}

/** GET /services/oauth2/userinfo: OIDC claims plus Salesforce's own. */
export function handleUserInfo(req: OAuthRequest): HttpReply {
  const found = authenticate(
    req.ctx,
    bearerToken(header(req, 'authorization')) ?? req.query.get('access_token') ?? undefined,
  );
  if (!found) return badToken();
  const { ctx } = req;
  const { user } = found;
  return jsonReply(200, {
    sub: user.Id,
    user_id: user.Id,
    organization_id: ctx.store.orgId,
    preferred_username: user.Username,
    nickname: user.Username.split('@')[0],
    name: user.Name,
    email: user.Email,
    email_verified: true,
    given_name: user.FirstName,
    family_name: user.LastName,
    zoneinfo: 'America/Los_Angeles',
    photos: photos(ctx, user),
    profile: `${ctx.baseUrl()}/${user.Id}`,
    picture: photos(ctx, user).picture,
    address: {},
    urls: urls(ctx, user),
    active: user.IsActive,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: -28800000,
    updated_at: ctx.options
      .clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    is_app_installed: true,
  });
}

/** GET /id/{orgId}/{userId}: the identity service (token in the header or `oauth_token`). */
export function handleIdentity(req: OAuthRequest, orgId: string, userId: string): HttpReply {
  const { ctx } = req;
  const token =
    bearerToken(header(req, 'authorization')) ?? req.query.get('oauth_token') ?? undefined;
  const found = authenticate(ctx, token);
  if (!found) return badToken();
  if (
    orgId.slice(0, 15) !== ctx.store.orgId.slice(0, 15) ||
    userId.slice(0, 15) !== found.user.Id.slice(0, 15)
  ) {
    return { status: 403, headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: 'Bad_Id' };
  }
  const { user } = found;
  return jsonReply(200, {
    id: identityUrl(ctx, user.Id),
    asserted_user: true,
    user_id: user.Id,
    organization_id: ctx.store.orgId,
    username: user.Username,
    nick_name: user.Username.split('@')[0],
    display_name: user.Name,
    email: user.Email,
    email_verified: true,
    first_name: user.FirstName,
    last_name: user.LastName,
    timezone: 'America/Los_Angeles',
    photos: photos(ctx, user),
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: urls(ctx, user),
    active: user.IsActive,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: -28800000,
    last_modified_date: ctx.options.clock().toISOString().replace(/Z$/, '+0000'),
    is_app_installed: true,
  });
}

/**
 * POST /services/oauth2/revoke (form `token`; GET `?token=` too). Revoking a refresh token
 * revokes its access tokens. 200 with an empty body; errors are 400.
 */
export function handleRevoke(req: OAuthRequest): HttpReply {
  const token = (req.method === 'POST' ? parseForm(req.body) : req.query).get('token');
  if (token === null || token === '')
    return oauthError('unsupported_token_type', 'this token type is not supported');
  if (!req.ctx.sessions.revoke(token)) return oauthError('invalid_token', 'invalid token');
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: '' };
}

function badToken(): HttpReply {
  return {
    status: 403,
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: 'Bad_OAuth_Token',
  };
}

function header(req: OAuthRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function photos(ctx: EmulatorContext, user: EmulatorUser): { picture: string; thumbnail: string } {
  const base = `${ctx.baseUrl()}/profilephoto/005/${user.Id}`;
  return { picture: `${base}/F`, thumbnail: `${base}/T` };
}

function urls(ctx: EmulatorContext, user: EmulatorUser): Record<string, string> {
  const base = ctx.baseUrl();
  const v = ctx.options.apiVersion;
  const org = ctx.store.orgId;
  return {
    enterprise: `${base}/services/Soap/c/${v}/${org}`,
    metadata: `${base}/services/Soap/m/${v}/${org}`,
    partner: `${base}/services/Soap/u/${v}/${org}`,
    rest: `${base}/services/data/v${v}/`,
    sobjects: `${base}/services/data/v${v}/sobjects/`,
    search: `${base}/services/data/v${v}/search/`,
    query: `${base}/services/data/v${v}/query/`,
    recent: `${base}/services/data/v${v}/recent/`,
    profile: `${base}/${user.Id}`,
    custom_domain: base,
  };
}
