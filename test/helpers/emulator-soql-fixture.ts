import { findObject, STANDARD_OBJECTS } from '../../src/emulators/salesforce/metadata';
import { makeId } from '../../src/emulators/salesforce/model/ids';
import type {
  EmulatorUser,
  FieldValue,
  ObjectDef,
  OrgData,
  QueryContext,
  SObjectRecord,
} from '../../src/emulators/salesforce/model/types';

/**
 * A tiny hand-built org for the engine's unit tests: three users, four accounts (one
 * deleted), contacts, opportunities and a lead, with deliberate nulls and mixed case.
 */
export const NOW = new Date('2024-03-15T12:00:00.000Z'); // a Friday in Q1

const user = (n: number, name: string, viewAllData: boolean): EmulatorUser => ({
  Id: makeId('005', n),
  Username: `${name.toLowerCase()}@test.org`,
  Name: name,
  FirstName: null,
  LastName: name,
  Email: `${name.toLowerCase()}@test.org`,
  IsActive: true,
  viewAllData,
  password: 'x',
});

export const ADMIN = user(1, 'Admin', true);
export const REP1 = user(2, 'Rep One', false);
export const REP2 = user(3, 'Rep Two', false);

export const ID = {
  acme: makeId('001', 1),
  acmeLabs: makeId('001', 2),
  globex: makeId('001', 3),
  pure: makeId('001', 4),
  ann: makeId('003', 1),
  bob: makeId('003', 2),
  cy: makeId('003', 3),
  orphan: makeId('003', 4),
  bigDeal: makeId('006', 1),
  small: makeId('006', 2),
  mid: makeId('006', 3),
  pureDeal: makeId('006', 4),
  lead: makeId('00Q', 1),
};

const system = (owner: EmulatorUser, created: string): Record<string, FieldValue> => ({
  IsDeleted: false,
  OwnerId: owner.Id,
  CreatedDate: created,
  CreatedById: ADMIN.Id,
  LastModifiedDate: created,
  LastModifiedById: ADMIN.Id,
  SystemModstamp: created,
});

