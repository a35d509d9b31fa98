import {
  createHash,
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/** The emulator's RS256 key: signs id_tokens, published at `/id/keys`. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

export interface PublicJwk {
  kty: string;
  n: string;
  e: string;
  kid: string;
  use: 'sig';
  alg: 'RS256';
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomBytes(6).toString('hex'), privateKey, publicKey };
}

export function signJwt(claims: Record<string, unknown>, key: SigningKey): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  const signingInput = `${encodeSegment(header)}.${encodeSegment(claims)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** Splits a compact JWS without trusting it; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = parseSegment(headerPart);
  const payload = parseSegment(payloadPart);
  if (!header || !payload) return undefined;
  return {
    header,
    payload,
    signingInput: `${headerPart}.${payloadPart}`,
    signature: Buffer.from(signaturePart, 'base64url'),
  };
}

/** The payload when the token is an RS256 JWS signed by `publicKey`, else undefined. */
export function verifyRs256(
  token: string,
  publicKey: KeyObject,
): Record<string, unknown> | undefined {
  const decoded = decodeJwt(token);
  if (!decoded || decoded.header['alg'] !== 'RS256') return undefined;
  const ok = createVerify('RSA-SHA256')
    .update(decoded.signingInput)
    .verify(publicKey, decoded.signature);
  return ok ? decoded.payload : undefined;
}

export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem);
}

export function publicJwk(key: SigningKey): PublicJwk {
  const jwk = key.publicKey.export({ format: 'jwk' });
  if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') {
    throw new Error('signing key is not an RSA key');
  }
  return { kty: 'RSA', n: jwk.n, e: jwk.e, kid: key.kid, use: 'sig', alg: 'RS256' };
}

/** OIDC `at_hash`: the left half of SHA-256 of the access token, base64url. */
export function accessTokenHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken).digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

function encodeSegment(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function parseSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
