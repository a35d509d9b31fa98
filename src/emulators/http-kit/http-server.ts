import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  /** `http://HOST:PORT`, an IPv6 host in brackets. */
  url: string;
  port: number;
}

/** Listens on `host:port` (0 picks a free port) and resolves once the socket is bound. */
export async function startHttpServer(
  server: Server,
  port: number,
  host: string,
): Promise<ListeningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`, port: bound };
}

/**
 * Closes the server and every open connection: the SDK clients keep sockets alive, and
 * without this `close` waits for their idle timeout.
 */
export function stopHttpServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
