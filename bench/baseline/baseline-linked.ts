import QuickBooks, {
  type QueryCriteria,
  type QueryResponse,
  type QuickBooksCallback,
} from 'node-quickbooks';
import { createClient, type ZendeskClient, type ZendeskClientOptions } from 'node-zendesk';
import Stripe from 'stripe';
import {
  customer360,
  invoiceCurrency,
  invoiceStatus,
  isLiveTicket,
  moneyFromMinor,
  moneyOf,
  paymentStatus,
  ticketStatus,
  type Customer360View,
  type InvoiceStatusView,
  type MoneyView,
  type PaymentStatusView,
  type RawInvoice,
  type RawPaymentIntent,
  type RawTicket,
  type TicketStatusView,
} from './baseline-linked-rules';

/*
 * The naive way to put Stripe, Zendesk and QuickBooks on an Account: each field of each
 * account finds its customer or organization and lists its items with the unmodified SDK,
 * one account at a time, nothing batched or shared (customer360 asks all three again).
 */

/** Where the three services are and how to log in: the same emulators the gateway uses. */
export interface BaselineLinkedTargets {
  stripe: { apiUrl: string; apiKey: string; accountMetadataKey: string };
  zendesk: { apiUrl: string; email: string; apiToken: string };
  quickbooks: {
    companyEndpoint: string;
    tokenUrl: string;
    realmId: string;
    clientId: string;
    clientSecret: string;
    refreshToken: string;
  };
  /** The Account fields that hold each service's id (ARCHITECTURE.md "Linking the services"). */
  linkFields: { stripeCustomer: string; zendeskOrganization: string; quickBooksCustomer: string };
}

export interface BaselineLinkedClients {
  stripe: Stripe;
  zendesk: ZendeskClient;
  quickbooks: QuickBooks;
  targets: BaselineLinkedTargets;
}

function callback<T>(invoke: (done: QuickBooksCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    invoke((err, data) => (err ? reject(new Error(JSON.stringify(err))) : resolve(data as T)));
  });
}

/** A query's rows of one entity: `{QueryResponse:{Invoice:[...]}}`, `{}` when there are none. */
function rows<T>(response: QueryResponse<T>, entity: string): T[] {
  const value = response.QueryResponse?.[entity];
  return Array.isArray(value) ? value : [];
}

