import { randomBytes } from 'node:crypto';
import { LoginFlowError } from './auth-errors';
import { deriveKeyring, parseEncryptionKeys } from './encryption-keys';
import { openFlowState, sealFlowState } from './login-flow-state';
import { seal } from './token-cipher';

const keyring = deriveKeyring(
  parseEncryptionKeys(`k1:${randomBytes(32).toString('base64')}`),
  'login-flow',
);
const flow = { state: 'st', nonce: 'no', codeVerifier: 'cv', createdAt: 1_000_000 };

describe('login flow state', () => {
  it('round-trips and hides its contents', () => {
    const sealed = sealFlowState(flow, keyring);
    expect(sealed).not.toContain('cv');
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
