import { randomBytes } from 'node:crypto';
import { LoginFlowError } from './auth-errors';
import { deriveKeyring, parseEncryptionKeys } from './encryption-keys';
import { openFlowState, sealFlowState } from './login-flow-state';
import { seal } from './token-cipher';

const keyring = deriveKeyring(
  parseEncryptionKeys(`k1:${randomBytes(32).toString('base64')}`),
  'login-flow',
);
// Values long enough that random ciphertext cannot contain them by chance.
const flow = {
  state: 'state-value-0123456789',
  nonce: 'nonce-value-0123456789',
  codeVerifier: 'verifier-value-0123456789',
  createdAt: 1_000_000,
};

describe('login flow state', () => {
  it('round-trips and hides its contents', () => {
    const sealed = sealFlowState(flow, keyring);
    for (const secret of [flow.state, flow.nonce, flow.codeVerifier]) {
      expect(sealed).not.toContain(secret);
      expect(sealed).not.toContain(Buffer.from(secret).toString('base64url'));
    }
    expect(openFlowState(sealed, keyring, 600_000, 1_000_500)).toEqual(flow);
  });

  it.each([
    ['missing', undefined, 'flow-cookie-missing'],
    ['forged', 'v1.k1.AAAA.AAAA.AAAA', 'flow-cookie-invalid'],
    ['not JSON', seal('not json', 'login-flow', keyring), 'flow-cookie-invalid'],
    ['wrong shape', seal('{"state":1}', 'login-flow', keyring), 'flow-cookie-invalid'],
  ])('rejects a %s cookie', (_label, sealed, reason) => {
    expect(() => openFlowState(sealed, keyring, 600_000, 1_000_500)).toThrow(
      expect.objectContaining({ name: 'LoginFlowError', reason }),
    );
  });

  it('rejects a flow older than its max age', () => {
    const sealed = sealFlowState(flow, keyring);
    expect(() => openFlowState(sealed, keyring, 600_000, 1_000_000 + 600_001)).toThrow(
      LoginFlowError,
    );
  });

  it('rejects a cookie sealed for another purpose', () => {
    const other = deriveKeyring(
      parseEncryptionKeys(`k1:${randomBytes(32).toString('base64')}`),
      'vault',
    );
    expect(() => openFlowState(sealFlowState(flow, other), keyring, 600_000, 1_000_500)).toThrow(
      expect.objectContaining({ reason: 'flow-cookie-invalid' }),
    );
  });
});
