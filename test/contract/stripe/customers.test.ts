import Stripe from 'stripe';
import { stripeFailure, useStripeContractFile } from '../../helpers/stripe-emulator';

const ctx = useStripeContractFile();

const rawMessage = (error: Stripe.errors.StripeError): string =>
  (error.raw as { message: string }).message;

describe('Stripe customers: list', () => {
  it('pages newest first with limit, starting_after, ending_before and has_more', async () => {
    const all: Stripe.Customer[] = [];
    for await (const customer of ctx.stripe.customers.list({ limit: 100 })) all.push(customer);
    expect(all.length).toBe(ctx.target.emulator.store.customers.size());
    expect(all.length).toBeGreaterThan(20);
    const created = all.map((c) => c.created);
    expect([...created].sort((a, b) => b - a)).toEqual(created);

    const first = await ctx.stripe.customers.list({ limit: 7 });
    expect(first).toMatchObject({ object: 'list', url: '/v1/customers', has_more: true });
    expect(first.data.map((c) => c.id)).toEqual(all.slice(0, 7).map((c) => c.id));
    const second = await ctx.stripe.customers.list({ limit: 7, starting_after: first.data[6]?.id });
    expect(second.data.map((c) => c.id)).toEqual(all.slice(7, 14).map((c) => c.id));
    const back = await ctx.stripe.customers.list({ limit: 3, ending_before: second.data[0]?.id });
    expect(back.data.map((c) => c.id)).toEqual(all.slice(4, 7).map((c) => c.id));
    expect(back.has_more).toBe(true);
    const last = await ctx.stripe.customers.list({
      limit: 5,
      starting_after: all[all.length - 3]?.id,
    });
    expect(last.data).toHaveLength(2);
    expect(last.has_more).toBe(false);
  });

  it.each([0, 101, -1])(
    'refuses limit=%s with 400 invalid_request_error on param limit',
    async (limit) => {
      const failure = await stripeFailure(ctx.stripe.customers.list({ limit }));
      expect(failure).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(failure.statusCode).toBe(400);
      expect(failure.param).toBe('limit');
      expect(failure.raw).toMatchObject({ type: 'invalid_request_error' });
    },
  );

  it('answers 400 resource_missing for a starting_after that is no customer', async () => {
    const failure = await stripeFailure(ctx.stripe.customers.list({ starting_after: 'cus_nope' }));
    expect(failure.statusCode).toBe(400);
    expect(failure.code).toBe('resource_missing');
    expect(failure.param).toBe('starting_after');
  });

  it('refuses an unknown parameter with parameter_unknown', async () => {
    const failure = await stripeFailure(
      ctx.stripe.customers.list({ colour: 'blue' } as Stripe.CustomerListParams),
    );
    expect(failure.statusCode).toBe(400);
    expect(failure.code).toBe('parameter_unknown');
    expect(failure.param).toBe('colour');
    expect(rawMessage(failure)).toBe('Received unknown parameter: colour');
  });
});

