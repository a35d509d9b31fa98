import { generateSalesforceSeed, type SeedOptions } from '../../seed';

/** What the QuickBooks seed needs of one Salesforce Account. */
export interface SeedAccount {
  Id: string;
  Name: string;
  QuickBooks_Customer_Id__c: string | null;
  /** The first contact email under the account, if any (the customer's billing email). */
  email: string | null;
}

/** The Salesforce seed's accounts in creation order, read from its output (never changed). */
export function salesforceAccounts(options: SeedOptions): SeedAccount[] {
  const { records } = generateSalesforceSeed(options);
  const emails = new Map<string, string>();
  for (const { objectName, record } of records) {
    if (objectName !== 'Contact') continue;
    const accountId = record.AccountId;
    if (typeof accountId === 'string' && typeof record.Email === 'string' && !emails.has(accountId))
      emails.set(accountId, record.Email);
  }
  return records
    .filter((r) => r.objectName === 'Account')
    .map(({ record }) => ({
      Id: record.Id,
      Name: String(record.Name),
      QuickBooks_Customer_Id__c:
        typeof record.QuickBooks_Customer_Id__c === 'string'
          ? record.QuickBooks_Customer_Id__c
          : null,
      email: emails.get(record.Id) ?? null,
    }));
}
