import type { Connection } from 'jsforce';
import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';
import { expectSalesforceError } from '../../helpers/salesforce-errors';
import { RecordJanitor, runTag, savedId, stringField } from '../../helpers/salesforce-records';

interface DescribeField {
  name: string;
  type: string;
  custom: boolean;
  filterable: boolean;
  sortable: boolean;
  createable: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  extraTypeInfo: string | null;
  htmlFormatted: boolean;
  encrypted: boolean;
  soapType: string;
  length: number;
  picklistValues: Array<{ value: string }>;
}

const fieldsOf = async (conn: Connection, object: string): Promise<Map<string, DescribeField>> => {
  const described = await conn.sobject(object).describe();
  return new Map(
    (described.fields as unknown as DescribeField[]).map((field) => [field.name, field]),
  );
};

// The demo org's custom fields (src/emulators/salesforce/metadata/custom-fields.ts): describe
// shapes, SOQL over them, DML, and field-level security for the reps' profile.
describeSalesforceContract(
  'Custom fields',
  (target) => {
    let admin: Connection;
    let rep: Connection;
    const janitor = new RecordJanitor();

    beforeAll(async () => {
      admin = await target().connect('admin');
      if (target().kind === 'emulator') rep = await target().connect('rep1');
    });
    afterAll(async () => {
      await janitor.flush(admin);
    });

    emulatorOnly('describe reports every custom field type with Salesforce shapes', async () => {
      const account = await fieldsOf(admin, 'Account');
      const types = Object.fromEntries(
        [...account.values()].filter((f) => f.custom).map((f) => [f.name, f.type]),
      );
      expect(types).toEqual(
        expect.objectContaining({
          Region__c: 'picklist',
          Segments__c: 'multipicklist',
          Credit_Limit__c: 'currency',
          Health_Score__c: 'int',
          Renewal_Date__c: 'date',
          Is_Strategic__c: 'boolean',
          Primary_Contact__c: 'reference',
          Billing_Email__c: 'email',
          Support_Phone__c: 'phone',
          Portal_Url__c: 'url',
          Summary__c: 'textarea',
          Office_Location__c: 'location',
          Tax_Id__c: 'encryptedstring',
          Account_Plan__c: 'textarea',
          Stripe_Customer_Id__c: 'string',
        }),
      );
      expect(account.get('Primary_Contact__c')).toMatchObject({
        referenceTo: ['Contact'],
        relationshipName: 'Primary_Contact__r',
        soapType: 'tns:ID',
      });
      expect(account.get('Account_Plan__c')).toMatchObject({
        extraTypeInfo: 'richtextarea',
        htmlFormatted: true,
        length: 32768,
        filterable: false,
        sortable: false,
      });
      expect(account.get('Summary__c')).toMatchObject({ extraTypeInfo: 'plaintextarea' });
      expect(account.get('Tax_Id__c')).toMatchObject({ encrypted: true, filterable: false });
      expect(account.get('Segments__c')).toMatchObject({ sortable: false, filterable: true });
      expect(account.get('Segments__c')?.picklistValues.map((p) => p.value)).toEqual([
        'SMB',
        'Mid-Market',
        'Enterprise',
        'Public Sector',
      ]);
      const opportunity = await fieldsOf(admin, 'Opportunity');
      expect(opportunity.get('Partner_Account__c')?.referenceTo).toEqual(['Account']);
      expect(opportunity.get('Discount__c')?.type).toBe('percent');
      expect(opportunity.get('Campaign__c')?.referenceTo).toEqual(['Campaign']);
      const contact = await fieldsOf(admin, 'Contact');
      expect(contact.get('Loyalty_Score__c')?.type).toBe('double');
      expect(contact.get('Last_Survey_At__c')?.type).toBe('datetime');
      const lead = await fieldsOf(admin, 'Lead');
      expect(lead.get('Interests__c')?.type).toBe('multipicklist');
    });

    emulatorOnly('seeded custom values are typed and filter with INCLUDES/EXCLUDES', async () => {
      const all = await admin.query<Record<string, unknown>>(
        'SELECT Id, Segments__c, Region__c, Health_Score__c, Is_Strategic__c FROM Account',
        { autoFetch: true, maxFetch: 100_000 },
      );
      const segmentsOf = (r: Record<string, unknown>): string[] =>
        typeof r.Segments__c === 'string' ? r.Segments__c.split(';') : [];
      const withEnterprise = all.records.filter((r) => segmentsOf(r).includes('Enterprise'));
      expect(withEnterprise.length).toBeGreaterThan(0);
      expect(all.records.some((r) => typeof r.Health_Score__c === 'number')).toBe(true);
      expect(all.records.some((r) => r.Is_Strategic__c === true)).toBe(true);

      const included = await admin.query(
        "SELECT Id FROM Account WHERE Segments__c INCLUDES ('Enterprise')",
        { autoFetch: true, maxFetch: 100_000 },
      );
      expect(included.totalSize).toBe(withEnterprise.length);
      const excluded = await admin.query(
        "SELECT Id FROM Account WHERE Segments__c EXCLUDES ('Enterprise')",
        { autoFetch: true, maxFetch: 100_000 },
      );
      expect(excluded.totalSize).toBe(all.totalSize - withEnterprise.length);

      const sorted = await admin.query<{ Health_Score__c: number | null }>(
        'SELECT Id, Health_Score__c FROM Account WHERE Health_Score__c != null ORDER BY Health_Score__c DESC LIMIT 20',
      );
      const scores = sorted.records.map((r) => r.Health_Score__c ?? 0);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));

      const partners = await admin.query<Record<string, unknown>>(
        'SELECT Id, Partner_Account__r.Name FROM Opportunity WHERE Partner_Account__c != null LIMIT 5',
      );
      expect(partners.records.length).toBeGreaterThan(0);
      expect(typeof (partners.records[0]?.Partner_Account__r as { Name?: unknown })?.Name).toBe(
        'string',
      );
    });

    emulatorOnly('DML writes and reads back custom values of each kind', async () => {
      const tag = runTag();
      const created = await admin.sobject('Account').create({
        Name: `${tag} custom`,
        Region__c: 'EMEA',
        Segments__c: 'SMB;Enterprise',
        Health_Score__c: 42,
        Renewal_Date__c: '2026-01-31',
        Is_Strategic__c: true,
        Credit_Limit__c: 12500.5,
      });
      const id = savedId(created);
      janitor.track('Account', id);
      const row = await admin.sobject('Account').retrieve(id);
      expect(row).toMatchObject({
        Region__c: 'EMEA',
        Segments__c: 'SMB;Enterprise',
        Health_Score__c: 42,
        Renewal_Date__c: '2026-01-31',
        Is_Strategic__c: true,
        Credit_Limit__c: 12500.5,
      });
      await expectSalesforceError(
        admin.sobject('Account').update({ Id: id, Health_Score__c: 'many' }),
        'JSON_PARSER_ERROR',
      );
      await expectSalesforceError(
        admin.sobject('Account').update({ Id: id, Office_Location__c: 'x' }),
        'INVALID_FIELD_FOR_INSERT_UPDATE',
      );
    });

    emulatorOnly('field-level security hides fields from the reps profile', async () => {
      const repFields = await fieldsOf(rep, 'Account');
      expect(repFields.has('Credit_Limit__c')).toBe(false);
      expect(repFields.has('Region__c')).toBe(true);
      expect((await fieldsOf(admin, 'Account')).has('Credit_Limit__c')).toBe(true);
      expect((await fieldsOf(rep, 'Opportunity')).has('Margin__c')).toBe(false);

      await expectSalesforceError(
        rep.query('SELECT Id, Credit_Limit__c FROM Account'),
        'INVALID_FIELD',
        /No such column 'Credit_Limit__c' on entity 'Account'/,
      );
      await expectSalesforceError(
        rep.query('SELECT Id FROM Opportunity WHERE Margin__c > 0'),
        'INVALID_FIELD',
      );
      const own = await rep.query('SELECT Id FROM Account LIMIT 1');
      const id = stringField(own.records[0], 'Id') ?? '';
      await expectSalesforceError(
        rep.sobject('Account').update({ Id: id, Credit_Limit__c: 1 }),
        'INVALID_FIELD',
      );
      const row = await rep.sobject('Account').retrieve(id);
      expect(row).not.toHaveProperty('Credit_Limit__c');
      expect(row).toHaveProperty('Region__c');
    });
  },
  { scale: 0.1 },
);
