import type { Connection, Record as SfRecord } from 'jsforce';
import { numberOrNull, requiredText, text } from '../baseline/baseline-records';

/** The org's records the bench reads, loaded once, indexed for the floor's resolvers. */
export interface FloorUser {
  id: string;
  name: string;
  email: string | null;
}

export interface FloorContact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  accountId: string | null;
}

export interface FloorAccount {
  id: string;
  name: string;
  industry: string | null;
  phone: string | null;
  annualRevenue: number | null;
  ownerId: string | null;
}

export interface FloorOpportunity {
  id: string;
  name: string;
  stageName: string;
  amount: number | null;
  accountId: string | null;
  ownerId: string | null;
}

export interface FloorData {
  /** Each list in Id order, the order both servers page in. */
  accounts: FloorAccount[];
  opportunities: FloorOpportunity[];
  accountsById: Map<string, FloorAccount>;
  usersById: Map<string, FloorUser>;
  /** An account's contacts, in Id order. */
  contactsByAccount: Map<string, FloorContact[]>;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

async function all(conn: Connection, soql: string): Promise<SfRecord[]> {
  const result = await conn.query<SfRecord>(soql, { autoFetch: true, maxFetch: 10_000_000 });
  return result.records;
}

/** Reads the whole org once through `conn`; nothing is read again while serving. */
export async function loadFloorData(conn: Connection): Promise<FloorData> {
  const [users, accounts, contacts, opportunities] = await Promise.all([
    all(conn, 'SELECT Id, Name, Email FROM User'),
    all(conn, 'SELECT Id, Name, Industry, Phone, AnnualRevenue, OwnerId FROM Account'),
    all(conn, 'SELECT Id, Name, Email, Phone, AccountId FROM Contact'),
    all(conn, 'SELECT Id, Name, StageName, Amount, AccountId, OwnerId FROM Opportunity'),
  ]);
  const accountList = accounts
    .map((r) => ({
      id: requiredText(r, 'Id'),
      name: requiredText(r, 'Name'),
      industry: text(r, 'Industry'),
      phone: text(r, 'Phone'),
      annualRevenue: numberOrNull(r, 'AnnualRevenue'),
      ownerId: text(r, 'OwnerId'),
    }))
    .sort(byId);
  const contactsByAccount = new Map<string, FloorContact[]>();
  for (const r of contacts) {
    const contact: FloorContact = {
      id: requiredText(r, 'Id'),
      name: requiredText(r, 'Name'),
      email: text(r, 'Email'),
      phone: text(r, 'Phone'),
      accountId: text(r, 'AccountId'),
    };
    if (contact.accountId === null) continue;
    const list = contactsByAccount.get(contact.accountId) ?? [];
    list.push(contact);
    contactsByAccount.set(contact.accountId, list);
  }
  for (const list of contactsByAccount.values()) list.sort(byId);
  return {
    accounts: accountList,
    opportunities: opportunities
      .map((r) => ({
        id: requiredText(r, 'Id'),
        name: requiredText(r, 'Name'),
        stageName: requiredText(r, 'StageName'),
        amount: numberOrNull(r, 'Amount'),
        accountId: text(r, 'AccountId'),
        ownerId: text(r, 'OwnerId'),
      }))
      .sort(byId),
    accountsById: new Map(accountList.map((a) => [a.id, a])),
    usersById: new Map(
      users.map((r) => {
        const user = {
          id: requiredText(r, 'Id'),
          name: requiredText(r, 'Name'),
          email: text(r, 'Email'),
        };
        return [user.id, user];
      }),
    ),
    contactsByAccount,
  };
}
