import { SeededRandom } from '../../seed';
import type { CustomerObject, PaymentIntentObject, RefundObject } from './stripe-objects';

export interface StripeData {
  customers: CustomerObject[];
  paymentIntents: PaymentIntentObject[];
  refunds: RefundObject[];
}

/** An object kept with its insertion order, which breaks ties between equal `created` times. */
interface Stored<T> {
  seq: number;
  value: T;
}

class Collection<T extends { id: string; created: number }> {
  private rows = new Map<string, Stored<T>>();
  private seq = 0;

  load(values: readonly T[]): void {
    this.rows = new Map();
    this.seq = 0;
    for (const value of values) this.insert(structuredClone(value));
  }

  get(id: string): T | undefined {
    return this.rows.get(id)?.value;
  }

  insert(value: T): T {
    this.rows.set(value.id, { seq: this.seq++, value });
    return value;
  }

  /** Newest first, as every Stripe list is. */
  newestFirst(): T[] {
    return [...this.rows.values()]
      .sort((a, b) => b.value.created - a.value.created || b.seq - a.seq)
      .map((row) => row.value);
  }

  size(): number {
    return this.rows.size;
  }
}

/** The emulated Stripe account's objects, resettable to the seed. */
export class StripeStore {
  readonly customers = new Collection<CustomerObject>();
  readonly paymentIntents = new Collection<PaymentIntentObject>();
  readonly refunds = new Collection<RefundObject>();
  private rng: SeededRandom;

  constructor(
    private readonly seed: StripeData,
    private readonly idSeed: number,
    private readonly clock: () => Date,
  ) {
    this.rng = new SeededRandom(idSeed);
    this.reset();
  }

  reset(): void {
    this.customers.load(this.seed.customers);
    this.paymentIntents.load(this.seed.paymentIntents);
    this.refunds.load(this.seed.refunds);
    this.rng = new SeededRandom(this.idSeed);
  }

  /** A new object id with Stripe's prefix (`cus`, `pi`, `re`, `ch`). */
  newId(prefix: string, length = 24): string {
    return `${prefix}_${this.rng.alphanumeric(length)}`;
  }

  nowSeconds(): number {
    return Math.floor(this.clock().getTime() / 1000);
  }

  refundsOf(paymentIntentId: string): RefundObject[] {
    return this.refunds.newestFirst().filter((r) => r.payment_intent === paymentIntentId);
  }

  /** What is left to refund on a payment: received minus refunds that did not fail. */
  refundableAmount(intent: PaymentIntentObject): number {
    const refunded = this.refundsOf(intent.id)
      .filter((r) => r.status !== 'failed')
      .reduce((sum, r) => sum + r.amount, 0);
    return intent.amount_received - refunded;
  }
}
