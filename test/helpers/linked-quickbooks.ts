import type QuickBooks from 'node-quickbooks';
import {
  DEMO_QUICKBOOKS,
  generateQuickBooksSeed,
  type Invoice as QboInvoice,
  type RunningQuickBooksEmulator,
} from '../../src/emulators/quickbooks';
import type { TestGateway } from './gateway';
import { call, connectQuickBooks } from './quickbooks-target';

/** The QuickBooks emulator a test gateway started (`startTestGateway({ linked })`). */
export interface GatewayQuickBooks {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  adminUrl: string;
  admin(path: string, body?: unknown): Promise<Record<string, unknown>>;
  stats(): Promise<{
    total: number;
    byEndpoint: Record<string, number>;
    oauth: Record<string, number>;
  }>;
  resetStats(): Promise<void>;
  faults(body: Record<string, unknown>): Promise<void>;
  /** node-quickbooks, unmodified, with its own access token: the tests' view of the company. */
  sdk(): Promise<QuickBooks>;
}

export function gatewayQuickBooks(gw: TestGateway): GatewayQuickBooks {
  const emulator = gw.linked?.emulators.find((e) => e.service === 'quickbooks');
  if (!emulator) throw new Error('the test gateway was started without the linked emulators');
  const origin = new URL(emulator.adminUrl).origin;
  const admin = async (path: string, body?: unknown) => {
    const response = await fetch(`${origin}/__emulator/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  let sdk: Promise<QuickBooks> | undefined;
  return {
    origin,
    adminUrl: emulator.adminUrl,
    admin,
    stats: async () =>
      (await admin('stats')) as unknown as Awaited<ReturnType<GatewayQuickBooks['stats']>>,
    resetStats: async () => {
      await admin('stats/reset', {});
    },
    faults: async (body) => {
      await admin('faults', body);
    },
    sdk: () =>
      (sdk ??= connectQuickBooks({
        endpoint: emulator.url,
        tokenUrl: `${origin}/oauth2/v1/tokens/bearer`,
        realmId: DEMO_QUICKBOOKS.realmId,
      } as RunningQuickBooksEmulator)),
  };
}

/** Every invoice of one customer, read through node-quickbooks (not through the gateway). */
export async function sdkInvoicesOf(qbo: QuickBooks, customerId: string): Promise<QboInvoice[]> {
  const page = await call<{ QueryResponse: { Invoice?: QboInvoice[] } }>((cb) =>
    qbo.findInvoices({ CustomerRef: customerId, limit: 1000 } as never, cb as never),
  );
  return page.QueryResponse.Invoice ?? [];
}

/** How each Salesforce seed account links to QuickBooks (scale 1, as the test gateway seeds). */
export function seedLinks(): Map<
  string,
  { kind: 'id' | 'displayName' | 'none'; customerId: string | null }
> {
  const seed = generateQuickBooksSeed({ salesforce: { scale: 1 } });
  return new Map(seed.links.map((l) => [l.accountId, { kind: l.kind, customerId: l.customerId }]));
}

/** The status rule of the contract, written again here so the gateway's is checked against it. */
export function expectedStatus(invoice: QboInvoice, today: string): string {
  const note = (invoice as { PrivateNote?: string }).PrivateNote ?? '';
  if (invoice.TotalAmt === 0 && invoice.Balance === 0 && note.startsWith('Voided')) return 'VOIDED';
  if (invoice.Balance === 0) return 'PAID';
  if (invoice.DueDate < today) return 'OVERDUE';
  return 'OPEN';
}
