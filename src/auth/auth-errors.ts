/**
 * Typed failures of the auth layer. The server maps SessionEndedError and
 * AuthenticationRequiredError to UNAUTHENTICATED; everything else here is a
 * configuration or integrity problem that must fail closed, never degrade to guessing.
 */

export type VaultFailureReason = 'unknown-key-id' | 'tampered' | 'malformed';

/** A ciphertext that cannot be trusted: wrong key id, altered bytes, or moved to another record. */
export class TokenVaultError extends Error {
  override readonly name = 'TokenVaultError';
  constructor(
    readonly reason: VaultFailureReason,
    message: string,
  ) {
    super(message);
  }
}

export type SessionEndReason =
  'refresh-token-rejected' | 'refreshed-token-rejected' | 'tokens-missing' | 'session-expired';

/** Stable prefix so the end of a session is recognisable even after jsforce re-wraps the error. */
export const SESSION_ENDED_MESSAGE_PREFIX = 'Salesforce session ended';

/** The user must log in again; carries the hint the GraphQL error shows. */
export class SessionEndedError extends Error {
  override readonly name = 'SessionEndedError';
  readonly code = 'UNAUTHENTICATED';
  constructor(
    readonly reason: SessionEndReason,
    readonly loginPath = '/auth/salesforce/login',
  ) {
    super(`${SESSION_ENDED_MESSAGE_PREFIX} (${reason}); log in again at ${loginPath}`);
  }
}

/**
 * jsforce replaces a refresh failure with `new Error('Unable to refresh session due to: ' + message)`
 * (lib/session-refresh-delegate.js), losing the class; this recovers it from the message.
 */
export function asSessionEndedError(err: unknown): SessionEndedError | undefined {
  if (err instanceof SessionEndedError) return err;
  if (!(err instanceof Error) || !err.message.includes(SESSION_ENDED_MESSAGE_PREFIX))
    return undefined;
  const match = /\(([a-z-]+)\)/.exec(
    err.message.slice(err.message.indexOf(SESSION_ENDED_MESSAGE_PREFIX)),
  );
  const reasons: readonly SessionEndReason[] = [
    'refresh-token-rejected',
    'refreshed-token-rejected',
    'tokens-missing',
    'session-expired',
  ];
  const reason = reasons.find((r) => r === match?.[1]) ?? 'refresh-token-rejected';
  return new SessionEndedError(reason);
}

export type LoginFailureReason =
  | 'flow-cookie-missing'
  | 'flow-cookie-invalid'
  | 'flow-expired'
  | 'authorization-denied'
  | 'token-exchange-failed'
  | 'identity-invalid';

/** The login callback could not be completed; the user starts over, nothing is stored. */
export class LoginFlowError extends Error {
  override readonly name = 'LoginFlowError';
  constructor(
    readonly reason: LoginFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** Presented credentials (API key, bearer) that match nothing; never falls back to anonymous. */
export class InvalidCredentialsError extends Error {
  override readonly name = 'InvalidCredentialsError';
  readonly code = 'UNAUTHENTICATED';
}

/** A refresh failed for a reason other than the refresh token being dead (network, 5xx). */
export class TokenRefreshError extends Error {
  override readonly name = 'TokenRefreshError';
}

/** Auth configuration that cannot work (bad key material, malformed API key list). */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}