describe('Stripe customers: retrieve, create, update', () => {
  it('retrieves a customer with the fixture shape and 404s a missing one', async () => {
    const [someone] = (await ctx.stripe.customers.list({ limit: 1 })).data;
    const customer = (await ctx.stripe.customers.retrieve(
      someone?.id as string,
    )) as Stripe.Customer;
    expect(customer).toMatchObject({
      id: someone?.id,
      object: 'customer',
      livemode: false,
      balance: 0,
      delinquent: false,
      metadata: expect.any(Object),
    });
    expect(Object.keys(customer)[0]).toBe('id');
    const failure = await stripeFailure(ctx.stripe.customers.retrieve('cus_missing0000'));
    expect(failure.statusCode).toBe(404);
    expect(failure.raw).toMatchObject({
      type: 'invalid_request_error',
      code: 'resource_missing',
      param: 'id',
      message: "No such customer: 'cus_missing0000'",
    });
  });

  it('creates with metadata (form-encoded), updates and unsets a metadata key', async () => {
    const created = await ctx.stripe.customers.create({
      name: 'Contract Test Ltd',
      email: 'billing@contract.example.com',
      metadata: { salesforce_account_id: '001TEST0000000001', tier: 'gold' },
    });
    expect(created.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
    expect(created.metadata).toEqual({ salesforce_account_id: '001TEST0000000001', tier: 'gold' });
    const updated = await ctx.stripe.customers.update(created.id, { metadata: { tier: '' } });
    expect(updated.metadata).toEqual({ salesforce_account_id: '001TEST0000000001' });
    const listed = await ctx.stripe.customers.list({ email: 'billing@contract.example.com' });
    expect(listed.data.map((c) => c.id)).toEqual([created.id]);
  });

  it('refuses an invalid email without creating anything', async () => {
    const before = ctx.target.emulator.store.customers.size();
    const failure = await stripeFailure(ctx.stripe.customers.create({ email: 'not-an-email' }));
    expect(failure.statusCode).toBe(400);
    expect(failure.param).toBe('email');
    expect(ctx.target.emulator.store.customers.size()).toBe(before);
  });
});

describe('Stripe customers: search', () => {
  it("finds a customer by metadata['salesforce_account_id']", async () => {
    const linked = ctx.target.emulator.store.customers
      .newestFirst()
      .find((c) => c.metadata.salesforce_account_id !== undefined);
    const accountId = linked?.metadata.salesforce_account_id as string;
    const result = await ctx.stripe.customers.search({
      query: `metadata['salesforce_account_id']:'${accountId}'`,
    });
    expect(result).toMatchObject({
      object: 'search_result',
      url: '/v1/customers/search',
      has_more: false,
      next_page: null,
    });
    expect(result.data.map((c) => c.id)).toEqual([linked?.id]);
  });

  it('ORs metadata clauses and pages with page/next_page', async () => {
    const ids = ctx.target.emulator.store.customers
      .newestFirst()
      .filter((c) => c.metadata.salesforce_account_id !== undefined)
      .slice(0, 10)
      .map((c) => c.metadata.salesforce_account_id as string);
    const query = ids.map((id) => `metadata['salesforce_account_id']:'${id}'`).join(' OR ');
    const first = await ctx.stripe.customers.search({ query, limit: 4 });
    expect(first.data).toHaveLength(4);
    expect(first.has_more).toBe(true);
    expect(first.next_page).toEqual(expect.any(String));
    const found: string[] = [];
    for await (const c of ctx.stripe.customers.search({ query, limit: 4 })) {
      found.push(c.metadata.salesforce_account_id as string);
    }
    expect(found.sort()).toEqual([...ids].sort());
    const counted = await ctx.stripe.customers.search({ query, expand: ['total_count'] });
    expect(counted.total_count).toBe(10);
  });

  it('refuses a page token of another query', async () => {
    const first = await ctx.stripe.customers.search({ query: 'created>0', limit: 1 });
    const failure = await stripeFailure(
      ctx.stripe.customers.search({ query: 'created>1', page: first.next_page as string }),
    );
    expect(failure.statusCode).toBe(400);
    expect(failure.param).toBe('page');
  });

  it('matches email exactly (case-insensitive) and by substring', async () => {
    const withEmail = ctx.target.emulator.store.customers
      .newestFirst()
      .find((c) => c.email !== null);
    const email = withEmail?.email as string;
    const exact = await ctx.stripe.customers.search({ query: `email:'${email.toUpperCase()}'` });
    expect(exact.data.map((c) => c.id)).toContain(withEmail?.id);
    const domain = email.split('@')[1] as string;
    const partial = await ctx.stripe.customers.search({ query: `email~"${domain}"` });
    expect(partial.data.every((c) => c.email?.includes(domain))).toBe(true);
    expect(partial.data.length).toBeGreaterThan(0);
  });

  it.each([
    ['a missing query', undefined, 'parameter_missing'],
    ['an unsupported field', "colour:'blue'", 'parameter_invalid_string'],
    ['an unterminated string', "name:'Acme", 'parameter_invalid_string'],
    ['AND mixed with OR', "name:'a' AND email:'b' OR phone:'c'", 'parameter_invalid_string'],
    ['parentheses', "(name:'a' OR name:'b')", 'parameter_invalid_string'],
    ['a short substring', "name~'ab'", 'parameter_invalid_string'],
  ])('refuses %s with 400 on param query', async (_label, query, code) => {
    const failure = await stripeFailure(
      ctx.stripe.customers.search({ query } as Stripe.CustomerSearchParams),
    );
    expect(failure.statusCode).toBe(400);
    expect(failure.code).toBe(code);
    expect(failure.param).toBe('query');
  });
});
