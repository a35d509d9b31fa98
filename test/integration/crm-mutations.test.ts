import type { Connection } from 'jsforce';
import type {
  AccountIdQuery,
  ConvertLeadWithOpportunityMutation,
  ConvertLeadWithoutOpportunityMutation,
  CreateAccountMutation,
  CreateContactOpportunityLeadMutation,
  DeleteAccountMutation,
  DeleteContactOpportunityLeadMutation,
  UpdateAccountContactDetailsMutation,
  UpdateContactOpportunityLeadMutation,
} from '../generated/graphql';
import type { TestGateway } from '../helpers/gateway';
import { operation } from '../helpers/operations';
import { startGatewayWithDirectSession, type SalesforceRow } from '../helpers/salesforce-direct';

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;

function codes(errors: Errors): unknown[] {
  return (errors ?? []).map((e) => e.extensions?.code);
}

const MISSING_ACCOUNT = '001000000000000AAA';

describe('CRM mutations and bad input over HTTP', () => {
  let gw: TestGateway;
  let sf: Connection;

  async function retrieve(
    object: string,
    id: string,
    fields: string,
  ): Promise<SalesforceRow | null> {
    const [row] = (
      await sf.query<SalesforceRow>(`SELECT ${fields} FROM ${object} WHERE Id = '${id}'`)
    ).records;
    return row ?? null;
  }

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ scale: 0.2 }));
  }, 60_000);

  it('creates, updates and deletes an account, re-reading the selected fields', async () => {
    const parent = (await sf.query<SalesforceRow>('SELECT Id, Name FROM Account LIMIT 1'))
      .records[0]!;
    const created = await gw.graphql<CreateAccountMutation>(operation('CreateAccount'), {
      input: {
        name: 'Gateway Test Co',
        industry: 'Energy',
        annualRevenue: 1234000,
        numberOfEmployees: 12,
        billingAddress: { city: 'Bergen', country: 'NO' },
        parentId: parent.Id.slice(0, 15),
      },
    });
    expect(created.errors).toBeUndefined();
    const account = created.data!.createAccount;
    expect(account).toMatchObject({
      name: 'Gateway Test Co',
      industry: 'Energy',
      annualRevenue: 1234000,
      numberOfEmployees: 12,
      billingAddress: { city: 'Bergen', country: 'NO' },
      parent: { id: parent.Id, name: parent.Name },
    });
    expect(await retrieve('Account', account.id, 'Name, BillingCity, ParentId')).toMatchObject({
      Name: 'Gateway Test Co',
      BillingCity: 'Bergen',
      ParentId: parent.Id,
    });

    const updated = await gw.graphql<UpdateAccountContactDetailsMutation>(
      operation('UpdateAccountContactDetails'),
      { id: account.id },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateAccount).toEqual({
      id: account.id,
      industry: null,
      phone: '+47 1234',
      billingAddress: { city: 'Oslo', country: 'NO' },
    });

    const deleted = await gw.graphql<DeleteAccountMutation>(operation('DeleteAccount'), {
      id: account.id.slice(0, 15),
    });
    expect(deleted.data).toEqual({ deleteAccount: account.id });
    expect(await retrieve('Account', account.id, 'Id')).toBeNull();
    const gone = await gw.graphql<AccountIdQuery>(operation('AccountId'), { id: account.id });
    expect(gone.data).toEqual({ account: null });
  });

  it('creates and updates contacts, opportunities and leads', async () => {
    const account = (await sf.query<SalesforceRow>('SELECT Id FROM Account LIMIT 1')).records[0]!;
    const res = await gw.graphql<CreateContactOpportunityLeadMutation>(
      operation('CreateContactOpportunityLead'),
      { acc: account.Id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.c).toMatchObject({
      name: 'Ada Tester',
      email: 'ada@example.com',
      mailingAddress: { city: 'Paris' },
      account: { id: account.Id },
    });
    expect(res.data!.o).toMatchObject({
      name: 'GW deal',
      stageName: 'Prospecting',
      closeDate: '2026-01-15',
      amount: 4200,
      isClosed: false,
      account: { id: account.Id },
    });
    expect(res.data!.l).toMatchObject({
      name: 'Lovelace',
      company: 'Engines Ltd',
      isConverted: false,
    });
    expect(typeof res.data!.l.status).toBe('string');

    const upd = await gw.graphql<UpdateContactOpportunityLeadMutation>(
      operation('UpdateContactOpportunityLead'),
      { c: res.data!.c.id, o: res.data!.o.id, l: res.data!.l.id },
    );
    expect(upd.errors).toBeUndefined();
    expect(upd.data).toEqual({
      c: { title: 'CTO' },
      o: { stageName: 'Closed Won', closeDate: '2026-02-01', isWon: true },
      l: { rating: 'Hot' },
    });
    const del = await gw.graphql<DeleteContactOpportunityLeadMutation>(
      operation('DeleteContactOpportunityLead'),
      { c: res.data!.c.id, o: res.data!.o.id, l: res.data!.l.id },
    );
    expect(del.data).toEqual({ a: res.data!.c.id, b: res.data!.o.id, c: res.data!.l.id });
  });

  it('maps Salesforce REQUIRED_FIELD_MISSING to BAD_USER_INPUT with the fields', async () => {
    const account = (await sf.query<SalesforceRow>('SELECT Id FROM Account LIMIT 1')).records[0]!;
    const res = await gw.graphql(
      'mutation ($id: ID!) { updateAccount(id: $id, input: { name: null }) { id } }',
      { id: account.Id },
    );
    expect(codes(res.errors)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions).toMatchObject({
      fields: ['name'],
      upstream: { fields: ['Name'] },
    });
    expect(await retrieve('Account', account.Id, 'Name')).toMatchObject({
      Name: expect.any(String),
    });
  });

  it('refuses a blank required field before calling Salesforce', async () => {
    await gw.resetEmulatorStats();
    const res = await gw.graphql('mutation { createAccount(input: { name: "  " }) { id } }');
    expect(codes(res.errors)).toEqual(['BAD_USER_INPUT']);
    expect((await gw.emulatorStats()).total).toBe(0);
  });

  it('answers NOT_FOUND for updates and deletes of missing records', async () => {
    const upd = await gw.graphql(
      `mutation { updateAccount(id: "${MISSING_ACCOUNT}", input: { phone: "1" }) { id } }`,
    );
    expect(codes(upd.errors)).toEqual(['NOT_FOUND']);
    const del = await gw.graphql(`mutation { deleteAccount(id: "${MISSING_ACCOUNT}") }`);
    expect(codes(del.errors)).toEqual(['NOT_FOUND']);
  });

  it('converts a lead and loads the lead, account, contact and opportunity', async () => {
    const leads = (
      await sf.query<SalesforceRow>('SELECT Id FROM Lead WHERE IsConverted = false LIMIT 2')
    ).records;
    const res = await gw.graphql<ConvertLeadWithOpportunityMutation>(
      operation('ConvertLeadWithOpportunity'),
      { id: leads[0]!.Id },
    );
    expect(res.errors).toBeUndefined();
    const conversion = res.data!.convertLead;
    expect(conversion.lead).toMatchObject({
      id: leads[0]!.Id,
      isConverted: true,
      status: 'Closed - Converted',
      convertedAccount: { id: conversion.account.id },
    });
    expect(conversion.opportunity).toMatchObject({ name: 'From lead' });
    expect(await retrieve('Lead', leads[0]!.Id, 'ConvertedContactId')).toMatchObject({
      ConvertedContactId: conversion.contact.id,
    });

    const noOpp = await gw.graphql<ConvertLeadWithoutOpportunityMutation>(
      operation('ConvertLeadWithoutOpportunity'),
      { id: leads[1]!.Id },
    );
    expect(noOpp.errors).toBeUndefined();
    expect(noOpp.data).toEqual({ convertLead: { opportunity: null } });
  });

  it.each([
    ['malformed id', 'query { account(id: "not-an-id") { id } }', undefined],
    ['malformed node id', 'query { node(id: "001xyz") { id } }', undefined],
    ['malformed cursor', 'query { accounts(after: "bm9wZQ") { nodes { id } } }', undefined],
    ['negative first', 'query { accounts(first: -1) { nodes { id } } }', undefined],
    ['first above 200', 'query { opportunities(first: 201) { nodes { id } } }', undefined],
    [
      'first above 200 on a child connection',
      'query { accounts(first: 1) { nodes { contacts(first: 500) { nodes { id } } } } }',
      undefined,
    ],
    [
      'invalid date',
      'query ($d: Date) { opportunities(where: { closeDate: { eq: $d } }) { nodes { id } } }',
      { d: '2025-02-30' },
    ],
    [
      'invalid date literal',
      'query { opportunities(where: { closeDate: { eq: "2025-02-30" } }) { nodes { id } } }',
      undefined,
    ],
    [
      'invalid datetime',
      'query ($d: DateTime) { accounts(where: { createdDate: { gt: $d } }) { nodes { id } } }',
      { d: 'yesterday' },
    ],
    [
      'invalid date in a mutation',
      'mutation ($d: Date!) { createOpportunity(input: { name: "x", stageName: "Prospecting", closeDate: $d }) { id } }',
      { d: '2025-13-01' },
    ],
    [
      'malformed id in a mutation input',
      'mutation { createContact(input: { lastName: "x", accountId: "123" }) { id } }',
      undefined,
    ],
    [
      'empty required field',
      'mutation { createLead(input: { lastName: "", company: "x" }) { id } }',
      undefined,
    ],
    [
      'relative date without n',
      'query { leads(where: { createdDate: { relative: { literal: LAST_N_DAYS } } }) { nodes { id } } }',
      undefined,
    ],
  ])('%s is BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async (_name, query, variables) => {
    const res = await gw.graphql(query, variables);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(codes(res.errors)).toEqual(res.errors!.map(() => 'BAD_USER_INPUT'));
  });
});
