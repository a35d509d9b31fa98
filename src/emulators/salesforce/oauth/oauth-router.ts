import type { HttpReply } from '../http/http-io';
import { handleAuthorizeRequest } from './authorize-endpoint';
import {
  handleDiscovery,
  handleIdentity,
  handleJwks,
  handleRevoke,
  handleUserInfo,
} from './identity-endpoints';
import type { OAuthRequest } from './oauth-request';
import { handleTokenRequest } from './token-endpoint';

/** The OAuth/OIDC endpoints; undefined for any other path. */
export function routeOAuth(path: string, req: OAuthRequest): HttpReply | undefined {
  switch (path) {
    case '/services/oauth2/token':
      return handleTokenRequest(req);
    case '/services/oauth2/authorize':
      return handleAuthorizeRequest(req);
    case '/services/oauth2/revoke':
      return handleRevoke(req);
    case '/services/oauth2/userinfo':
      return handleUserInfo(req);
    case '/.well-known/openid-configuration':
      return handleDiscovery(req);
    case '/id/keys':
      return handleJwks(req);
  }
  const identity = /^\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/.exec(path);
  if (identity) return handleIdentity(req, identity[1] as string, identity[2] as string);
  return undefined;
}