const ROWS: Record<string, SObjectRecord[]> = {
  User: [ADMIN, REP1, REP2].map((u) => ({
    Id: u.Id,
    Username: u.Username,
    FirstName: u.FirstName,
    LastName: u.LastName,
    Name: u.Name,
    Email: u.Email,
    IsActive: u.IsActive,
    CreatedDate: '2023-01-01T00:00:00.000Z',
  })),
  Account: [
    {
      Id: ID.acme,
      Name: 'Acme',
      Industry: 'Technology',
      Type: 'Customer - Direct',
      AnnualRevenue: 1_000_000,
      NumberOfEmployees: 100,
      BillingCity: 'Paris',
      BillingCountry: 'France',
      BillingStreet: null,
      BillingState: null,
      BillingPostalCode: null,
      ParentId: null,
      Description: 'First customer',
      Stripe_Customer_Id__c: 'cus_1',
      ...system(REP1, '2024-03-15T09:30:00.000Z'),
    },
    {
      Id: ID.acmeLabs,
      Name: 'acme labs',
      Industry: 'Banking',
      Type: 'Prospect',
      AnnualRevenue: 500_000,
      NumberOfEmployees: null,
      ParentId: ID.acme,
      ...system(REP2, '2024-03-10T08:00:00.000Z'),
    },
    {
      Id: ID.globex,
      Name: 'Globex',
      Industry: null,
      AnnualRevenue: null,
      NumberOfEmployees: 5,
      ParentId: null,
      ...system(REP1, '2023-12-31T23:59:59.000Z'),
      IsDeleted: true,
    },
    {
      Id: ID.pure,
      Name: '100% Pure_Co',
      Industry: 'Energy',
      AnnualRevenue: 200_000,
      NumberOfEmployees: 10,
      ParentId: ID.acme,
      ...system(ADMIN, '2024-02-01T00:00:00.000Z'),
    },
  ],
  Contact: [
    {
      Id: ID.ann,
      AccountId: ID.acme,
      FirstName: 'Ann',
      LastName: 'Smith',
      Name: 'Ann Smith',
      Email: 'ann@acme.com',
      ...system(REP1, '2024-03-14T10:00:00.000Z'),
    },
    {
      Id: ID.bob,
      AccountId: ID.acme,
      FirstName: 'Bob',
      LastName: 'jones',
      Name: 'Bob jones',
      Email: null,
      ...system(REP1, '2024-03-01T10:00:00.000Z'),
    },
    {
      Id: ID.cy,
      AccountId: ID.acmeLabs,
      FirstName: 'Cy',
      LastName: 'Young',
      Name: 'Cy Young',
      Email: 'cy@labs.com',
      ...system(REP2, '2024-02-15T10:00:00.000Z'),
    },
    {
      Id: ID.orphan,
      AccountId: null,
      FirstName: null,
      LastName: 'Orphan',
      Name: 'Orphan',
      Email: null,
      ...system(ADMIN, '2023-06-01T10:00:00.000Z'),
    },
  ],
  Opportunity: [
    {
      Id: ID.bigDeal,
      AccountId: ID.acme,
      Name: 'Big Deal',
      StageName: 'Closed Won',
      Amount: 1000,
      Probability: 100,
      CloseDate: '2024-03-15',
      IsClosed: true,
      IsWon: true,
      Product_Interest__c: 'Payments;Support',
      ...system(REP1, '2024-01-05T10:00:00.000Z'),
    },
    {
      Id: ID.small,
      AccountId: ID.acme,
      Name: 'Small',
      StageName: 'Prospecting',
      Amount: 100,
      Probability: 10,
      CloseDate: '2024-03-10',
      IsClosed: false,
      IsWon: false,
      Product_Interest__c: 'Billing',
      ...system(REP1, '2024-02-05T10:00:00.000Z'),
    },
    {
      Id: ID.mid,
      AccountId: ID.acmeLabs,
      Name: 'Mid',
      StageName: 'Prospecting',
      Amount: null,
      Probability: 10,
      CloseDate: '2024-04-20',
      IsClosed: false,
      IsWon: false,
      Product_Interest__c: null,
      ...system(REP2, '2024-03-05T10:00:00.000Z'),
    },
    {
      Id: ID.pureDeal,
      AccountId: ID.pure,
      Name: 'Pure Deal',
      StageName: 'Closed Lost',
      Amount: 300,
      Probability: 0,
      CloseDate: '2023-12-20',
      IsClosed: true,
      IsWon: false,
      Product_Interest__c: 'Support;Analytics',
      ...system(ADMIN, '2023-11-05T10:00:00.000Z'),
    },
  ],
  Lead: [
    {
      Id: ID.lead,
      FirstName: 'Lee',
      LastName: 'Dee',
      Name: 'Lee Dee',
      Company: 'LeadCo',
      Status: 'Open - Not Contacted',
      IsConverted: false,
      ...system(REP1, '2024-03-01T00:00:00.000Z'),
    },
  ],
};

export class FixtureOrg implements OrgData {
  private readonly index = new Map<string, SObjectRecord>();

  constructor(
    private readonly objects: ObjectDef[] = STANDARD_OBJECTS,
    readonly tables: Record<string, SObjectRecord[]> = ROWS,
  ) {
    for (const rows of Object.values(tables)) for (const row of rows) this.index.set(row.Id, row);
  }

  describe(objectName: string): ObjectDef | undefined {
    return findObject(objectName, this.objects);
  }

  rows(objectName: string): Iterable<SObjectRecord> {
    return this.tables[objectName] ?? [];
  }

  byId(id: string): SObjectRecord | undefined {
    return (
      this.index.get(id) ??
      [...this.index.values()].find((r) => r.Id.slice(0, 15) === id.slice(0, 15))
    );
  }

  canSee(viewer: EmulatorUser, objectName: string, record: SObjectRecord): boolean {
    return viewer.viewAllData || objectName === 'User' || record.OwnerId === viewer.Id;
  }
}

export const context = (overrides: Partial<QueryContext> = {}): QueryContext => ({
  user: ADMIN,
  includeDeleted: false,
  now: NOW,
  apiVersion: '59.0',
  ...overrides,
});
