import type { Connection } from 'jsforce';
import type {
  AccountContactsPageQuery,
  AccountsPageByNameQuery,
  MissingRecordsQuery,
  RecordsByIdQuery,
  ViewerQuery,
} from '../generated/graphql';
import type { TestGateway } from '../helpers/gateway';
import { operation } from '../helpers/operations';
import {
  queryAll,
  startGatewayWithDirectSession,
  type SalesforceRow,
} from '../helpers/salesforce-direct';

function sfDateTime(value: unknown): string | null {
  return typeof value === 'string'
    ? new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString()
    : null;
}

describe('CRM queries over HTTP', () => {
  let gw: TestGateway;
  let sf: Connection;

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ scale: 0.5 }));
  }, 60_000);

  it('reads an accounts page with scalars, address, owner, parent and totalCount as Salesforce has them', async () => {
    const res = await gw.graphql<AccountsPageByNameQuery>(operation('AccountsPageByName'));
    expect(res.errors).toBeUndefined();
    const page = res.data!.accounts;
    const expected = await queryAll(
      sf,
      'SELECT Id, Name, Type, Industry, Website, Phone, AnnualRevenue, NumberOfEmployees, CreatedDate, LastModifiedDate, BillingStreet, BillingCity, BillingState, BillingPostalCode, BillingCountry, Owner.Id, Owner.Name, Parent.Id, Parent.Name FROM Account ORDER BY Name ASC NULLS FIRST, Id ASC LIMIT 20',
    );
    const [{ expr0: total }] = (await queryAll(
      sf,
      'SELECT COUNT(Id) FROM Account',
    )) as unknown as Array<{ expr0: number }>;
    expect(page.totalCount).toBe(total);
    expect(page.pageInfo.hasNextPage).toBe(total > 20);
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[19]!.cursor);
    expect(page.edges.map((e) => e.node.id)).toEqual(expected.map((r) => r.Id));
    page.edges.forEach(({ node }, i) => {
      const r = expected[i]!;
      const owner = r.Owner as SalesforceRow | null;
      const parent = r.Parent as SalesforceRow | null;
      const address = [
        r.BillingStreet,
        r.BillingCity,
        r.BillingState,
        r.BillingPostalCode,
        r.BillingCountry,
      ];
      expect(node).toEqual({
        id: r.Id,
        name: r.Name,
        type: r.Type,
        industry: r.Industry,
        website: r.Website,
        phone: r.Phone,
        annualRevenue: r.AnnualRevenue,
        numberOfEmployees: r.NumberOfEmployees,
        createdDate: sfDateTime(r.CreatedDate),
        lastModifiedDate: sfDateTime(r.LastModifiedDate),
        billingAddress: address.every((v) => v === null)
          ? null
          : {
              street: r.BillingStreet,
              city: r.BillingCity,
              state: r.BillingState,
              postalCode: r.BillingPostalCode,
              country: r.BillingCountry,
            },
        owner: owner ? { id: owner.Id, name: owner.Name } : null,
        parent: parent ? { id: parent.Id, name: parent.Name } : null,
      });
    });
  });

  it('reads single records of every object, accepting 15-character ids', async () => {
    const [opp] = await queryAll(
      sf,
      'SELECT Id, Name, StageName, Amount, CloseDate, IsClosed, IsWon, Account.Name FROM Opportunity WHERE AccountId != null LIMIT 1',
    );
    const [contact] = await queryAll(
      sf,
      'SELECT Id, LastName, Email, Account.Id FROM Contact WHERE AccountId != null LIMIT 1',
    );
    const [lead] = await queryAll(
      sf,
      'SELECT Id, Company, Status, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId, ConvertedDate FROM Lead WHERE IsConverted = true LIMIT 1',
    );
    const res = await gw.graphql<RecordsByIdQuery>(operation('RecordsById'), {
      o: opp!.Id.slice(0, 15),
      c: contact!.Id,
      l: lead!.Id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.opportunity).toEqual({
      id: opp!.Id,
      name: opp!.Name,
      stageName: opp!.StageName,
      amount: opp!.Amount,
      closeDate: opp!.CloseDate,
      isClosed: opp!.IsClosed,
      isWon: opp!.IsWon,
      account: { name: (opp!.Account as SalesforceRow).Name },
    });
    expect(res.data!.contact).toEqual({
      id: contact!.Id,
      lastName: contact!.LastName,
      email: contact!.Email,
      account: { id: (contact!.Account as SalesforceRow).Id },
    });
    expect(res.data!.lead).toEqual({
      id: lead!.Id,
      company: lead!.Company,
      status: lead!.Status,
      isConverted: true,
      convertedDate: lead!.ConvertedDate,
      convertedAccount: lead!.ConvertedAccountId ? { id: lead!.ConvertedAccountId } : null,
      convertedContact: lead!.ConvertedContactId ? { id: lead!.ConvertedContactId } : null,
      convertedOpportunity: lead!.ConvertedOpportunityId
        ? { id: lead!.ConvertedOpportunityId }
        : null,
    });
  });

  it('answers null for a well-formed id that does not exist or names another object', async () => {
    const [contact] = await queryAll(sf, 'SELECT Id FROM Contact LIMIT 1');
    const res = await gw.graphql<MissingRecordsQuery>(operation('MissingRecords'), {
      c: contact!.Id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null, n: null });
  });

  it('resolves node(id) for each object by key prefix', async () => {
    const ids = await Promise.all(
      ['Account', 'Contact', 'Opportunity', 'Lead', 'User'].map(
        async (o) => (await queryAll(sf, `SELECT Id, Name FROM ${o} LIMIT 1`))[0]!,
      ),
    );
    const res = await gw.graphql<Record<string, { __typename: string; id: string; name?: string }>>(
      `query (${ids.map((_, i) => `$i${i}: ID!`).join(', ')}) {
        ${ids.map((_, i) => `n${i}: node(id: $i${i}) { __typename id ... on Account { name } ... on Contact { name } ... on Opportunity { name } ... on Lead { name } ... on User { name } }`).join('\n')}
      }`,
      Object.fromEntries(ids.map((r, i) => [`i${i}`, r.Id])),
    );
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data!)).toEqual(
      ['Account', 'Contact', 'Opportunity', 'Lead', 'User'].map((type, i) => ({
        __typename: type,
        id: ids[i]!.Id,
        name: ids[i]!.Name,
      })),
    );
  });

  it('answers viewer with the Salesforce user the gateway acts as', async () => {
    const identity = await sf.identity();
    const res = await gw.graphql<ViewerQuery>(operation('Viewer'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewer).toMatchObject({ id: identity.user_id, isActive: true });
    expect(res.data!.viewer!.name).toBe(identity.display_name);
  });

  it('reads child connections with their own filters, sort, totalCount and after', async () => {
    const [account] = await queryAll(
      sf,
      'SELECT Id, (SELECT Id FROM Contacts) FROM Account ORDER BY Id LIMIT 200',
    ).then((all) =>
      all.filter(
        (a) => ((a.Contacts as { records?: unknown[] } | null)?.records?.length ?? 0) >= 3,
      ),
    );
    const contacts = await queryAll(
      sf,
      `SELECT Id, LastName FROM Contact WHERE AccountId = '${account!.Id}' ORDER BY LastName DESC NULLS LAST, Id ASC`,
    );
    const first = await gw.graphql<AccountContactsPageQuery>(operation('AccountContactsPage'), {
      id: account!.Id,
    });
    expect(first.errors).toBeUndefined();
    const c1 = first.data!.account!.contacts;
    expect(c1.totalCount).toBe(contacts.length);
    expect(c1.nodes.map((n) => n.id)).toEqual(contacts.slice(0, 2).map((c) => c.Id));
    expect(c1.pageInfo.hasNextPage).toBe(true);
    const second = await gw.graphql<AccountContactsPageQuery>(operation('AccountContactsPage'), {
      id: account!.Id,
      after: c1.pageInfo.endCursor,
    });
    expect(second.errors).toBeUndefined();
    expect(second.data!.account!.contacts.nodes.map((n) => n.id)).toEqual(
      contacts.slice(2, 4).map((c) => c.Id),
    );
  });
});
