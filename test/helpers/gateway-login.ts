/**
 * AUTH_MODE=user, the API-client login against the emulator: follow the redirects; the
 * callback answers JSON with the gateway's bearer token (also the session cookie's value).
 */
export async function gatewaySessionToken(
  gatewayOrigin: string,
  username: string,
  password: string,
): Promise<string> {
  const jar = new Map<string, string>();
  let url = `${gatewayOrigin}/auth/salesforce/login`;
  for (let hop = 0; hop < 10; hop += 1) {
    const target = new URL(url);
    if (target.pathname === '/services/oauth2/authorize') {
      target.searchParams.set('emulator_auto_approve', '1');
      target.searchParams.set('username', username);
      target.searchParams.set('password', password);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (target.origin === gatewayOrigin && jar.size > 0) {
      headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const response = await fetch(target, { headers, redirect: 'manual' });
    if (target.origin === gatewayOrigin) {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, target).href;
      continue;
    }
    const body = (await response.json()) as { token?: string };
    if (!body.token) throw new Error(`login failed: ${JSON.stringify(body)}`);
    return body.token;
  }
  throw new Error('too many redirects');
}
