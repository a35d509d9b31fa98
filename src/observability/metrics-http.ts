import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export type MetricsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time: hashing first makes both sides the same length whatever was sent. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

/** Answers a scrape with `registry`'s text exposition; a set `token` is required as a bearer. */
export function metricsHandler(registry: Registry, token: string | undefined): MetricsHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, {
        'www-authenticate': 'Bearer realm="metrics"',
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end('A bearer token is required for /metrics\n');
      return;
    }
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

export interface MetricsServerOptions {
  registry: Registry;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  token: string | undefined;
}

export interface RunningMetricsServer {
  /** `http://HOST:PORT/metrics` */
  url: string;
  stop(): Promise<void>;
}

/** The scrape endpoint on its own listener (loopback by default), `/metrics` only. */
export async function startMetricsServer(
  options: MetricsServerOptions,
): Promise<RunningMetricsServer> {
  const handle = metricsHandler(options.registry, options.token);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found: metrics are at /metrics\n');
      return;
    }
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `The metrics port ${options.host}:${options.port} is in use: set METRICS_PORT, or METRICS_ENABLED=false`,
            )
          : error,
      ),
    );
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/metrics`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Scrapers keep connections alive; nothing in flight here is worth waiting for.
        server.closeAllConnections();
      }),
  };
}
