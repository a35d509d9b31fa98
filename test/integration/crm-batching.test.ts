import type { Connection } from 'jsforce';
import type {
  AccountsCountedPageQuery,
  AccountsFirstContactsByEmailQuery,
  AccountsPlainPageQuery,
  ConvertedLeadsQuery,
  OpportunitiesByAmountQuery,
  OpportunitiesNestedQuery,
  OpportunitiesWithAccountContactsQuery,
  OpportunitiesWithAccountOwnerQuery,
} from '../generated/graphql';
import type { GraphQLResponse, TestGateway } from '../helpers/gateway';
import { operation } from '../helpers/operations';
import {
  queryAll,
  startGatewayWithDirectSession,
  type SalesforceRow,
} from '../helpers/salesforce-direct';

describe('CRM paging and Salesforce call counts (scale 4)', () => {
  let gw: TestGateway;
  let sf: Connection;

  /** Salesforce API calls one GraphQL operation costs, read from the emulator's own counter. */
  async function callsFor<T>(name: string): Promise<{ data: T; calls: number }> {
    await gw.resetEmulatorStats();
    const res = await gw.graphql<T>(operation(name));
    expect(res.errors).toBeUndefined();
    if (!res.data) throw new Error(`${name} answered no data`);
    return { data: res.data, calls: (await gw.emulatorStats()).total };
  }

  beforeAll(async () => {
    ({ gw, sf } = await startGatewayWithDirectSession({ scale: 4 }));
  }, 120_000);

  it('walks >2,000 opportunities by a nullable sort key with ties, every record exactly once', async () => {
    const all = await queryAll(sf, 'SELECT Id FROM Opportunity');
    expect(all.length).toBeGreaterThan(2000);
    const seen: Array<{ id: string; amount: number | null }> = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: GraphQLResponse<OpportunitiesByAmountQuery> =
        await gw.graphql<OpportunitiesByAmountQuery>(operation('OpportunitiesByAmount'), {
          after,
        });
      expect(res.errors).toBeUndefined();
      pages += 1;
      seen.push(...res.data!.opportunities.nodes);
      if (!res.data!.opportunities.pageInfo.hasNextPage) break;
      after = res.data!.opportunities.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(all.length / 200));
    expect(new Set(seen.map((o) => o.id)).size).toBe(seen.length);
    expect(seen.map((o) => o.id).sort()).toEqual(all.map((r) => r.Id).sort());
    // Descending amounts, ties present, every null after the last amount.
    const amounts = seen.map((o) => o.amount);
    const firstNull = amounts.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(amounts.slice(firstNull).every((a) => a === null)).toBe(true);
    const numbers = amounts.slice(0, firstNull) as number[];
    expect(numbers.every((a, i) => i === 0 || a <= numbers[i - 1]!)).toBe(true);
    expect(new Set(numbers).size).toBeLessThan(numbers.length);
  });

  it('costs exactly one call for one page of one object, and a COUNT only when totalCount is selected', async () => {
    const plain = await callsFor<AccountsPlainPageQuery>('AccountsPlainPage');
    expect(plain.calls).toBe(1);
    const counted = await callsFor<AccountsCountedPageQuery>('AccountsCountedPage');
    expect(counted.calls).toBe(2);
    const total = (await sf.query('SELECT COUNT() FROM Account')).totalSize;
    expect(counted.data.accounts.totalCount).toBe(total);
  });

  it('loads 200 opportunities with account { name owner { name } } in one call (paths ride in the SOQL)', async () => {
    const { data, calls } = await callsFor<OpportunitiesWithAccountOwnerQuery>(
      'OpportunitiesWithAccountOwner',
    );
    expect(calls).toBe(1);
    const nodes = data.opportunities.nodes;
    expect(nodes).toHaveLength(200);
    expect(nodes.some((n) => typeof n.account?.owner?.name === 'string')).toBe(true);
  });

  /**
   * What the gateway must answer for the first 200 opportunities (default order: Id), read
   * straight from the org: each one's account, and that account's first five contacts by Id.
   */
  async function expectedOpportunityAccounts() {
    const opportunities = await queryAll(
      sf,
      'SELECT Id, Account.Id, Account.Name, Account.Owner.Name FROM Opportunity ORDER BY Id ASC LIMIT 200',
    );
    const accountIds = [
      ...new Set(
        opportunities.flatMap((o) => (o.Account ? [(o.Account as SalesforceRow).Id] : [])),
      ),
    ];
    const contacts = await queryAll(
      sf,
      `SELECT AccountId, Email FROM Contact WHERE AccountId IN (${accountIds.map((id) => `'${id}'`).join(',')}) ORDER BY Id ASC`,
    );
    return opportunities.map((o) => {
      const account = o.Account as (SalesforceRow & { Owner: { Name: string } | null }) | null;
      if (!account) return { id: o.Id, account: null };
      return {
        id: o.Id,
        account: {
          name: account.Name as string,
          owner: account.Owner ? { name: account.Owner.Name } : null,
          contacts: {
            nodes: contacts
              .filter((c) => c.AccountId === account.Id)
              .slice(0, 5)
              .map((c) => ({ email: c.Email as string | null })),
          },
        },
      };
    });
  }

  it('loads 200 opportunities with account { contacts(first: 5) } in two calls (one batched child query)', async () => {
    const { data, calls } = await callsFor<OpportunitiesWithAccountContactsQuery>(
      'OpportunitiesWithAccountContacts',
    );
    expect(calls).toBe(2);
    const expected = await expectedOpportunityAccounts();
    expect(data.opportunities.nodes).toEqual(
      expected.map(({ id, account }) => ({
        id,
        account: account && { contacts: account.contacts },
      })),
    );
    expect(data.opportunities.nodes.some((n) => (n.account?.contacts.nodes.length ?? 0) > 0)).toBe(
      true,
    );
  });

  it('loads 200 opportunities with account, owner and account contacts in two calls (README benchmark)', async () => {
    const { data, calls } = await callsFor<OpportunitiesNestedQuery>('OpportunitiesNested');
    expect(calls).toBe(2);
    const nodes = data.opportunities.nodes;
    expect(nodes).toHaveLength(200);
    expect(nodes).toEqual(await expectedOpportunityAccounts());
    const withAccount = nodes.filter((n) => n.account !== null);
    expect(withAccount.length).toBeGreaterThan(0);
    expect(withAccount.some((n) => n.account!.contacts.nodes.length > 0)).toBe(true);
    for (const node of withAccount) {
      expect(typeof node.account!.name).toBe('string');
      expect(node.account!.contacts.nodes.length).toBeLessThanOrEqual(5);
    }
  });

  it('loads converted leads with their converted account, its contacts and the converted opportunity in two calls', async () => {
    const { data, calls } = await callsFor<ConvertedLeadsQuery>('ConvertedLeads');
    const leads = await queryAll(
      sf,
      'SELECT ConvertedAccountId, ConvertedOpportunityId FROM Lead WHERE IsConverted = true ORDER BY Id ASC LIMIT 100',
    );
    const ids = (field: string) => [
      ...new Set(leads.flatMap((l) => (typeof l[field] === 'string' ? [l[field] as string] : []))),
    ];
    const inList = (values: string[]) => values.map((id) => `'${id}'`).join(',');
    const accountIds = ids('ConvertedAccountId');
    const opportunityIds = ids('ConvertedOpportunityId');
    expect(accountIds.length).toBeGreaterThan(0);
    expect(opportunityIds.length).toBeGreaterThan(0);
    const accounts = await queryAll(
      sf,
      `SELECT Id, Name FROM Account WHERE Id IN (${inList(accountIds)})`,
    );
    const contacts = await queryAll(
      sf,
      `SELECT AccountId, Id FROM Contact WHERE AccountId IN (${inList(accountIds)}) ORDER BY Id ASC`,
    );
    const opportunities = await queryAll(
      sf,
      `SELECT Id, Name, Account.Name FROM Opportunity WHERE Id IN (${inList(opportunityIds)})`,
    );
    expect(data.leads.nodes).toEqual(
      leads.map((lead) => {
        const account = accounts.find((a) => a.Id === lead.ConvertedAccountId);
        const opportunity = opportunities.find((o) => o.Id === lead.ConvertedOpportunityId);
        const opportunityAccount = opportunity?.Account as SalesforceRow | null | undefined;
        return {
          convertedAccount: account
            ? {
                name: account.Name,
                contacts: {
                  nodes: contacts
                    .filter((c) => c.AccountId === account.Id)
                    .slice(0, 2)
                    .map((c) => ({ id: c.Id })),
                },
              }
            : null,
          convertedOpportunity: opportunity
            ? {
                name: opportunity.Name,
                account: opportunityAccount ? { name: opportunityAccount.Name } : null,
              }
            : null,
        };
      }),
    );
    // The converted parents ride in the leads SOQL as relationship paths; the converted
    // accounts' contacts are one batched child query.
    expect(calls).toBe(2);
  });

  it('answers the same contacts through the batched first page as through a direct query', async () => {
    const accounts = (await sf.query<SalesforceRow>('SELECT Id FROM Account ORDER BY Id LIMIT 30'))
      .records;
    const res = await gw.graphql<AccountsFirstContactsByEmailQuery>(
      operation('AccountsFirstContactsByEmail'),
    );
    expect(res.errors).toBeUndefined();
    const children = await queryAll(
      sf,
      `SELECT AccountId, Id FROM Contact WHERE AccountId IN (${accounts.map((a) => `'${a.Id}'`).join(',')}) ORDER BY Email ASC NULLS LAST, Id ASC`,
    );
    for (const account of res.data!.accounts.nodes) {
      const expected = children
        .filter((c) => c.AccountId === account.id)
        .slice(0, 3)
        .map((c) => c.Id);
      expect(account.contacts.nodes.map((c) => c.id)).toEqual(expected);
    }
  });
});
