import type { Connection } from 'jsforce';
import { describeSalesforceContract } from '../../helpers/salesforce-target';
import { recordErrorsOf } from '../../helpers/salesforce-errors';
import { RecordJanitor, runTag, savedId, valueAt } from '../../helpers/salesforce-records';

interface ConvertResult {
  success: boolean;
  leadId: string | null;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  errors: unknown[];
}

// convertLead is a SOAP call (partner API); jsforce sends it to /services/Soap/u/59.0.
describeSalesforceContract('Lead conversion (conn.soap.convertLead)', (target) => {
  let conn: Connection;
  const tag = runTag();
  const janitor = new RecordJanitor();

  beforeAll(async () => {
    conn = await target().connect('admin');
  });
  afterAll(async () => {
    await janitor.flush(conn);
  });

  async function newLead(suffix: string): Promise<string> {
    const id = savedId(
      await conn.sobject('Lead').create({
        FirstName: 'Lin',
        LastName: `${tag} ${suffix}`,
        Company: `${tag} ${suffix} Co`,
        Email: `lin.${suffix}@example.com`,
        Status: 'Open - Not Contacted',
      }),
    );
    janitor.track('Lead', id);
    return id;
  }

  async function convert(input: Record<string, unknown>): Promise<ConvertResult> {
    const result = (await conn.soap.convertLead({
      leadId: '',
      convertedStatus: '',
      ...input,
    })) as unknown;
    return result as ConvertResult;
  }

  it('creates an account, a contact and an opportunity and marks the lead converted', async () => {
    const leadId = await newLead('full');
    const result = await convert({ leadId, convertedStatus: 'Closed - Converted' });
    expect(result).toEqual(
      expect.objectContaining({
        success: true,
        leadId,
        accountId: expect.stringMatching(/^001[a-zA-Z0-9]{15}$/),
        contactId: expect.stringMatching(/^003[a-zA-Z0-9]{15}$/),
        opportunityId: expect.stringMatching(/^006[a-zA-Z0-9]{15}$/),
      }),
    );
    janitor.track('Account', result.accountId ?? '');

    const lead = await conn.query(
      `SELECT IsConverted, Status, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId, ConvertedDate
       FROM Lead WHERE Id = '${leadId}'`,
    );
    expect(lead.records[0]).toEqual(
      expect.objectContaining({
        IsConverted: true,
        Status: 'Closed - Converted',
        ConvertedAccountId: result.accountId,
        ConvertedContactId: result.contactId,
        ConvertedOpportunityId: result.opportunityId,
        ConvertedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    );

    const contact = await conn.query(
      `SELECT FirstName, LastName, Email, AccountId, Account.Name FROM Contact WHERE Id = '${result.contactId}'`,
    );
    expect(contact.records[0]).toEqual(
      expect.objectContaining({
        FirstName: 'Lin',
        LastName: `${tag} full`,
        Email: 'lin.full@example.com',
        AccountId: result.accountId,
      }),
    );
    expect(valueAt(contact.records[0], 'Account.Name')).toBe(`${tag} full Co`);

    const opp = await conn.query(
      `SELECT AccountId, IsClosed FROM Opportunity WHERE Id = '${result.opportunityId}'`,
    );
    expect(opp.records[0]).toEqual(
      expect.objectContaining({ AccountId: result.accountId, IsClosed: false }),
    );
  });

  it('converting the same lead twice fails with CANNOT_UPDATE_CONVERTED_LEAD', async () => {
    const leadId = await newLead('twice');
    const first = await convert({ leadId, convertedStatus: 'Closed - Converted' });
    expect(first.success).toBe(true);
    janitor.track('Account', first.accountId ?? '');
    const accountsBefore = (
      await conn.query(`SELECT COUNT() FROM Account WHERE Name = '${tag} twice Co'`)
    ).totalSize;

    const second = await convert({ leadId, convertedStatus: 'Closed - Converted' });
    expect(second.success).toBe(false);
    expect(recordErrorsOf(second).map((e) => e.statusCode)).toEqual([
      'CANNOT_UPDATE_CONVERTED_LEAD',
    ]);
    const accountsAfter = (
      await conn.query(`SELECT COUNT() FROM Account WHERE Name = '${tag} twice Co'`)
    ).totalSize;
    expect(accountsAfter).toBe(accountsBefore);
  });

  it('doNotCreateOpportunity skips the opportunity', async () => {
    const leadId = await newLead('noopp');
    const result = await convert({
      leadId,
      convertedStatus: 'Closed - Converted',
      doNotCreateOpportunity: true,
    });
    expect(result.success).toBe(true);
    expect(result.opportunityId).toBeNull();
    janitor.track('Account', result.accountId ?? '');
    const lead = await conn.query(`SELECT ConvertedOpportunityId FROM Lead WHERE Id = '${leadId}'`);
    expect(lead.records[0]).toEqual(expect.objectContaining({ ConvertedOpportunityId: null }));
  });

  it('converting into an existing account attaches the contact there', async () => {
    const accountId = savedId(await conn.sobject('Account').create({ Name: `${tag} existing` }));
    janitor.track('Account', accountId);
    const leadId = await newLead('merge');
    const result = await convert({ leadId, convertedStatus: 'Closed - Converted', accountId });
    expect(result).toEqual(expect.objectContaining({ success: true, accountId }));
    const contact = await conn.query(
      `SELECT AccountId FROM Contact WHERE Id = '${result.contactId}'`,
    );
    expect(contact.records[0]).toEqual(expect.objectContaining({ AccountId: accountId }));
  });

  it('a status that is not a converted status fails with INVALID_STATUS and converts nothing', async () => {
    const leadId = await newLead('badstatus');
    const result = await convert({ leadId, convertedStatus: 'Open - Not Contacted' });
    expect(result.success).toBe(false);
    expect(recordErrorsOf(result).map((e) => e.statusCode)).toEqual(['INVALID_STATUS']);
    const lead = await conn.query(`SELECT IsConverted FROM Lead WHERE Id = '${leadId}'`);
    expect(lead.records[0]).toEqual(expect.objectContaining({ IsConverted: false }));
  });
});
