import * as oidc from 'openid-client';
import type { SalesforceTokens } from './token-vault';

export interface SalesforceOidcClientOptions {
  /** SALESFORCE_LOGIN_URL: the issuer; discovery reads `<loginUrl>/.well-known/openid-configuration`. */
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  /** The gateway's `/auth/salesforce/callback` URL, registered on the connected app. */
  redirectUri: string;
  /** Default `api refresh_token openid`. */
  scope?: string;
  /** Permits http:// endpoints. Emulator mode only: real Salesforce is https. */
  allowInsecureHttp?: boolean;
  /** Replaces fetch for every call openid-client makes (tests intercept responses with it). */
  fetch?: oidc.CustomFetch;
}

export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CodeExchangeResult {
  tokens: SalesforceTokens;
  claims: oidc.IDToken;
}

export const DEFAULT_SCOPE = 'api refresh_token openid';

/**
 * The openid-client 6 calls the login flow needs, bound to one discovered Salesforce
 * configuration. id_token signatures are verified against the JWKS (non-repudiation checks)
 * on top of openid-client's iss/aud/exp/nonce checks: the emulator runs over plain http, where
 * TLS cannot stand in for the signature.
 */
export class SalesforceOidcClient {
  private constructor(
    private readonly config: oidc.Configuration,
    private readonly options: SalesforceOidcClientOptions,
  ) {}

  static async discover(options: SalesforceOidcClientOptions): Promise<SalesforceOidcClient> {
    const execute: Array<(config: oidc.Configuration) => void> = [oidc.enableNonRepudiationChecks];
    if (options.allowInsecureHttp) execute.unshift(oidc.allowInsecureRequests);
    const config = await oidc.discovery(
      new URL(options.loginUrl),
      options.clientId,
      { client_secret: options.clientSecret, redirect_uris: [options.redirectUri] },
      oidc.ClientSecretPost(options.clientSecret),
      { execute, ...(options.fetch ? { [oidc.customFetch]: options.fetch } : {}) },
    );
    return new SalesforceOidcClient(config, options);
  }

  get revocationSupported(): boolean {
    return typeof this.config.serverMetadata().revocation_endpoint === 'string';
  }

  async authorizationUrl(checks: AuthorizationChecks): Promise<URL> {
    return oidc.buildAuthorizationUrl(this.config, {
      response_type: 'code',
      redirect_uri: this.options.redirectUri,
      scope: this.options.scope ?? DEFAULT_SCOPE,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Validates the callback (state), redeems the code (PKCE) and validates the id_token. */
  async exchangeCode(callbackUrl: URL, checks: AuthorizationChecks): Promise<CodeExchangeResult> {
    const response = await oidc.authorizationCodeGrant(this.config, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = response.claims();
    if (!claims) throw new TypeError('token response carried no id_token');
    return { tokens: toTokens(response), claims };
  }

  /** Salesforce returns a new refresh token only when rotation is on; otherwise the old one stays. */
  async refresh(refreshToken: string): Promise<SalesforceTokens> {
    const response = await oidc.refreshTokenGrant(this.config, refreshToken);
    const tokens = toTokens(response);
    return tokens.refreshToken ? tokens : { ...tokens, refreshToken };
  }

  async revoke(token: string): Promise<void> {
    await oidc.tokenRevocation(this.config, token);
  }
}

function toTokens(response: oidc.TokenEndpointResponse): SalesforceTokens {
  const instanceUrl = response.instance_url;
  const identityUrl = response.id;
  if (typeof instanceUrl !== 'string' || typeof identityUrl !== 'string') {
    throw new TypeError('token response lacks instance_url or id');
  }
  const issuedAt = Number(response.issued_at);
  return {
    accessToken: response.access_token,
    ...(response.refresh_token ? { refreshToken: response.refresh_token } : {}),
    instanceUrl,
    identityUrl,
    issuedAt: Number.isFinite(issuedAt) && issuedAt > 0 ? issuedAt : Date.now(),
  };
}

/** `invalid_grant` from the token endpoint: the refresh token is revoked, expired or unknown. */
export function isInvalidGrant(err: unknown): boolean {
  return err instanceof oidc.ResponseBodyError && err.error === 'invalid_grant';
}
