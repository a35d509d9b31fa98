import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { RETURN_PARAM } from '../../auth/http-routes';
import type { AuthMode } from '../../config';
import type { Route } from '../routes';
import { dashboardAssets, type DashboardAsset } from './dashboard-assets';
import { DASHBOARD_CONTENT_SECURITY_POLICY } from './dashboard-csp';
import { DASHBOARD_OPERATIONS, type DashboardOperations } from './dashboard-operations';

/** What the page needs to know before it can sign in: read from /dashboard/config.json. */
export interface DashboardConfig {
  authMode: AuthMode;
  graphqlPath: string;
  /**
   * Where a browser starts the Salesforce login (user mode only): on the gateway's public
   * URL, the host the session cookie is set for.
   */
  loginUrl: string | undefined;
  /** The documents the page sends, exactly as TRUSTED_DOCUMENTS=allow-list lists them. */
  operations: DashboardOperations;
}

const ALLOWED = 'GET, HEAD';

/** The login brings the browser back to the dashboard, not to `/`. */
function withReturn(loginUrl: string, path: string): string {
  const url = new URL(loginUrl);
  url.searchParams.set(RETURN_PARAM, path);
  return url.href;
}

function methodNotAllowed(res: ServerResponse): void {
  res.writeHead(405, { allow: ALLOWED, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: 'Method not allowed', allow: ALLOWED }));
}

function send(res: ServerResponse, method: string, contentType: string, body: Buffer): void {
  // The edge set the strict policy; the dashboard's own replaces it, the other headers stay.
  res.setHeader('content-security-policy', DASHBOARD_CONTENT_SECURITY_POLICY);
  res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  res.end(method === 'HEAD' ? undefined : body);
}

function readable(method: string | undefined): method is 'GET' | 'HEAD' {
  return method === 'GET' || method === 'HEAD';
}

/**
 * The live pipeline dashboard: a static page that reads the gateway through /graphql and
 * graphql-ws like any other client, with the viewer's own credentials. Files are read once,
 * on first request, and kept (they change only with a deploy).
 */
export function dashboardRoutes(): Route[] {
  const cache = new Map<string, Promise<Buffer>>();
  const load = (asset: DashboardAsset): Promise<Buffer> => {
    let body = cache.get(asset.path);
    if (body === undefined) {
      body = readFile(asset.file);
      // A failed read is not kept: the next request tries again.
      body.catch(() => cache.delete(asset.path));
      cache.set(asset.path, body);
    }
    return body;
  };
  const assetRoutes = dashboardAssets().map((asset): Route => ({
    path: asset.path,
    handle: async (req, res) => {
      if (!readable(req.method)) return methodNotAllowed(res);
      send(res, req.method, asset.contentType, await load(asset));
    },
  }));
  const config: Route = {
    path: '/dashboard/config.json',
    handle: (req, res, auth) => {
      if (!readable(req.method)) return methodNotAllowed(res);
      const body: DashboardConfig = {
        authMode: auth.mode,
        graphqlPath: '/graphql',
        loginUrl: auth.loginUrl && withReturn(auth.loginUrl, '/dashboard'),
        operations: DASHBOARD_OPERATIONS,
      };
      send(res, req.method, 'application/json; charset=utf-8', Buffer.from(JSON.stringify(body)));
    },
  };
  // The page's asset URLs are absolute, but a typed trailing slash should still find it.
  const slash: Route = {
    path: '/dashboard/',
    handle: (req, res) => {
      if (!readable(req.method)) return methodNotAllowed(res);
      res.writeHead(308, { location: '/dashboard' });
      res.end();
    },
  };
  return [...assetRoutes, config, slash];
}
