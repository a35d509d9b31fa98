import { LoginFlowError, TokenVaultError } from './auth-errors';
import type { Keyring } from './encryption-keys';
import { open, seal } from './token-cipher';

/** What the browser carries between /login and /callback, sealed so it can neither read nor forge it. */
export interface LoginFlowState {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch ms. */
  createdAt: number;
}

const AAD = 'login-flow';

export function sealFlowState(flow: LoginFlowState, keyring: Keyring): string {
  return seal(JSON.stringify(flow), AAD, keyring);
}

export function openFlowState(
  sealed: string | undefined,
  keyring: Keyring,
  maxAgeMs: number,
  now: number = Date.now(),
): LoginFlowState {
  if (!sealed)
    throw new LoginFlowError(
      'flow-cookie-missing',
      'login flow cookie is missing; start the login again',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(open(sealed, AAD, keyring).plaintext);
  } catch (err) {
    if (err instanceof TokenVaultError || err instanceof SyntaxError) {
      throw new LoginFlowError(
        'flow-cookie-invalid',
        'login flow cookie is invalid; start the login again',
      );
    }
    throw err;
  }
  if (!isFlowState(parsed)) {
    throw new LoginFlowError(
      'flow-cookie-invalid',
      'login flow cookie is invalid; start the login again',
    );
  }
  if (now - parsed.createdAt > maxAgeMs || parsed.createdAt > now + 60_000) {
    throw new LoginFlowError('flow-expired', 'login took too long; start the login again');
  }
  return parsed;
}

function isFlowState(value: unknown): value is LoginFlowState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.state === 'string' &&
    typeof v.nonce === 'string' &&
    typeof v.codeVerifier === 'string' &&
    typeof v.createdAt === 'number'
  );
}
