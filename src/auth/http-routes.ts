import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { LoginFlowError } from './auth-errors';
import {
  LOGIN_FLOW_COOKIE,
  SESSION_COOKIE,
  clearCookie,
  isInsecureLocalUrl,
  parseCookies,
  serializeCookie,
} from './cookies';
import { sessionIdFrom } from './request-credentials';
import type { SalesforceLogin } from './salesforce-oidc';
import type { SessionStore } from './sessions';

export interface AuthRoutesDeps {
  login: SalesforceLogin;
  sessions: SessionStore;
  /** The gateway's public base URL; http://localhost or 127.0.0.1 relaxes the Secure flag. */
  gatewayUrl: string;
  /** Registered callback URL; the callback is rebuilt on it so proxies cannot skew redirect_uri. */
  redirectUri: string;
  logger: Logger;
  /** Where a browser lands after login. Default `/`. */
  afterLoginPath?: string;
}

export const LOGIN_PATH = '/auth/salesforce/login';
/** `GET /auth/salesforce/login?return=/dashboard`: where the browser lands after the callback. */
export const RETURN_PARAM = 'return';
const RETURN_COOKIE = 'atom_login_return';
/**
 * Only a path of this gateway: no scheme, no host, no `//` (a protocol-relative URL), no
 * backslash (browsers read `/\evil` as `//evil`), no query or fragment. Anything else is an
 * open redirect and is ignored.
 */
const LOCAL_PATH = /^\/(?![/\\])[A-Za-z0-9/_.-]*$/;

export function localReturnPath(value: string | null | undefined): string | undefined {
  return value && value.length <= 200 && LOCAL_PATH.test(value) ? value : undefined;
}
export const CALLBACK_PATH = '/auth/salesforce/callback';
export const LOGOUT_PATH = '/auth/logout';
const FLOW_COOKIE_PATH = '/auth/salesforce';

export type AuthRouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * Framework-free handler for the three auth routes; resolves true when it answered the
 * request, false when the path is not an auth route (the server carries on).
 */
export function createAuthRouteHandler(deps: AuthRoutesDeps): AuthRouteHandler {
  const secure = !isInsecureLocalUrl(deps.gatewayUrl);

  const routes: Record<
    string,
    { method: string; run: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> }
  > = {
    [LOGIN_PATH]: {
      method: 'GET',
      run: async (_req, res, url) => {
        const started = await deps.login.startLogin();
        const cookie = { maxAge: started.flowMaxAgeMs / 1000, path: FLOW_COOKIE_PATH, secure };
        const returnPath = localReturnPath(url.searchParams.get(RETURN_PARAM));
        res.statusCode = 302;
        res.setHeader('Location', started.url.href);
        res.setHeader('Set-Cookie', [
          serializeCookie(LOGIN_FLOW_COOKIE, started.flowCookieValue, cookie),
          // A new login without `return` must not inherit an older one's.
          returnPath
            ? serializeCookie(RETURN_COOKIE, returnPath, cookie)
            : clearCookie(RETURN_COOKIE, FLOW_COOKIE_PATH, secure),
        ]);
        res.setHeader('Cache-Control', 'no-store');
        res.end();
      },
    },
    [CALLBACK_PATH]: {
      method: 'GET',
      run: async (req, res, url) => {
        const wantsToken = url.searchParams.get('format') === 'token' || acceptsJson(req);
        const callbackUrl = new URL(deps.redirectUri);
        for (const [name, value] of url.searchParams)
          if (name !== 'format') callbackUrl.searchParams.append(name, value);
        const cookies = parseCookies(req.headers.cookie);
        const flowCookie = cookies.get(LOGIN_FLOW_COOKIE);
        // Checked again: the cookie came back from the browser.
        const returnPath = localReturnPath(cookies.get(RETURN_COOKIE));
        const clearFlow = [
          clearCookie(LOGIN_FLOW_COOKIE, FLOW_COOKIE_PATH, secure),
          clearCookie(RETURN_COOKIE, FLOW_COOKIE_PATH, secure),
        ];
        res.setHeader('Cache-Control', 'no-store');
        try {
          const session = await deps.login.finishLogin(callbackUrl, flowCookie);
          if (wantsToken) {
            res.setHeader('Set-Cookie', clearFlow);
            sendJson(res, 200, {
              token: session.id,
              expiresAt: new Date(session.record.expiresAt).toISOString(),
            });
            return;
          }
          const maxAge = (session.record.expiresAt - session.record.createdAt) / 1000;
          res.setHeader('Set-Cookie', [
            ...clearFlow,
            serializeCookie(SESSION_COOKIE, session.id, { maxAge, path: '/', secure }),
          ]);
          res.statusCode = 302;
          res.setHeader('Location', returnPath ?? deps.afterLoginPath ?? '/');
          res.end();
        } catch (err) {
          if (!(err instanceof LoginFlowError)) throw err;
          res.setHeader('Set-Cookie', clearFlow);
          sendJson(res, 400, { error: err.reason, message: err.message, login: LOGIN_PATH });
        }
      },
    },
    [LOGOUT_PATH]: {
      method: 'POST',
      run: async (req, res) => {
        const sessionId = sessionIdFrom(req.headers);
        const session = sessionId ? await deps.sessions.get(sessionId) : undefined;
        if (session) await deps.login.logout(session);
        res.setHeader('Set-Cookie', clearCookie(SESSION_COOKIE, '/', secure));
        res.setHeader('Cache-Control', 'no-store');
        res.statusCode = 204;
        res.end();
      },
    },
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const route = routes[url.pathname];
    if (!route) return false;
    if (req.method !== route.method) {
      res.setHeader('Allow', route.method);
      sendJson(res, 405, { error: 'method-not-allowed' });
      return true;
    }
    try {
      await route.run(req, res, url);
    } catch (err) {
      deps.logger.error(
        {
          event: 'auth.route-failed',
          path: url.pathname,
          error: err instanceof Error ? err.name : typeof err,
        },
        'auth route failed',
      );
      if (!res.headersSent) sendJson(res, 502, { error: 'auth-upstream-failed' });
      else res.end();
    }
    return true;
  };
}

function acceptsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