export async function connectBaselineLinked(
  targets: BaselineLinkedTargets,
): Promise<BaselineLinkedClients> {
  const stripeUrl = new URL(targets.stripe.apiUrl);
  const stripe = new Stripe(targets.stripe.apiKey, {
    host: stripeUrl.hostname,
    port: Number(stripeUrl.port),
    protocol: stripeUrl.protocol === 'http:' ? 'http' : 'https',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  const zendesk = createClient({
    username: targets.zendesk.email,
    token: targets.zendesk.apiToken,
    endpointUri: targets.zendesk.apiUrl,
  } as ZendeskClientOptions);
  const qbo = targets.quickbooks;
  // node-quickbooks reads the token URL from a static; the gateway points it at the same place.
  QuickBooks.TOKEN_URL = qbo.tokenUrl;
  const quickbooks = new QuickBooks(
    qbo.clientId,
    qbo.clientSecret,
    '',
    false,
    qbo.realmId,
    true,
    false,
    '75',
    '2.0',
    qbo.refreshToken,
  );
  quickbooks.endpoint = qbo.companyEndpoint;
  await callback((done) => quickbooks.refreshAccessToken(done));
  return { stripe, zendesk, quickbooks, targets };
}

/** The Account values the links need (selected with the page). */
export interface LinkedAccountRecord {
  id: string;
  name: string;
  stripeCustomerId: string | null;
  zendeskOrganizationId: string | null;
  quickBooksCustomerId: string | null;
}

interface PaymentView {
  id: string;
  amount: MoneyView;
  amountReceived: MoneyView;
  status: PaymentStatusView;
  description: string | null;
  created: string;
  stripeCustomerId: string;
}

interface TicketView {
  id: string;
  number: number;
  subject: string;
  status: TicketStatusView;
  priority: string | null;
  createdAt: string;
}

interface InvoiceView {
  id: string;
  quickBooksId: string;
  docNumber: string | null;
  txnDate: string;
  dueDate: string | null;
  total: MoneyView;
  balance: MoneyView;
  status: InvoiceStatusView;
  quickBooksCustomerId: string;
}

interface ListArgs<S> {
  first?: number | null;
  status?: S[] | null;
}

export interface LinkedAccountFields {
  payments(args: ListArgs<PaymentStatusView>): Promise<{ nodes: PaymentView[] }>;
  tickets(args: ListArgs<TicketStatusView>): Promise<{ nodes: TicketView[] }>;
  invoices(args: ListArgs<InvoiceStatusView>): Promise<{ nodes: InvoiceView[] }>;
  customer360(): Promise<Customer360View>;
}

/** Stripe search strings are single-quoted; a quote or backslash inside is escaped. */
function stripeLiteral(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Newest first, then id descending; `status` filters; `first` (default 20) cuts. */
function page<T extends { status: string }>(
  items: T[],
  time: (item: T) => number,
  id: (item: T) => string,
  args: ListArgs<string>,
): { nodes: T[] } {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > 200) {
    throw new Error('"first" must be between 0 and 200');
  }
  // A status list is taken literally, as the gateway does: `status: []` matches nothing.
  const wanted = args.status ? new Set(args.status) : undefined;
  const nodes = items
    .filter((item) => wanted === undefined || wanted.has(item.status))
    .sort((a, b) => time(b) - time(a) || (id(a) < id(b) ? 1 : id(a) > id(b) ? -1 : 0))
    .slice(0, first);
  return { nodes };
}

export function linkedAccountFields(
  clients: BaselineLinkedClients,
  account: LinkedAccountRecord,
): LinkedAccountFields {
  const { stripe, zendesk, quickbooks, targets } = clients;

  /** The linked customer, else every customer whose metadata names the Account. */
  async function stripeCustomers(): Promise<string[]> {
    if (account.stripeCustomerId !== null) return [account.stripeCustomerId];
    const key = targets.stripe.accountMetadataKey;
    const ids: string[] = [];
    const search = stripe.customers.search({
      query: `metadata[${stripeLiteral(key)}]:${stripeLiteral(account.id)}`,
      limit: 100,
    });
    for await (const customer of search) ids.push(customer.id);
    return ids;
  }

  async function paymentIntents(): Promise<Array<RawPaymentIntent & { customer: string }>> {
    const intents: Array<RawPaymentIntent & { customer: string }> = [];
    for (const customer of await stripeCustomers()) {
      // The latest charge says whether a succeeded payment was refunded in full.
      const list = stripe.paymentIntents.list({
        customer,
        limit: 100,
        expand: ['data.latest_charge'],
      });
      for await (const intent of list) {
        intents.push({ ...intent, customer, latest_charge: intent.latest_charge });
      }
    }
    return intents;
  }

  async function zendeskOrganization(): Promise<number | null> {
    if (account.zendeskOrganizationId !== null) {
      return /^\d+$/.test(account.zendeskOrganizationId)
        ? Number(account.zendeskOrganizationId)
        : null;
    }
    // node-zendesk declares the external id a number; Zendesk's are strings.
    const found = (await zendesk.organizations.search(account.id as unknown as number)) as Array<{
      id: number;
    }>;
    return found[0]?.id ?? null;
  }

  async function tickets(): Promise<RawTicket[]> {
    const organization = await zendeskOrganization();
    if (organization === null) return [];
    const all = (await zendesk.tickets.listByOrganization(organization)) as unknown as RawTicket[];
    return all.filter(isLiveTicket);
  }

  async function quickBooksCustomer(): Promise<string | null> {
    if (account.quickBooksCustomerId !== null) return account.quickBooksCustomerId;
    const found = await callback<QueryResponse<{ Id?: string }>>((done) =>
      quickbooks.findCustomers([{ field: 'DisplayName', value: account.name }], done),
    );
    return rows(found, 'Customer')[0]?.Id ?? null;
  }

  async function invoices(): Promise<RawInvoice[]> {
    const customer = await quickBooksCustomer();
    if (customer === null) return [];
    const criteria: QueryCriteria[] = [{ field: 'CustomerRef', value: customer }];
    const found = await callback<QueryResponse<unknown>>((done) =>
      quickbooks.findInvoices(criteria, done),
    );
    // node-quickbooks types the rows as its own Invoice; the fields read are QBO's wire names.
    return rows(found, 'Invoice') as RawInvoice[];
  }

  return {
    payments: async (args) => {
      const intents = await paymentIntents();
      const views = intents.map((p): PaymentView & { time: number } => ({
        id: `stripe-payment:${p.id}`,
        amount: moneyFromMinor(p.amount, p.currency),
        amountReceived: moneyFromMinor(p.amount_received, p.currency),
        status: paymentStatus(p),
        description: p.description,
        created: new Date(p.created * 1000).toISOString(),
        stripeCustomerId: p.customer,
        time: p.created * 1000,
      }));
      return page(
        views,
        (v) => v.time,
        (v) => v.id,
        args,
      );
    },
    tickets: async (args) => {
      const views = (await tickets()).flatMap((t): Array<TicketView & { time: number }> => {
        const status = ticketStatus(t);
        if (status === undefined) return [];
        return [
          {
            id: `zendesk-ticket:${t.id}`,
            number: t.id,
            subject: t.subject,
            status,
            priority: t.priority === null ? null : t.priority.toUpperCase(),
            createdAt: t.created_at,
            time: Date.parse(t.created_at),
          },
        ];
      });
      return page(
        views,
        (v) => v.time,
        (v) => String(v.number),
        args,
      );
    },
    invoices: async (args) => {
      const today = todayUtc();
      const views = (await invoices()).map((i): InvoiceView & { time: number } => ({
        id: `quickbooks-invoice:${targets.quickbooks.realmId}:${i.Id}`,
        quickBooksId: i.Id,
        docNumber: i.DocNumber ?? null,
        txnDate: i.TxnDate,
        dueDate: i.DueDate ?? null,
        total: moneyOf(i.TotalAmt, invoiceCurrency(i)),
        balance: moneyOf(i.Balance, invoiceCurrency(i)),
        status: invoiceStatus(i, today),
        quickBooksCustomerId: i.CustomerRef.value,
        time: Date.parse(i.TxnDate),
      }));
      return page(
        views,
        (v) => v.time,
        (v) => v.quickBooksId,
        args,
      );
    },
    customer360: async () => {
      const [payments, ticketList, invoiceList] = await Promise.all([
        paymentIntents(),
        tickets(),
        invoices(),
      ]);
      return customer360({ payments, tickets: ticketList, invoices: invoiceList }, new Date());
    },
  };
}
