import type { Connection } from 'jsforce';
import { directConnection, queryAll } from '../helpers/salesforce-direct';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway';

type Service = 'stripe' | 'zendesk' | 'quickbooks';
interface MoneyView {
  amount: number;
  currency: string;
}
interface Customer360View {
  health: 'HEALTHY' | 'WATCH' | 'AT_RISK';
  lifetimePayments: MoneyView;
  lifetimePaymentsByCurrency: MoneyView[];
  lastPaymentAt: string | null;
  openInvoiceBalance: MoneyView;
  overdueInvoiceCount: number;
  openTicketCount: number;
  urgentTicketCount: number;
  openPipelineAmount: number;
  wonAmount: number;
  unavailableServices: string[];
}
interface AccountView {
  id: string;
  name: string;
  customer360: Customer360View;
  payments: {
    pageInfo: { hasNextPage: boolean };
    nodes: Array<{ status: string; amountReceived: MoneyView; created: string }>;
  };
  tickets: {
    pageInfo: { hasNextPage: boolean };
    nodes: Array<{ status: string; priority: string | null }>;
  };
  invoices: {
    pageInfo: { hasNextPage: boolean };
    nodes: Array<{ status: string; balance: MoneyView; dueDate: string | null }>;
  };
}
interface AccountsPage {
  accounts: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: AccountView[] };
}

const CUSTOMER360 = `customer360 {
  health lifetimePayments { amount currency } lifetimePaymentsByCurrency { amount currency }
  lastPaymentAt openInvoiceBalance { amount currency } overdueInvoiceCount openTicketCount
  urgentTicketCount openPipelineAmount wonAmount unavailableServices
}`;

const EVERYTHING = `query Everything($after: String) {
  accounts(first: 10, after: $after, orderBy: [{ field: NAME }]) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name
      ${CUSTOMER360}
      payments(first: 100) { pageInfo { hasNextPage } nodes { status amountReceived { amount currency } created } }
      tickets(first: 200) { pageInfo { hasNextPage } nodes { status priority } }
      invoices(first: 100) { pageInfo { hasNextPage } nodes { status balance { amount currency } dueDate } }
    }
  }
}`;

function emulatorAdmin(gw: TestGateway, service: Service): string {
  const emulator = gw.linked?.emulators.find((e) => e.service === service);
  if (!emulator) throw new Error(`${service} emulator not running`);
  return emulator.adminUrl.replace(/\/stats$/, '');
}

async function linkedCalls(gw: TestGateway): Promise<Record<Service, number>> {
  const read = async (service: Service) => {
    const response = await fetch(`${emulatorAdmin(gw, service)}/stats`);
    return ((await response.json()) as { total: number }).total;
  };
  const [stripe, zendesk, quickbooks] = await Promise.all([
    read('stripe'),
    read('zendesk'),
    read('quickbooks'),
  ]);
  return { stripe, zendesk, quickbooks };
}

async function resetLinkedStats(gw: TestGateway): Promise<void> {
  for (const service of ['stripe', 'zendesk', 'quickbooks'] as const) {
    const response = await fetch(`${emulatorAdmin(gw, service)}/stats/reset`, { method: 'POST' });
    expect(response.ok).toBe(true);
  }
}

