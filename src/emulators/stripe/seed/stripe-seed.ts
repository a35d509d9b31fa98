import { DEFAULT_SEED, SEED_BASE_DATE, SeededRandom, generateSalesforceSeed } from '../../seed';
import {
  newCustomer,
  newPaymentIntent,
  newRefund,
  type CustomerObject,
  type PaymentIntentObject,
  type PaymentIntentStatus,
  type RefundObject,
} from '../model/stripe-objects';
import type { StripeData } from '../model/stripe-store';

export interface StripeSeedOptions {
  /** The Salesforce seed's options: the same values give the accounts this seed links to. */
  scale?: number;
  seed?: number;
  baseDate?: Date | string;
}

/** The metadata key of the fallback link (ARCHITECTURE.md "Linking the services"). */
export const SALESFORCE_ACCOUNT_ID_KEY = 'salesforce_account_id';

/** Share of accounts without `Stripe_Customer_Id__c` that are linked through metadata only. */
const FALLBACK_RATE = 0.25;
/** Customers with no Salesforce account at all (self-serve sign-ups). */
const STRAY_CUSTOMERS = ['Walk-in Buyer', 'Trial Signup', 'Conference Booth', 'Online Store Guest'];

const CURRENCY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['usd', 60],
  ['eur', 20],
  ['gbp', 12],
  ['cad', 8],
];
const STATUS_WEIGHTS: ReadonlyArray<readonly [PaymentIntentStatus, number]> = [
  ['succeeded', 70],
  ['requires_payment_method', 12],
  ['canceled', 8],
  ['processing', 5],
];
const AMOUNTS = [4900, 9900, 19900, 49900, 99900, 250000] as const;
const DESCRIPTIONS = [
  'Subscription renewal',
  'Implementation services',
  'Support plan',
  'Licence seats',
  'Training',
];

interface SeedAccount {
  Id: string;
  Name: string;
  CreatedDate: string;
  Phone: string | null;
  Stripe_Customer_Id__c: string | null;
}

/**
 * The demo Stripe account, linked to the Salesforce seed: every account with
 * `Stripe_Customer_Id__c` has a customer with exactly that id; about a quarter of the
 * others have one found only through `metadata['salesforce_account_id']`; the rest have
 * none. Customers pay in one currency, some in two; payments succeed, fail, get canceled,
 * are still processing, or are refunded in full or in part. Identical for the same options.
 */
export function generateStripeSeed(options: StripeSeedOptions = {}): StripeData {
  const seed = options.seed ?? DEFAULT_SEED;
  const baseDate = options.baseDate ?? SEED_BASE_DATE;
  const sf = generateSalesforceSeed({ scale: options.scale, seed, baseDate });
  const builder = new StripeSeedBuilder(seed, Math.floor(new Date(baseDate).getTime() / 1000));
  const emails = firstContactEmails(sf.records);
  for (const { objectName, record } of sf.records) {
    if (objectName !== 'Account') continue;
    builder.account(record as unknown as SeedAccount, emails.get(String(record.Id)) ?? null);
  }
  for (const name of STRAY_CUSTOMERS) builder.stray(name);
  return builder.data;
}

function firstContactEmails(
  records: ReadonlyArray<{ objectName: string; record: Record<string, unknown> }>,
): Map<string, string> {
  const emails = new Map<string, string>();
  for (const { objectName, record } of records) {
    if (objectName !== 'Contact') continue;
    const accountId = record.AccountId;
    if (typeof accountId === 'string' && typeof record.Email === 'string' && !emails.has(accountId))
      emails.set(accountId, record.Email);
  }
  return emails;
}

class StripeSeedBuilder {
  readonly data: StripeData = { customers: [], paymentIntents: [], refunds: [] };
  private readonly rng: SeededRandom;

  constructor(
    seed: number,
    private readonly nowSeconds: number,
  ) {
    // Its own stream, so the Stripe data never shifts the Salesforce data (or the reverse).
    this.rng = new SeededRandom((seed ^ 0x5f1e5) >>> 0);
  }

