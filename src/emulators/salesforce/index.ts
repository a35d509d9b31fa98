import { createServer } from 'node:http';
import { startHttpServer, stopHttpServer } from '../http-kit/http-server';
import type { EmulatorContext } from './emulator-context';
import { resolveEmulatorOptions, type SalesforceEmulatorOptions } from './emulator-options';
import { ApiUsage, type EmulatorStats } from './http/api-usage';
import { RequestLog } from './http/request-log';
import { createRequestListener } from './http/emulator-server';
import { Outage } from '../http-kit/outage';
import { QueryLocatorStore } from './http/query-locator-store';
import { createSigningKey, publicKeyFromPem } from './oauth/jwt';
import { SessionStore } from './oauth/session-store';
import { createSeededStore, type OrgStore } from './store';
import { createChangeDataCapture } from './cdc';

export { DEMO_OAUTH_CLIENT, type SalesforceEmulatorOptions } from './emulator-options';
export type { EmulatorStats, FaultSettings } from './http/api-usage';

export interface RunningSalesforceEmulator {
  /** `http://127.0.0.1:PORT`: both the login URL and the instance URL. */
  url: string;
  port: number;
  store: OrgStore;
  stats(): EmulatorStats;
  stop(): Promise<void>;
}

/** Starts the emulated org on loopback: REST, SOAP convertLead, OAuth/OIDC and `/__emulator/`. */
export async function startSalesforceEmulator(
  options: SalesforceEmulatorOptions = {},
): Promise<RunningSalesforceEmulator> {
  const resolved = resolveEmulatorOptions(options);
  const store = createSeededStore({
    scale: resolved.scale,
    seed: resolved.seed,
    baseDate: resolved.seedBaseDate,
    clock: resolved.clock,
  });
  let baseUrl = '';
  const sessions = new SessionStore({
    clock: resolved.clock,
    accessTokenTtlSeconds: resolved.accessTokenTtlSeconds,
    tokenPrefix: store.orgId.slice(0, 15),
  });
  const cdc = createChangeDataCapture({
    store,
    clock: resolved.clock,
    apiVersion: resolved.apiVersion,
    ...resolved.cdc,
    authenticate: (token) => {
      const session = sessions.findSession(token);
      return session ? store.userById(session.userId) : undefined;
    },
  });
  const ctx: EmulatorContext = {
    store,
    options: resolved,
    sessions,
    cdc,
    // Events committed while offline must wait for the subscriber's next long-poll, not go
    // into a connection whose socket was just destroyed.
    outage: new Outage({ onBegin: () => cdc.detachConnections() }),
    usage: new ApiUsage({
      dailyApiLimit: resolved.dailyApiLimit,
      latencyMs: resolved.latencyMs,
      clock: resolved.clock,
    }),
    locators: new QueryLocatorStore({ clock: resolved.clock }),
    requests: new RequestLog(),
    signingKey: createSigningKey(),
    jwtPublicKey: resolved.jwtPublicKeyPem ? publicKeyFromPem(resolved.jwtPublicKeyPem) : undefined,
    baseUrl: () => baseUrl,
  };
  // Node answers 431 itself above its 16 KiB header limit; raise it well past the longest
  // SOQL statement (100,000 characters, percent-encoded) so the emulator can answer an
  // over-long URI with Salesforce's 414.
  const server = createServer({ maxHeaderSize: 1024 * 1024 }, createRequestListener(ctx));
  // CometD is long-polling only, as Salesforce's CDC endpoint is for jsforce.
  server.on('upgrade', (req, socket) => {
    if (ctx.outage.refuseSocket(socket)) return;
    if (!cdc.rejectUpgrade(req, socket)) socket.destroy();
  });
  const { url, port } = await startHttpServer(server, resolved.port, resolved.host);
  baseUrl = url;
  return {
    url: baseUrl,
    port,
    store,
    stats: () => ctx.usage.stats(),
    stop: async () => {
      await cdc.close();
      await stopHttpServer(server);
    },
  };
}
