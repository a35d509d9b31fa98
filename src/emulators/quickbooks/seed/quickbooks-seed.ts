import { DEFAULT_SEED, SEED_BASE_DATE, SeededRandom } from '../../seed';
import {
  CURRENCY_NAMES,
  type CompanyData,
  type Customer,
  type Invoice,
  type SalesItemLine,
} from '../model/entities';
import { salesforceAccounts, type SeedAccount } from './linked-accounts';
import { addDays, isoDay, qboDateTime, startOfDay } from './qbo-time';

export interface QuickBooksSeedOptions {
  /** The Salesforce seed's scale, seed and base date: the accounts this company links to. */
  salesforce?: { scale?: number; seed?: number; baseDate?: Date | string };
  /** PRNG seed of the QuickBooks data itself. */
  seed?: number;
  /** "Today" for due dates: overdue and due-within-7-days invoices are relative to it. */
  now?: Date | string;
}

/** How an account found its customer, for tests and the docs. */
export type LinkKind = 'id' | 'displayName' | 'none';

export interface QuickBooksSeed extends CompanyData {
  links: Array<{ accountId: string; kind: LinkKind; customerId: string | null }>;
}

const PRODUCTS = [
  ['1', 'Services', 150],
  ['2', 'Hours', 95],
  ['3', 'Subscription', 1200],
  ['4', 'Implementation', 5000],
  ['5', 'Support Plan', 750],
] as const;

type InvoiceState = 'paid' | 'open' | 'dueSoon' | 'overdue';

class QuickBooksSeedBuilder {
  private readonly rng: SeededRandom;
  private readonly todayMs: number;
  readonly customers: Customer[] = [];
  readonly invoices: Invoice[] = [];
  readonly links: QuickBooksSeed['links'] = [];
  private readonly displayNames = new Set<string>();

  constructor(seed: number, now: Date | string) {
    this.rng = new SeededRandom(seed);
    const nowMs = new Date(now).getTime();
    if (Number.isNaN(nowMs)) throw new Error(`now is not a date: ${String(now)}`);
    this.todayMs = startOfDay(nowMs);
  }

  build(accounts: SeedAccount[]): void {
    const nameCounts = new Map<string, number>();
    for (const a of accounts) nameCounts.set(a.Name, (nameCounts.get(a.Name) ?? 0) + 1);
    let nextId = 1000 + accounts.length;
    // The first linked customers get a fixed story, so even a tiny seed shows every state.
    const forced: InvoiceState[][] = [['overdue', 'paid'], ['dueSoon', 'open'], ['paid']];
    for (const account of accounts) {
      const linkId = account.QuickBooks_Customer_Id__c;
      if (linkId !== null) {
        // A name other accounts share gets the id appended, so the DisplayName fallback of
        // an unlinked namesake cannot land on this account's customer.
        const shared = (nameCounts.get(account.Name) ?? 0) > 1;
        const customer = this.customer(linkId, account.Name, account.email, shared);
        this.invoicesFor(customer, forced.shift());
        this.links.push({ accountId: account.Id, kind: 'id', customerId: linkId });
        continue;
      }
      // The DisplayName fallback only works for a name no other account shares.
      const unique = nameCounts.get(account.Name) === 1 && !this.displayNames.has(account.Name);
      if (unique && this.rng.chance(0.25)) {
        const customer = this.customer(String(nextId++), account.Name, account.email);
        this.invoicesFor(customer, undefined);
        this.links.push({ accountId: account.Id, kind: 'displayName', customerId: customer.Id });
      } else {
        this.links.push({ accountId: account.Id, kind: 'none', customerId: null });
      }
    }
    // Customers that exist only in the books (walk-ins, one-off jobs): linked to no account.
    for (const name of ['Walk-in Customer', 'Cash Sales', 'Trade Show Leads']) {
      this.invoicesFor(this.customer(String(nextId++), name, null), undefined);
    }
  }

  private customer(id: string, name: string, email: string | null, qualify = false): Customer {
    const rng = this.rng;
    // QBO DisplayNames are unique per company; a clash gets the id appended.
    const displayName = qualify || this.displayNames.has(name) ? `${name} (${id})` : name;
    this.displayNames.add(displayName);
    const currency = rng.weighted<string>([
      ['USD', 80],
      ['CAD', 8],
      ['EUR', 7],
      ['GBP', 5],
    ]);
    const createdMs = addDays(this.todayMs, -rng.int(400, 900)) + rng.int(0, 86_399) * 1000;
    const customer: Customer = {
      Id: id,
      SyncToken: '0',
      domain: 'QBO',
      sparse: false,
      MetaData: { CreateTime: qboDateTime(createdMs), LastUpdatedTime: qboDateTime(createdMs) },
      DisplayName: displayName,
      FullyQualifiedName: displayName,
      PrintOnCheckName: name,
      CompanyName: name,
      ...(email ? { PrimaryEmailAddr: { Address: email } } : {}),
      Balance: 0,
      BalanceWithJobs: 0,
      CurrencyRef: { value: currency, name: CURRENCY_NAMES[currency] },
      PreferredDeliveryMethod: email ? 'Email' : 'Print',
      Taxable: rng.chance(0.5),
      Job: false,
      BillWithParent: false,
      IsProject: false,
      Active: rng.chance(0.95),
    };
    this.customers.push(customer);
    return customer;
  }

