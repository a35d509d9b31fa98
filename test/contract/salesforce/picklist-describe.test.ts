import type { Connection } from 'jsforce';
import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';

interface PicklistEntry {
  value: string;
  label: string | null;
  active: boolean;
  defaultValue: boolean;
  validFor: string | null;
}

interface DescribedField {
  name: string;
  type: string;
  picklistValues: PicklistEntry[];
}

async function fieldOf(conn: Connection, object: string, field: string): Promise<DescribedField> {
  const described = await conn.sobject(object).describe();
  const found = (described.fields as unknown as DescribedField[]).find((f) => f.name === field);
  if (!found) throw new Error(`${object}.${field} is missing from describe`);
  return found;
}

// What `picklists` reads: describe's picklistValues of the standard and custom picklists.
describeSalesforceContract('Picklist values in describe', (target) => {
  let admin: Connection;

  beforeAll(async () => {
    admin = await target().connect('admin');
  });

  it.each([
    ['Opportunity', 'StageName', 'picklist'],
    ['Opportunity', 'Type', 'picklist'],
    ['Opportunity', 'LeadSource', 'picklist'],
    ['Account', 'Industry', 'picklist'],
    ['Account', 'Type', 'picklist'],
    ['Contact', 'LeadSource', 'picklist'],
    ['Lead', 'Status', 'picklist'],
    ['Lead', 'Rating', 'picklist'],
    ['Lead', 'Industry', 'picklist'],
  ])('%s.%s lists {value, label, active, defaultValue} entries', async (object, field, type) => {
    const described = await fieldOf(admin, object, field);
    expect(described.type).toBe(type);
    expect(described.picklistValues.length).toBeGreaterThan(1);
    for (const entry of described.picklistValues) {
      expect(typeof entry.value).toBe('string');
      expect(typeof entry.label).toBe('string');
      expect(typeof entry.active).toBe('boolean');
      expect(typeof entry.defaultValue).toBe('boolean');
      expect(entry).toHaveProperty('validFor');
    }
    expect(described.picklistValues.filter((p) => p.defaultValue).length).toBeLessThanOrEqual(1);
  });

  it('marks the default lead status', async () => {
    const status = await fieldOf(admin, 'Lead', 'Status');
    expect(status.picklistValues.filter((p) => p.defaultValue)).toHaveLength(1);
  });

  emulatorOnly('the demo org ships the standard values and its custom picklists', async () => {
    const stage = await fieldOf(admin, 'Opportunity', 'StageName');
    expect(stage.picklistValues.map((p) => p.value)).toEqual(
      expect.arrayContaining(['Prospecting', 'Closed Won', 'Closed Lost']),
    );
    expect(stage.picklistValues.every((p) => p.active && p.label === p.value)).toBe(true);
    const status = await fieldOf(admin, 'Lead', 'Status');
    expect(status.picklistValues.find((p) => p.defaultValue)?.value).toBe('Open - Not Contacted');
    const segments = await fieldOf(admin, 'Account', 'Segments__c');
    expect(segments.type).toBe('multipicklist');
    expect(segments.picklistValues.length).toBeGreaterThan(1);
    const region = await fieldOf(admin, 'Account', 'Region__c');
    expect(region.type).toBe('picklist');
    expect(region.picklistValues.length).toBeGreaterThan(1);
  });
});
