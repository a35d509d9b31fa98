import { createServer, type AddressInfo } from 'node:net';

/**
 * A loopback port free right now, for what must know its port before it starts: a user-mode
 * gateway's callback URL, a Redis server of the test's own.
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
