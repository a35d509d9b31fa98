/**
 * The secret key of a request: `Authorization: Bearer sk_...` (stripe-node) or Basic auth
 * with the key as user name (`curl -u sk_...:`), as Stripe accepts both.
 */
export function apiKeyOf(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)\s*$/i.exec(authorization);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
  const user = decoded.split(':')[0];
  return user === '' ? undefined : user;
}
