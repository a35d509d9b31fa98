import { HeaderMap } from '@apollo/server';
import {
  InvalidCredentialsError,
  TokenRefreshError,
  TokenVaultError,
  asSessionEndedError,
} from '../auth/auth-errors';
import {
  UnauthenticatedError,
  UpstreamUnavailableError,
  type GatewayError,
} from './gateway-errors';

/** Where a browser or API client starts a new Salesforce login. */
export const LOGIN_HINT_PATH = '/auth/salesforce/login';

export interface UnauthenticatedDetails {
  /** Machine-readable why (`session-expired`, `refresh-token-rejected`, `api-key-invalid`...). */
  reason: string;
  /** Set where logging in again helps (user mode); absent for API keys. */
  login?: string;
}

/** The challenge of every 401 the gateway answers (GraphQL and REST). */
export const WWW_AUTHENTICATE_CHALLENGE = 'Bearer realm="atom-crm-gateway"';

/**
 * UNAUTHENTICATED with HTTP 401 and a `WWW-Authenticate` challenge. Apollo lifts
 * `extensions.http` into the response head and strips it (errorNormalize.ts); formatError
 * removes it from errors it rebuilds.
 */
export function unauthenticated(
  message: string,
  details: UnauthenticatedDetails,
): UnauthenticatedError {
  return new UnauthenticatedError(message, {
    reason: details.reason,
    ...(details.login === undefined ? {} : { login: details.login }),
    http: {
      status: 401,
      headers: new HeaderMap([['www-authenticate', WWW_AUTHENTICATE_CHALLENGE]]),
    },
  });
}

function* causes(err: unknown): Generator<unknown> {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    yield current;
    current = current instanceof Error ? current.cause : undefined;
  }
}

/** TokenRefreshError messages, as jsforce's refresh delegate passes them on (message only). */
const REFRESH_FAILED =
  /Unable to refresh session due to: (the Salesforce token refresh failed|timed out waiting for another instance)/;

/**
 * The auth layer's failures as UNAUTHENTICATED, also when jsforce or the Salesforce client
 * wrapped them (jsforce's refresh delegate keeps only the message; our client keeps `cause`).
 * A refresh that failed for a transient reason (token endpoint down) is UPSTREAM_UNAVAILABLE:
 * the session is still good and a retry may succeed.
 */
export function fromAuthError(err: unknown): GatewayError | undefined {
  for (const candidate of causes(err)) {
    const ended = asSessionEndedError(candidate);
    if (ended) {
      return unauthenticated('The Salesforce session ended; log in again', {
        reason: ended.reason,
        login: ended.loginPath,
      });
    }
    if (candidate instanceof InvalidCredentialsError) {
      return unauthenticated('The presented credentials are not valid', {
        reason: 'credentials-invalid',
      });
    }
    if (
      candidate instanceof TokenRefreshError ||
      (candidate instanceof Error && REFRESH_FAILED.test(candidate.message))
    ) {
      return new UpstreamUnavailableError('Salesforce could not renew the session; try again', {
        upstream: { service: 'salesforce', errorCode: 'TOKEN_REFRESH_FAILED', fields: [] },
      });
    }
    // Fail closed: a vault entry that does not authenticate is never used nor explained.
    if (candidate instanceof TokenVaultError) {
      return unauthenticated('The Salesforce session ended; log in again', {
        reason: 'session-unreadable',
        login: LOGIN_HINT_PATH,
      });
    }
  }
  return undefined;
}
