import { startSalesforceEmulator } from '../../../src/emulators/salesforce';
import type { Organization, User } from '../../../src/emulators/zendesk';
import { leftovers } from '../../helpers/leftovers';
import { connectToEmulator } from '../../helpers/salesforce-target';
import {
  asList,
  asRecord,
  externalId,
  startZendeskTarget,
  ZENDESK_TEST_BASE_DATE,
  type LinkedAccountRow,
  type ZendeskTarget,
} from '../../helpers/zendesk-emulator';

// The two emulators started side by side with the same seed options (as `npm start` does):
// what jsforce reads from the emulated org resolves in Zendesk through node-zendesk.
describe('Zendesk emulator beside the Salesforce emulator: the link fields resolve', () => {
  let zendesk: ZendeskTarget;
  let accounts: LinkedAccountRow[];
  let contacts: Array<{ Email: string; AccountId: string }>;

  beforeAll(async () => {
    zendesk = await startZendeskTarget();
    const salesforce = await startSalesforceEmulator({ seedBaseDate: ZENDESK_TEST_BASE_DATE });
    leftovers.push(() => salesforce.stop());
    const conn = await connectToEmulator(salesforce.url);
    accounts = (
      await conn.query<LinkedAccountRow>('SELECT Id, Name, Zendesk_Organization_Id__c FROM Account')
    ).records;
    contacts = (
      await conn.query<{ Email: string; AccountId: string }>(
        'SELECT Email, AccountId FROM Contact WHERE Email != null AND AccountId != null',
      )
    ).records;
  });

  it('Zendesk_Organization_Id__c from SOQL is an organization id, else the Account Id may be an external_id', async () => {
    const client = zendesk.client();
    const linked = accounts.filter((a) => a.Zendesk_Organization_Id__c !== null).slice(0, 10);
    for (const account of linked) {
      const { result } = await client.organizations.show(
        Number(account.Zendesk_Organization_Id__c),
      );
      expect(asRecord<Organization>(result).name.startsWith(account.Name)).toBe(true);
    }
    const byFallback = [];
    for (const account of accounts
      .filter((a) => a.Zendesk_Organization_Id__c === null)
      .slice(0, 30)) {
      const found = asList<Organization>(await client.organizations.search(externalId(account.Id)));
      if (found.length > 0) byFallback.push(found[0]);
    }
    expect(byFallback.length).toBeGreaterThan(0);
  });

  it('emails of contacts at linked accounts find requesters in that organization', async () => {
    const client = zendesk.client();
    const orgOf = new Map(
      accounts
        .filter((a) => a.Zendesk_Organization_Id__c !== null)
        .map((a) => [a.Id, Number(a.Zendesk_Organization_Id__c)]),
    );
    const sample = contacts.filter((c) => orgOf.has(c.AccountId)).slice(0, 15);
    expect(sample.length).toBe(15);
    let matched = 0;
    for (const contact of sample) {
      const users = asList<User>(await client.users.search({ query: contact.Email }));
      if (users.length === 1 && users[0]?.organization_id === orgOf.get(contact.AccountId))
        matched += 1;
    }
    // Two contacts may share an email; Zendesk keeps one user per email.
    expect(matched / sample.length).toBeGreaterThan(0.8);
  });
});
