import Stripe from 'stripe';
import { SEED_BASE_DATE, generateSalesforceSeed } from '../../../src/emulators/seed';
import { startStripeTarget, stripeFailure, type StripeTarget } from '../../helpers/stripe-emulator';

interface Account {
  Id: string;
  Name: string;
  Stripe_Customer_Id__c: string | null;
}

let target: StripeTarget;
let stripe: Stripe;
let accounts: Account[];
beforeAll(async () => {
  target = await startStripeTarget();
  stripe = target.client();
  accounts = generateSalesforceSeed({ baseDate: SEED_BASE_DATE })
    .records.filter((r) => r.objectName === 'Account')
    .map((r) => r.record as unknown as Account);
});

async function allOf<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** One search per ten accounts, the documented clause limit. */
async function customersByAccountId(ids: string[]): Promise<Map<string, Stripe.Customer>> {
  const found = new Map<string, Stripe.Customer>();
  for (let i = 0; i < ids.length; i += 10) {
    const query = ids
      .slice(i, i + 10)
      .map((id) => `metadata['salesforce_account_id']:'${id}'`)
      .join(' OR ');
    for (const c of await allOf(stripe.customers.search({ query, limit: 100 })))
      found.set(c.metadata.salesforce_account_id as string, c);
  }
  return found;
}

describe('Stripe seed linked to the Salesforce seed', () => {
  it('has a customer with exactly the id of every Stripe_Customer_Id__c', async () => {
    const linked = accounts.filter((a) => a.Stripe_Customer_Id__c !== null);
    expect(linked.length).toBeGreaterThan(30);
    for (const account of linked) {
      const customer = (await stripe.customers.retrieve(
        account.Stripe_Customer_Id__c as string,
      )) as Stripe.Customer;
      expect(customer.name).toBe(account.Name);
      expect([undefined, account.Id]).toContain(customer.metadata.salesforce_account_id);
    }
  });

  it("links some accounts without the field only through metadata['salesforce_account_id']; leaves the rest unlinked", async () => {
    const withoutField = accounts.filter((a) => a.Stripe_Customer_Id__c === null);
    const found = await customersByAccountId(withoutField.map((a) => a.Id));
    const fallbackOnly = withoutField.filter((a) => found.has(a.Id));
    const unlinked = withoutField.filter((a) => !found.has(a.Id));
    expect(fallbackOnly.length).toBeGreaterThan(10);
    expect(unlinked.length).toBeGreaterThan(10);
    for (const account of fallbackOnly) expect(found.get(account.Id)?.name).toBe(account.Name);
    // Every customer is linked by id, linked by metadata, or belongs to no account at all.
    const all = await allOf(stripe.customers.list({ limit: 100 }));
    const linkedIds = new Set(accounts.map((a) => a.Stripe_Customer_Id__c));
    const unlinkedIds = new Set(unlinked.map((a) => a.Id));
    expect(all.some((c) => unlinkedIds.has(c.metadata.salesforce_account_id ?? ''))).toBe(false);
    const strays = all.filter(
      (c) => !linkedIds.has(c.id) && c.metadata.salesforce_account_id === undefined,
    );
    expect(strays.length).toBeGreaterThan(0);
    const linkedCount = accounts.length - withoutField.length;
    expect(all.length).toBe(linkedCount + fallbackOnly.length + strays.length);
  });

  it('has every payment status, refunds, failures, and customers paying in several currencies', async () => {
    const payments = await allOf(stripe.paymentIntents.list({ limit: 100 }));
    const statuses = new Set(payments.map((p) => p.status));
    for (const status of ['succeeded', 'requires_payment_method', 'canceled', 'processing'])
      expect(statuses).toContain(status);
    expect(payments.every((p) => Number.isInteger(p.amount) && /^[a-z]{3}$/.test(p.currency))).toBe(
      true,
    );
    expect(payments.some((p) => p.last_payment_error?.code === 'card_declined')).toBe(true);
    const currencies = new Map<string, Set<string>>();
    for (const p of payments) {
      const set = currencies.get(p.customer as string) ?? new Set();
      set.add(p.currency);
      currencies.set(p.customer as string, set);
    }
    expect([...currencies.values()].filter((s) => s.size > 1).length).toBeGreaterThan(3);
    expect(new Set(payments.map((p) => p.currency)).size).toBeGreaterThanOrEqual(3);
    const refunds = await allOf(stripe.refunds.list({ limit: 100 }));
    expect(refunds.length).toBeGreaterThan(5);
    const byIntent = new Map(payments.map((p) => [p.id, p]));
    expect(
      refunds.some((r) => r.amount < (byIntent.get(r.payment_intent as string)?.amount ?? 0)),
    ).toBe(true);
    expect(refunds.some((r) => r.amount === byIntent.get(r.payment_intent as string)?.amount)).toBe(
      true,
    );
  });

  it('is deterministic: a second emulator with the same options serves the same data', async () => {
    const other = await startStripeTarget();
    const otherClient = other.client();
    const mine = await allOf(stripe.paymentIntents.list({ limit: 100 }));
    const theirs = await allOf(otherClient.paymentIntents.list({ limit: 100 }));
    const strip = (list: Stripe.PaymentIntent[]) => list.map((p) => JSON.stringify(p));
    expect(strip(theirs)).toEqual(strip(mine));
    const myCustomers = await allOf(stripe.customers.list({ limit: 100 }));
    const theirCustomers = await allOf(otherClient.customers.list({ limit: 100 }));
    expect(theirCustomers.map((c) => [c.id, c.name, c.metadata])).toEqual(
      myCustomers.map((c) => [c.id, c.name, c.metadata]),
    );
    const differentSeed = await startStripeTarget({ seed: 7 });
    const others = await differentSeed.client().customers.list({ limit: 5 });
    expect(others.data.map((c) => c.id)).not.toEqual(myCustomers.slice(0, 5).map((c) => c.id));
    await expect(stripeFailure(stripe.customers.retrieve('cus_'))).resolves.toMatchObject({
      statusCode: 404,
    });
  });
});