  private invoicesFor(customer: Customer, forced: InvoiceState[] | undefined): void {
    const rng = this.rng;
    const states =
      forced ??
      Array.from(
        {
          length: rng.weighted([
            [0, 15],
            [1, 25],
            [2, 25],
            [3, 20],
            [5, 15],
          ] as const),
        },
        () =>
          rng.weighted<InvoiceState>([
            ['paid', 55],
            ['open', 20],
            ['dueSoon', 10],
            ['overdue', 15],
          ]),
      );
    for (const state of states) this.invoice(customer, state);
    const balance = this.invoices
      .filter((i) => i.CustomerRef.value === customer.Id)
      .reduce((sum, i) => sum + i.Balance, 0);
    customer.Balance = round(balance);
    customer.BalanceWithJobs = customer.Balance;
  }

  private invoice(customer: Customer, state: InvoiceState): void {
    const rng = this.rng;
    const dueMs =
      state === 'paid'
        ? addDays(this.todayMs, -rng.int(5, 330))
        : state === 'open'
          ? addDays(this.todayMs, rng.int(8, 30))
          : state === 'dueSoon'
            ? addDays(this.todayMs, rng.int(0, 7))
            : addDays(this.todayMs, -rng.int(1, 90));
    const txnMs = addDays(dueMs, -30);
    const lines: SalesItemLine[] = [];
    for (let n = 1; n <= rng.int(1, 3); n++) {
      const [itemId, itemName, price] = rng.pick(PRODUCTS);
      const qty = rng.int(1, 12);
      lines.push({
        Id: String(n),
        LineNum: n,
        Description: `${itemName} for ${customer.CompanyName}`,
        Amount: round(price * qty),
        DetailType: 'SalesItemLineDetail',
        SalesItemLineDetail: {
          ItemRef: { value: itemId, name: itemName },
          UnitPrice: price,
          Qty: qty,
        },
      });
    }
    const total = round(lines.reduce((sum, l) => sum + l.Amount, 0));
    const balance =
      state === 'paid' ? 0 : state === 'overdue' && rng.chance(0.3) ? round(total / 2) : total;
    const id = String(this.invoices.length + 1);
    const createdMs = txnMs + rng.int(8, 17) * 3_600_000;
    const email = customer.PrimaryEmailAddr?.Address;
    this.invoices.push({
      Id: id,
      SyncToken: '0',
      domain: 'QBO',
      sparse: false,
      MetaData: { CreateTime: qboDateTime(createdMs), LastUpdatedTime: qboDateTime(createdMs) },
      DocNumber: String(1000 + this.invoices.length + 1),
      TxnDate: isoDay(txnMs),
      DueDate: isoDay(dueMs),
      TotalAmt: total,
      Balance: balance,
      CurrencyRef: { ...customer.CurrencyRef },
      ...(customer.CurrencyRef.value === 'USD' ? {} : { ExchangeRate: 1 }),
      CustomerRef: { value: customer.Id, name: customer.DisplayName },
      ...(email ? { BillEmail: { Address: email } } : {}),
      SalesTermRef: { value: '3', name: 'Net 30' },
      Line: [...lines, { Amount: total, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} }],
      EmailStatus: email ? 'EmailSent' : 'NotSet',
      PrintStatus: email ? 'NotSet' : 'NeedToPrint',
    });
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The demo company, linked to the Salesforce seed made with the same options: accounts with
 * `QuickBooks_Customer_Id__c` own the customer with that Id; about a quarter of the others (those
 * with a unique name) are found by `DisplayName` = Account Name; the rest have no customer.
 */
export function generateQuickBooksSeed(options: QuickBooksSeedOptions = {}): QuickBooksSeed {
  const sf = options.salesforce ?? {};
  const accounts = salesforceAccounts({
    scale: sf.scale ?? 1,
    seed: sf.seed ?? DEFAULT_SEED,
    baseDate: sf.baseDate ?? SEED_BASE_DATE,
  });
  const builder = new QuickBooksSeedBuilder(
    (options.seed ?? DEFAULT_SEED) ^ 0x0b0b,
    options.now ?? new Date(),
  );
  builder.build(accounts);
  return { customers: builder.customers, invoices: builder.invoices, links: builder.links };
}