  account(account: SeedAccount, email: string | null): void {
    const rng = this.rng;
    const linkedId = account.Stripe_Customer_Id__c;
    if (linkedId === null && !rng.chance(FALLBACK_RATE)) return;
    const accountCreated = Math.floor(Date.parse(account.CreatedDate) / 1000);
    const customer = this.customer({
      id: linkedId ?? `cus_${rng.alphanumeric(14)}`,
      name: account.Name,
      email,
      phone: account.Phone,
      // Linked by id, the metadata is optional; linked by the fallback, it is the link.
      metadata:
        linkedId === null || rng.chance(0.5) ? { [SALESFORCE_ACCOUNT_ID_KEY]: account.Id } : {},
      created: this.between(accountCreated, this.nowSeconds - 86_400),
    });
    this.payments(customer);
  }

  stray(name: string): void {
    const customer = this.customer({
      id: `cus_${this.rng.alphanumeric(14)}`,
      name,
      email: null,
      phone: null,
      metadata: {},
      created: this.nowSeconds - this.rng.int(30, 400) * 86_400,
    });
    this.payments(customer);
  }

  private customer(
    fields: Pick<CustomerObject, 'id' | 'name' | 'email' | 'phone' | 'metadata' | 'created'>,
  ): CustomerObject {
    const customer = newCustomer({
      ...fields,
      currency: this.rng.weighted(CURRENCY_WEIGHTS),
      invoice_prefix: this.rng.alphanumeric(8).toUpperCase(),
    });
    this.data.customers.push(customer);
    return customer;
  }

  private payments(customer: CustomerObject): void {
    const rng = this.rng;
    const primary = customer.currency ?? 'usd';
    const second = rng.chance(0.25)
      ? rng.pick(CURRENCY_WEIGHTS.map(([c]) => c).filter((c) => c !== primary))
      : null;
    const count = rng.chance(0.1) ? 0 : rng.int(1, 7);
    for (let i = 0; i < count; i++) {
      const currency = second !== null && rng.chance(0.4) ? second : primary;
      this.payment(customer, currency);
    }
  }

  private payment(customer: CustomerObject, currency: string): void {
    const rng = this.rng;
    const status = rng.weighted(STATUS_WEIGHTS);
    const amount = rng.chance(0.7) ? rng.pick(AMOUNTS) : rng.int(5, 5000) * 100;
    const created = this.between(customer.created, this.nowSeconds - 3600);
    const id = `pi_${rng.alphanumeric(24)}`;
    const intent: PaymentIntentObject = newPaymentIntent(
      {
        id,
        created,
        amount,
        currency,
        status,
        customer: customer.id,
        description: rng.pick(DESCRIPTIONS),
        receipt_email: customer.email,
      },
      rng.alphanumeric(24),
    );
    if (status !== 'requires_payment_method' || rng.chance(0.8)) {
      intent.payment_method = `pm_${rng.alphanumeric(24)}`;
      intent.latest_charge = `ch_${rng.alphanumeric(24)}`;
    }
    if (status === 'requires_payment_method' && intent.latest_charge !== null) {
      // A declined attempt: Stripe detaches the payment method and keeps the error.
      intent.last_payment_error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: rng.pick(['generic_decline', 'insufficient_funds', 'expired_card']),
        message: 'Your card was declined.',
        payment_method: {
          id: intent.payment_method as string,
          object: 'payment_method',
          type: 'card',
        },
      };
      intent.payment_method = null;
    }
    if (status === 'canceled') {
      intent.canceled_at = this.between(created, this.nowSeconds - 60);
      intent.cancellation_reason = rng.pick(['abandoned', 'requested_by_customer', 'duplicate']);
      intent.latest_charge = null;
    }
    this.data.paymentIntents.push(intent);
    if (status === 'succeeded' && rng.chance(0.15)) this.refund(intent);
  }

  private refund(intent: PaymentIntentObject): void {
    const rng = this.rng;
    const full = rng.chance(0.5);
    const refund: RefundObject = newRefund({
      id: `re_${rng.alphanumeric(24)}`,
      created: this.between(intent.created, this.nowSeconds - 60),
      amount: full
        ? intent.amount_received
        : Math.max(1, Math.round(intent.amount_received / 200) * 100),
      currency: intent.currency,
      charge: intent.latest_charge as string,
      payment_intent: intent.id,
      reason: rng.pick(['requested_by_customer', 'duplicate', 'fraudulent'] as const),
      balance_transaction: `txn_${rng.alphanumeric(24)}`,
    });
    this.data.refunds.push(refund);
  }

  private between(fromSeconds: number, toSeconds: number): number {
    if (toSeconds <= fromSeconds) return fromSeconds;
    return this.rng.int(fromSeconds, toSeconds);
  }
}
