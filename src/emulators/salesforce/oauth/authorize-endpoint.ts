import type { EmulatorContext } from '../emulator-context';
import { escapeHtml, HTML_CONTENT_TYPE, parseForm, type HttpReply } from '../http/http-io';
import type { EmulatorUser } from '../model/types';
import type { OAuthRequest } from './oauth-request';

/** The authorize parameters carried from the GET through the login form's POST. */
const CARRIED_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
  'nonce',
];

const DEFAULT_SCOPE = 'api refresh_token';

/**
 * GET/POST /services/oauth2/authorize. GET shows a login-and-allow page; its form POSTs back.
 * `emulator_auto_approve=1` with `username` (or `login_hint`) and `password` logs in without the
 * page so tests can follow the redirect. A bad client or redirect URI is a 400 page: Salesforce
 * never redirects to an unregistered URI.
 */
export function handleAuthorizeRequest(req: OAuthRequest): HttpReply {
  const params = req.method === 'POST' ? parseForm(req.body) : req.query;
  const { ctx } = req;
  if (params.get('client_id') !== ctx.options.clientId) {
    return page(400, 'error=invalid_client_id', '<p>client identifier invalid</p>');
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!ctx.options.redirectUris.includes(redirectUri)) {
    return page(400, 'error=redirect_uri_mismatch', '<p>redirect_uri must match configuration</p>');
  }
  const state = params.get('state');
  if (params.get('response_type') !== 'code') {
    return redirect(redirectUri, {
      error: 'unsupported_response_type',
      error_description: 'response type not supported',
      state,
    });
  }
  const method = params.get('code_challenge_method');
  if (method !== null && method !== 'S256') {
    return redirect(redirectUri, {
      error: 'invalid_request',
      error_description: 'invalid code challenge method',
      state,
    });
  }
  if (params.get('emulator_action') === 'deny') {
    return redirect(redirectUri, {
      error: 'access_denied',
      error_description: 'end-user denied authorization',
      state,
    });
  }
  const interactivePost = req.method === 'POST';
  if (interactivePost || params.get('emulator_auto_approve') === '1') {
    const user = login(
      ctx,
      params.get('username') ?? params.get('login_hint') ?? '',
      params.get('password') ?? '',
    );
    if (!user)
      return loginPage(
        params,
        interactivePost ? 200 : 401,
        'Please check your username and password.',
      );
    const code = ctx.sessions.issueCode({
      userId: user.Id,
      clientId: ctx.options.clientId,
      redirectUri,
      scope: params.get('scope')?.trim() || DEFAULT_SCOPE,
      codeChallenge: params.get('code_challenge') ?? undefined,
      nonce: params.get('nonce') ?? undefined,
    });
    return redirect(redirectUri, { code, state });
  }
  return loginPage(params, 200, undefined);
}

function login(ctx: EmulatorContext, username: string, password: string): EmulatorUser | undefined {
  const user = ctx.store.userByUsername(username);
  return user && user.IsActive && user.password === password ? user : undefined;
}

function redirect(redirectUri: string, params: Record<string, string | null>): HttpReply {
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null) target.searchParams.set(key, value);
  }
  return { status: 302, headers: { Location: target.toString(), 'Cache-Control': 'no-store' } };
}

function loginPage(params: URLSearchParams, status: number, error: string | undefined): HttpReply {
  const hidden = CARRIED_PARAMS.filter((name) => params.get(name) !== null)
    .map(
      (name) =>
        `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? '')}">`,
    )
    .join('\n      ');
  const username = escapeHtml(params.get('username') ?? params.get('login_hint') ?? '');
  const body = `
    <p>The application <strong>${escapeHtml(params.get('client_id') ?? '')}</strong> asks to access your
    emulated Salesforce org (scope: ${escapeHtml(params.get('scope') ?? DEFAULT_SCOPE)}).</p>
    ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
    <form method="post" action="/services/oauth2/authorize">
      ${hidden}
      <label>Username <input name="username" value="${username}" autocomplete="username"></label>
      <label>Password <input name="password" type="password" autocomplete="current-password"></label>
      <button type="submit">Log In and Allow</button>
      <button type="submit" name="emulator_action" value="deny">Deny</button>
    </form>`;
  return page(status, 'Login | Salesforce emulator', body);
}

function page(status: number, title: string, body: string): HttpReply {
  return {
    status,
    headers: { 'Content-Type': HTML_CONTENT_TYPE, 'Cache-Control': 'no-store' },
    body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`,
  };
}
