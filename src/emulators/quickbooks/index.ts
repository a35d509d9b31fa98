import { createServer } from 'node:http';
import { startHttpServer, stopHttpServer } from '../http-kit/http-server';
import type { QuickBooksContext } from './emulator-context';
import { resolveQuickBooksOptions, type QuickBooksEmulatorOptions } from './emulator-options';
import { FaultState } from './http/fault-state';
import { createRequestListener } from './http/request-listener';
import type { CompanyData } from './model/entities';
import { REVOKE_PATH, TOKEN_PATH } from './oauth/token-endpoint';
import { TokenStore } from './oauth/token-store';
import { generateQuickBooksSeed, type QuickBooksSeed } from './seed/quickbooks-seed';
import { WebhookSender, type WebhookTarget } from '../http-kit/webhook-sender';
import { DEFAULT_SEED, SeededRandom } from '../seed';
import { QuickBooksEvents } from './webhooks/quickbooks-events';
import { signQuickBooksWebhook } from './webhooks/quickbooks-signature';

export { DEMO_QUICKBOOKS, type QuickBooksEmulatorOptions } from './emulator-options';
export type { CompanyData, Customer, Invoice } from './model/entities';
export { generateQuickBooksSeed, type LinkKind, type QuickBooksSeed } from './seed/quickbooks-seed';
export type { WebhookStatus, WebhookTarget } from '../http-kit/webhook-sender';
export { signQuickBooksWebhook } from './webhooks/quickbooks-signature';

export interface RunningQuickBooksEmulator {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  realmId: string;
  /** Base URL for node-quickbooks (`qbo.endpoint`): `${url}/v3/company/`. */
  endpoint: string;
  /** For intuit-oauth's `OAuthClient.tokenEndpoint` and node-quickbooks' `QuickBooks.TOKEN_URL`. */
  tokenUrl: string;
  revokeUrl: string;
  /** The seed as generated, with each account's link kind (for tests). */
  seed: QuickBooksSeed;
  /** Sends data change notifications to `target` from now on (undefined: stops sending). */
  configureWebhooks(target: WebhookTarget | undefined): void;
  /** Outgoing webhooks: target, counts, `idle()` once every queued notification is settled. */
  webhooks: WebhookSender;
  stop(): Promise<void>;
}

/** Starts the emulated QuickBooks Online company and Intuit token endpoint on loopback. */
export async function startQuickBooksEmulator(
  options: QuickBooksEmulatorOptions = {},
): Promise<RunningQuickBooksEmulator> {
  const resolved = resolveQuickBooksOptions(options);
  const seedOptions = { salesforce: resolved.salesforce, seed: resolved.seed, now: resolved.now };
  const seed = generateQuickBooksSeed(seedOptions);
  let data: CompanyData = structuredClone(seed);
  const tokens = new TokenStore({
    realmId: resolved.realmId,
    accessTokenTtlSeconds: resolved.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: resolved.refreshTokenTtlSeconds,
    rotateRefreshTokens: resolved.rotateRefreshTokens,
    initialRefreshToken: resolved.refreshToken,
    clock: resolved.clock,
  });
  const faults = new FaultState(resolved.latencyMs);
  const webhooks = new WebhookSender({
    sign: (rawBody, verifierToken) => signQuickBooksWebhook(rawBody, verifierToken),
    userAgent: 'Intuit-Webhooks',
  });
  webhooks.configure(resolved.webhooks);
  const ctx: QuickBooksContext = {
    options: resolved,
    tokens,
    faults,
    data: () => data,
    reset: () => {
      data = structuredClone(seed);
      tokens.reset();
      faults.resetAll();
    },
    webhooks,
    events: new QuickBooksEvents(webhooks, resolved.realmId),
    triggerRandom: new SeededRandom(((resolved.seed ?? DEFAULT_SEED) ^ 0x1b7) >>> 0),
    linkedCustomerIds: seed.links.flatMap((l) => (l.customerId === null ? [] : [l.customerId])),
  };
  const server = createServer(createRequestListener(ctx));
  const { url, port } = await startHttpServer(server, resolved.port, resolved.host);
  return {
    url,
    port,
    realmId: resolved.realmId,
    endpoint: `${url}/v3/company/`,
    tokenUrl: `${url}${TOKEN_PATH}`,
    revokeUrl: `${url}${REVOKE_PATH}`,
    seed,
    configureWebhooks: (target) => webhooks.configure(target),
    webhooks,
    stop: async () => {
      faults.cancelWaits();
      await webhooks.close();
      await stopHttpServer(server);
    },
  };
}
