import type { Connection } from 'jsforce';
import { describeSalesforceContract, emulatorOnly } from '../../helpers/salesforce-target';
import { stringField } from '../../helpers/salesforce-records';

// The SOQL `users(first, after, where, orderBy)` sends: User rows, LIKE on Name and Email,
// IsActive, keyset ORDER BY with explicit NULLS and Id as the tiebreaker.
describeSalesforceContract('User queries', (target) => {
  let admin: Connection;

  beforeAll(async () => {
    admin = await target().connect('admin');
  });

  it('pages users by Name with NULLS FIRST and an Id tiebreaker, keyset style', async () => {
    const all = await admin.query(
      'SELECT Id, Name FROM User WHERE IsActive = true ORDER BY Name ASC NULLS FIRST, Id ASC',
    );
    expect(all.records.length).toBeGreaterThan(1);
    const first = all.records[0];
    const name = stringField(first, 'Name') ?? '';
    const id = stringField(first, 'Id') ?? '';
    const escaped = name.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    const rest = await admin.query(
      `SELECT Id, Name FROM User WHERE IsActive = true AND (Name > '${escaped}' OR (Name = '${escaped}' AND Id > '${id}')) ORDER BY Name ASC NULLS FIRST, Id ASC`,
    );
    expect(rest.records.map((r) => stringField(r, 'Id'))).toEqual(
      all.records.slice(1).map((r) => stringField(r, 'Id')),
    );
  });

  it('matches LIKE on Name and Email case-insensitively', async () => {
    const all = await admin.query('SELECT Id, Name, Email FROM User ORDER BY Id');
    const sample = all.records.find((r) => (stringField(r, 'Email') ?? '').includes('@'));
    const email = stringField(sample, 'Email') ?? '';
    const domain = email.slice(email.indexOf('@')).toUpperCase();
    const byEmail = await admin.query(
      `SELECT Id FROM User WHERE Email LIKE '%${domain.replace(/'/g, "\\'")}' ORDER BY Id`,
    );
    expect(byEmail.records.map((r) => stringField(r, 'Id'))).toContain(stringField(sample, 'Id'));
    const word = (stringField(sample, 'Name') ?? '').split(' ')[0]?.toLowerCase() ?? '';
    const byName = await admin.query(
      `SELECT Id FROM User WHERE Name LIKE '%${word.replace(/'/g, "\\'")}%' ORDER BY Id`,
    );
    expect(byName.records.map((r) => stringField(r, 'Id'))).toContain(stringField(sample, 'Id'));
  });

  emulatorOnly('shows every user to a sales rep under private sharing', async () => {
    const rep = await target().connect('rep1');
    const asAdmin = await admin.query('SELECT Id FROM User ORDER BY Id');
    const asRep = await rep.query('SELECT Id FROM User ORDER BY Id');
    expect(asRep.records.map((r) => r.Id)).toEqual(asAdmin.records.map((r) => r.Id));
    expect(asRep.totalSize).toBe(6);
  });
});
