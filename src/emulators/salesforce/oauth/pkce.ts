import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * Checks a token request's `code_verifier` against what the authorize request registered.
 * Salesforce supports only S256; a verifier without a registered challenge (or the reverse)
 * fails, since either means the two requests did not come from the same client. No upper
 * length bound: jsforce sends 171-character verifiers, which Salesforce accepts.
 */
export function verifyPkce(verifier: string | undefined, challenge: string | undefined): boolean {
  if (challenge === undefined) return verifier === undefined;
  if (verifier === undefined || !/^[A-Za-z0-9\-._~]{43,}$/.test(verifier)) return false;
  const expected = Buffer.from(challenge);
  const actual = Buffer.from(s256Challenge(verifier));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
