/**
 * `AUTH_MODE=user` login as an API client does it, without a browser: the gateway's login
 * redirect, the emulator's non-interactive approval (`emulator_auto_approve`), the callback
 * answering `{token}` to `accept: application/json`. Cookies are kept per origin, as a
 * browser would (the gateway's login flow cookie).
 */
const LOGIN_PATH = '/auth/salesforce/login';

export async function userBearerToken(
  gatewayOrigin: string,
  user: { username: string; password: string },
): Promise<string> {
  const jars = new Map<string, Map<string, string>>();
  let url = new URL(`${gatewayOrigin}${LOGIN_PATH}`);
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.pathname === '/services/oauth2/authorize') {
      url.searchParams.set('emulator_auto_approve', '1');
      url.searchParams.set('username', user.username);
      url.searchParams.set('password', user.password);
    }
    const jar = jars.get(url.origin) ?? new Map<string, string>();
    jars.set(url.origin, jar);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    const body = (await response.json()) as { token?: unknown };
    if (response.status !== 200 || typeof body.token !== 'string') {
      throw new Error(`login ended with ${response.status} ${JSON.stringify(body)}`);
    }
    return body.token;
  }
  throw new Error('login: too many redirects');
}
