import type { Connection, Record as SfRecord } from 'jsforce';
import {
  checkFirst,
  decodeCursor,
  encodeCursor,
  numberOrNull,
  requiredText,
  text,
} from './baseline-records';
import {
  linkedAccountFields,
  type BaselineLinkedClients,
  type LinkedAccountFields,
} from './baseline-linked';

/*
 * The naive implementation on purpose: graphql-js's default resolver calls the functions
 * on these objects, one Salesforce call per record and relationship, no batching, no cache.
 */

interface PageArgs {
  first: number;
  after?: string | null;
}

interface PageInfoView {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface ConnectionView<T> {
  nodes: T[];
  pageInfo: PageInfoView;
}

interface UserView {
  id: string;
  name: string;
  email: string | null;
}

interface ContactView {
  id: string;
  firstName: string | null;
  lastName: string;
  name: string;
  email: string | null;
}

interface AccountView extends LinkedAccountFields {
  id: string;
  name: string;
  industry: string | null;
  phone: string | null;
  annualRevenue: number | null;
  owner(): Promise<UserView | null>;
  contacts(args: { first: number }): Promise<ConnectionView<ContactView>>;
}

interface OpportunityView {
  id: string;
  name: string;
  stageName: string;
  amount: number | null;
  closeDate: string;
  account(): Promise<AccountView | null>;
  owner(): Promise<UserView | null>;
}

export interface BaselineRoot {
  accounts(args: PageArgs): Promise<ConnectionView<AccountView>>;
  opportunities(args: PageArgs): Promise<ConnectionView<OpportunityView>>;
}

async function page<T>(
  conn: Connection,
  soql: { select: string; from: string; where?: string },
  args: PageArgs,
  view: (record: SfRecord) => T,
): Promise<ConnectionView<T>> {
  const first = checkFirst(args.first);
  const conditions = [
    ...(soql.where ? [soql.where] : []),
    ...(args.after ? [`Id > '${decodeCursor(args.after)}'`] : []),
  ];
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const result = await conn.query<SfRecord>(
    `SELECT ${soql.select} FROM ${soql.from}${where} ORDER BY Id LIMIT ${first + 1}`,
  );
  const rows = result.records.slice(0, first);
  const last = rows[rows.length - 1];
  return {
    nodes: rows.map(view),
    pageInfo: {
      hasNextPage: result.records.length > first,
      endCursor: last ? encodeCursor(requiredText(last, 'Id')) : null,
    },
  };
}

async function retrieveUser(conn: Connection, id: string | null): Promise<UserView | null> {
  if (id === null) return null;
  const record = await conn.sobject('User').retrieve(id);
  return {
    id: requiredText(record, 'Id'),
    name: requiredText(record, 'Name'),
    email: text(record, 'Email'),
  };
}

function contactView(record: SfRecord): ContactView {
  return {
    id: requiredText(record, 'Id'),
    firstName: text(record, 'FirstName'),
    lastName: requiredText(record, 'LastName'),
    name: requiredText(record, 'Name'),
    email: text(record, 'Email'),
  };
}

/** A link field's value: text or a number (a Number-typed custom field); blank is no link. */
function linkValue(record: SfRecord, field: string): string | null {
  const value: unknown = record[field];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function notLinked(): never {
  throw new Error('the baseline was started without the linked services');
}

const UNLINKED: LinkedAccountFields = {
  payments: notLinked,
  tickets: notLinked,
  invoices: notLinked,
  customer360: notLinked,
};

function accountView(
  conn: Connection,
  record: SfRecord,
  linked: BaselineLinkedClients | undefined,
): AccountView {
  const id = requiredText(record, 'Id');
  const links = linked?.targets.linkFields;
  return {
    ...(linked && links
      ? linkedAccountFields(linked, {
          id,
          name: requiredText(record, 'Name'),
          stripeCustomerId: linkValue(record, links.stripeCustomer),
          zendeskOrganizationId: linkValue(record, links.zendeskOrganization),
          quickBooksCustomerId: linkValue(record, links.quickBooksCustomer),
        })
      : UNLINKED),
    id,
    name: requiredText(record, 'Name'),
    industry: text(record, 'Industry'),
    phone: text(record, 'Phone'),
    annualRevenue: numberOrNull(record, 'AnnualRevenue'),
    owner: () => retrieveUser(conn, text(record, 'OwnerId')),
    contacts: (args) =>
      page(
        conn,
        {
          select: 'Id, FirstName, LastName, Name, Email',
          from: 'Contact',
          where: `AccountId = '${id}'`,
        },
        { first: args.first },
        contactView,
      ),
  };
}

async function retrieveAccount(
  conn: Connection,
  id: string | null,
  linked: BaselineLinkedClients | undefined,
): Promise<AccountView | null> {
  if (id === null) return null;
  return accountView(conn, await conn.sobject('Account').retrieve(id), linked);
}

function opportunityView(
  conn: Connection,
  record: SfRecord,
  linked: BaselineLinkedClients | undefined,
): OpportunityView {
  return {
    id: requiredText(record, 'Id'),
    name: requiredText(record, 'Name'),
    stageName: requiredText(record, 'StageName'),
    amount: numberOrNull(record, 'Amount'),
    closeDate: requiredText(record, 'CloseDate'),
    account: () => retrieveAccount(conn, text(record, 'AccountId'), linked),
    owner: () => retrieveUser(conn, text(record, 'OwnerId')),
  };
}

/** `linked`: the Stripe, Zendesk and QuickBooks clients; without them those fields fail. */
export function createBaselineRoot(conn: Connection, linked?: BaselineLinkedClients): BaselineRoot {
  const links = linked?.targets.linkFields;
  const linkColumns = links
    ? `, ${links.stripeCustomer}, ${links.zendeskOrganization}, ${links.quickBooksCustomer}`
    : '';
  return {
    accounts: (args) =>
      page(
        conn,
        {
          select: `Id, Name, Industry, Phone, AnnualRevenue, OwnerId${linkColumns}`,
          from: 'Account',
        },
        args,
        (record) => accountView(conn, record, linked),
      ),
    opportunities: (args) =>
      page(
        conn,
        {
          select: 'Id, Name, StageName, Amount, CloseDate, AccountId, OwnerId',
          from: 'Opportunity',
        },
        args,
        (record) => opportunityView(conn, record, linked),
      ),
  };
}