async function setFaults(gw: TestGateway, service: Service, faults: object): Promise<void> {
  const response = await fetch(`${emulatorAdmin(gw, service)}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(response.ok).toBe(true);
}

async function allAccounts(gw: TestGateway): Promise<AccountView[]> {
  const out: AccountView[] = [];
  let after: string | null = null;
  for (;;) {
    const page: GraphQLResponse<AccountsPage> = await gw.graphql<AccountsPage>(EVERYTHING, {
      after,
    });
    expect(page.errors).toBeUndefined();
    const accounts = page.data?.accounts;
    if (!accounts) throw new Error('no accounts');
    out.push(...accounts.nodes);
    if (!accounts.pageInfo.hasNextPage) return out;
    after = accounts.pageInfo.endCursor;
  }
}

/** The rule of README "Customer360 rules", written again here as a plain reduction. */
function expectedFor(
  account: AccountView,
  opportunities: Array<Record<string, unknown>>,
  today: string,
) {
  const succeeded = account.payments.nodes.filter((p) => p.status === 'SUCCEEDED');
  const paid = new Map<string, number>();
  for (const p of succeeded) {
    paid.set(
      p.amountReceived.currency,
      (paid.get(p.amountReceived.currency) ?? 0) + p.amountReceived.amount,
    );
  }
  const open = account.tickets.nodes.filter((t) =>
    ['NEW', 'OPEN', 'PENDING', 'HOLD'].includes(t.status),
  );
  const urgent = open.filter((t) => t.priority === 'URGENT').length;
  const openInvoices = account.invoices.nodes.filter(
    (i) => i.status === 'OPEN' || i.status === 'OVERDUE',
  );
  const overdue = openInvoices.filter((i) => i.status === 'OVERDUE').length;
  const in7 = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const dueSoon = openInvoices.some(
    (i) => i.dueDate !== null && i.dueDate >= today && i.dueDate <= in7,
  );
  const health =
    overdue > 0 || urgent > 0 ? 'AT_RISK' : open.length > 0 || dueSoon ? 'WATCH' : 'HEALTHY';
  const sum = (rows: Array<Record<string, unknown>>) =>
    rows.reduce((total, row) => total + (typeof row.Amount === 'number' ? row.Amount : 0), 0);
  const latest =
    succeeded
      .map((p) => p.created)
      .sort()
      .at(-1) ?? null;
  return {
    health,
    openTicketCount: open.length,
    urgentTicketCount: urgent,
    overdueInvoiceCount: overdue,
    paid,
    openBalance: openInvoices.reduce((total, i) => total + i.balance.amount, 0),
    openPipeline: sum(opportunities.filter((o) => o.IsClosed === false)),
    won: sum(opportunities.filter((o) => o.IsWon === true)),
    lastPaymentAt: latest === null ? null : new Date(latest).toISOString(),
  };
}

describe('Account.customer360', () => {
  let gw: TestGateway;
  let sf: Connection;

  beforeAll(async () => {
    gw = await startTestGateway({ linked: {} });
    sf = await directConnection(gw.emulatorUrl);
  });

  it('rolls up every account as the documented rule says, and every health value occurs', async () => {
    const accounts = await allAccounts(gw);
    expect(accounts.length).toBeGreaterThan(50);
    const opportunities = await queryAll(
      sf,
      'SELECT AccountId, Amount, IsClosed, IsWon FROM Opportunity',
    );
    const today = new Date().toISOString().slice(0, 10);
    const healths = new Set<string>();
    for (const account of accounts) {
      // The reduction below sees every item: no connection was cut short.
      expect(account.payments.pageInfo.hasNextPage).toBe(false);
      expect(account.tickets.pageInfo.hasNextPage).toBe(false);
      expect(account.invoices.pageInfo.hasNextPage).toBe(false);
      const own = opportunities.filter((o) => o.AccountId === account.id);
      const expected = expectedFor(account, own, today);
      const c360 = account.customer360;
      expect({ id: account.id, health: c360.health }).toEqual({
        id: account.id,
        health: expected.health,
      });
      expect(c360.openTicketCount).toBe(expected.openTicketCount);
      expect(c360.urgentTicketCount).toBe(expected.urgentTicketCount);
      expect(c360.overdueInvoiceCount).toBe(expected.overdueInvoiceCount);
      expect(c360.openInvoiceBalance.amount).toBeCloseTo(expected.openBalance, 2);
      expect(c360.openPipelineAmount).toBeCloseTo(expected.openPipeline, 2);
      expect(c360.wonAmount).toBeCloseTo(expected.won, 2);
      expect(c360.lastPaymentAt).toBe(expected.lastPaymentAt);
      expect(c360.unavailableServices).toEqual([]);
      // Every currency once, each with its own total; the headline is one of them.
      expect(c360.lifetimePaymentsByCurrency).toHaveLength(expected.paid.size);
      for (const entry of c360.lifetimePaymentsByCurrency) {
        expect(entry.amount).toBeCloseTo(expected.paid.get(entry.currency) ?? Number.NaN, 2);
      }
      if (expected.paid.size > 0) {
        expect(c360.lifetimePayments.amount).toBeCloseTo(
          expected.paid.get(c360.lifetimePayments.currency) ?? Number.NaN,
          2,
        );
      } else {
        expect(c360.lifetimePayments.amount).toBe(0);
      }
      healths.add(c360.health);
    }
    expect([...healths].sort()).toEqual(['AT_RISK', 'HEALTHY', 'WATCH']);
    // The seed has accounts paying in several currencies: the headline is the main one.
    expect(accounts.some((a) => a.customer360.lifetimePaymentsByCurrency.length > 1)).toBe(true);
  });

  it('adds no linked-service call next to payments, tickets and invoices', async () => {
    const connections = `payments { nodes { id } } tickets { nodes { id } } invoices { nodes { id } }`;
    const run = async (selection: string) => {
      await resetLinkedStats(gw);
      await gw.resetEmulatorStats();
      const result = await gw.graphql(`{ accounts(first: 50) { nodes { id ${selection} } } }`);
      expect(result.errors).toBeUndefined();
      return { linked: await linkedCalls(gw), salesforce: (await gw.emulatorStats()).total };
    };
    const without = await run(connections);
    const withRollup = await run(`${connections} ${CUSTOMER360}`);
    expect(withRollup.linked).toEqual(without.linked);
    // Salesforce: the page, plus one GROUP BY query for the pipeline figures of all 50.
    expect(withRollup.salesforce).toBe(without.salesforce + 1);
    const pipelineOnly = await run('customer360 { openPipelineAmount wonAmount }');
    expect(pipelineOnly.linked).toEqual({ stripe: 0, zendesk: 0, quickbooks: 0 });
    expect(pipelineOnly.salesforce).toBe(2);
  });

  it('still answers when Stripe is down: other figures, the service listed, one error on its path', async () => {
    await setFaults(gw, 'stripe', { serverUnavailable: 1000 });
    try {
      const result = await gw.graphql<{
        accounts: {
          nodes: Array<{
            name: string;
            customer360: Customer360View;
            tickets: { nodes: unknown[] };
          }>;
        };
      }>(
        `{ accounts(first: 5, orderBy: [{ field: NAME }]) { nodes { name ${CUSTOMER360} tickets { nodes { id } } } } }`,
      );
      const nodes = result.data?.accounts.nodes ?? [];
      expect(nodes).toHaveLength(5);
      for (const node of nodes) {
        expect(node.customer360.unavailableServices).toEqual(['STRIPE']);
        expect(node.customer360.lifetimePayments.amount).toBe(0);
      }
      const errors = result.errors ?? [];
      expect(errors).toHaveLength(5);
      errors.forEach((error, index) => {
        expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', service: 'stripe' });
        expect((error as { path?: unknown[] }).path).toEqual([
          'accounts',
          'nodes',
          index,
          'customer360',
        ]);
      });
    } finally {
      await fetch(`${emulatorAdmin(gw, 'stripe')}/reset`, { method: 'POST' });
    }
  });

  it('lists every linked service as unavailable when none is running, and still answers the pipeline', async () => {
    const bare = await startTestGateway();
    const result = await bare.graphql<{
      accounts: { nodes: Array<{ customer360: Customer360View }> };
    }>(
      `{ accounts(first: 2) { nodes { customer360 { health openPipelineAmount unavailableServices } } } }`,
    );
    for (const node of result.data?.accounts.nodes ?? []) {
      expect(node.customer360.unavailableServices).toEqual(['STRIPE', 'ZENDESK', 'QUICKBOOKS']);
      expect(typeof node.customer360.openPipelineAmount).toBe('number');
    }
    expect(result.data?.accounts.nodes).toHaveLength(2);
    const services = (result.errors ?? []).map((e) => e.extensions?.service).sort();
    expect(services).toEqual([
      'quickbooks',
      'quickbooks',
      'stripe',
      'stripe',
      'zendesk',
      'zendesk',
    ]);
    for (const error of result.errors ?? [])
      expect(error.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
