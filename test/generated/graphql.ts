/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date string, such as 2007-12-03, compliant with the `full-date` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  Date: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
};

export type Account = Node & {
  annualRevenue: Maybe<Scalars['Float']['output']>;
  billingAddress: Maybe<Address>;
  contacts: ContactConnection;
  createdDate: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  industry: Maybe<Scalars['String']['output']>;
  lastModifiedDate: Scalars['DateTime']['output'];
  name: Scalars['String']['output'];
  numberOfEmployees: Maybe<Scalars['Int']['output']>;
  opportunities: OpportunityConnection;
  owner: Maybe<User>;
  parent: Maybe<Account>;
  phone: Maybe<Scalars['String']['output']>;
  type: Maybe<Scalars['String']['output']>;
  website: Maybe<Scalars['String']['output']>;
};


export type AccountContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ContactOrderBy>>;
  where?: InputMaybe<ContactFilter>;
};


export type AccountOpportunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<OpportunityOrderBy>>;
  where?: InputMaybe<OpportunityFilter>;
};

export type AccountConnection = {
  edges: Array<AccountEdge>;
  nodes: Array<Account>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AccountCreateInput = {
  annualRevenue?: InputMaybe<Scalars['Float']['input']>;
  billingAddress?: InputMaybe<AddressInput>;
  industry?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  numberOfEmployees?: InputMaybe<Scalars['Int']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

export type AccountEdge = {
  cursor: Scalars['String']['output'];
  node: Account;
};

export type AccountFilter = {
  and?: InputMaybe<Array<AccountFilter>>;
  annualRevenue?: InputMaybe<FloatFilter>;
  createdDate?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  industry?: InputMaybe<StringFilter>;
  lastModifiedDate?: InputMaybe<DateTimeFilter>;
  name?: InputMaybe<StringFilter>;
  not?: InputMaybe<AccountFilter>;
  numberOfEmployees?: InputMaybe<IntFilter>;
  or?: InputMaybe<Array<AccountFilter>>;
  ownerId?: InputMaybe<IdFilter>;
  parentId?: InputMaybe<IdFilter>;
  type?: InputMaybe<StringFilter>;
};

export type AccountOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: AccountSortField;
  nulls?: InputMaybe<NullsOrder>;
};

export type AccountSortField =
  | 'ANNUAL_REVENUE'
  | 'CREATED_DATE'
  | 'INDUSTRY'
  | 'LAST_MODIFIED_DATE'
  | 'NAME'
  | 'NUMBER_OF_EMPLOYEES';

export type AccountUpdateInput = {
  annualRevenue?: InputMaybe<Scalars['Float']['input']>;
  billingAddress?: InputMaybe<AddressInput>;
  industry?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  numberOfEmployees?: InputMaybe<Scalars['Int']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

export type Address = {
  city: Maybe<Scalars['String']['output']>;
  country: Maybe<Scalars['String']['output']>;
  postalCode: Maybe<Scalars['String']['output']>;
  state: Maybe<Scalars['String']['output']>;
  street: Maybe<Scalars['String']['output']>;
};

export type AddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<Scalars['String']['input']>;
  street?: InputMaybe<Scalars['String']['input']>;
};

/** Salesforce daily API requests of the gateway's org. */
export type ApiUsage = {
  /** When Salesforce reported these numbers. */
  asOf: Scalars['DateTime']['output'];
  /** The org’s daily allocation. */
  max: Scalars['Int']['output'];
  /** max - used, never below 0. */
  remaining: Scalars['Int']['output'];
  /** Calls counted in the rolling 24 hours. */
  used: Scalars['Int']['output'];
};

export type BooleanFilter = {
  eq?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What happened to the records of a `RecordChange`. */
export type ChangeType =
  | 'CREATE'
  | 'DELETE'
  /** Salesforce could not say exactly what changed (a GAP_* or GAP_OVERFLOW event) and the records could not be re-read: refetch what you show. */
  | 'GAP'
  | 'UNDELETE'
  | 'UPDATE';

export type Contact = Node & {
  account: Maybe<Account>;
  createdDate: Scalars['DateTime']['output'];
  email: Maybe<Scalars['String']['output']>;
  firstName: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastModifiedDate: Scalars['DateTime']['output'];
  lastName: Scalars['String']['output'];
  leadSource: Maybe<Scalars['String']['output']>;
  mailingAddress: Maybe<Address>;
  name: Scalars['String']['output'];
  owner: Maybe<User>;
  phone: Maybe<Scalars['String']['output']>;
  title: Maybe<Scalars['String']['output']>;
};

export type ContactConnection = {
  edges: Array<ContactEdge>;
  nodes: Array<Contact>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ContactCreateInput = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName: Scalars['String']['input'];
  leadSource?: InputMaybe<Scalars['String']['input']>;
  mailingAddress?: InputMaybe<AddressInput>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type ContactEdge = {
  cursor: Scalars['String']['output'];
  node: Contact;
};

export type ContactFilter = {
  accountId?: InputMaybe<IdFilter>;
  and?: InputMaybe<Array<ContactFilter>>;
  createdDate?: InputMaybe<DateTimeFilter>;
  email?: InputMaybe<StringFilter>;
  firstName?: InputMaybe<StringFilter>;
  id?: InputMaybe<IdFilter>;
  lastModifiedDate?: InputMaybe<DateTimeFilter>;
  lastName?: InputMaybe<StringFilter>;
  leadSource?: InputMaybe<StringFilter>;
  not?: InputMaybe<ContactFilter>;
  or?: InputMaybe<Array<ContactFilter>>;
  ownerId?: InputMaybe<IdFilter>;
  title?: InputMaybe<StringFilter>;
};

export type ContactOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: ContactSortField;
  nulls?: InputMaybe<NullsOrder>;
};

export type ContactSortField =
  | 'CREATED_DATE'
  | 'EMAIL'
  | 'FIRST_NAME'
  | 'LAST_MODIFIED_DATE'
  | 'LAST_NAME';

export type ContactUpdateInput = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  leadSource?: InputMaybe<Scalars['String']['input']>;
  mailingAddress?: InputMaybe<AddressInput>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type ConvertLeadInput = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  contactId?: InputMaybe<Scalars['ID']['input']>;
  convertedStatus: Scalars['String']['input'];
  doNotCreateOpportunity?: InputMaybe<Scalars['Boolean']['input']>;
  leadId: Scalars['ID']['input'];
  opportunityName?: InputMaybe<Scalars['String']['input']>;
};

export type DateFilter = {
  eq?: InputMaybe<Scalars['Date']['input']>;
  gt?: InputMaybe<Scalars['Date']['input']>;
  gte?: InputMaybe<Scalars['Date']['input']>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  lt?: InputMaybe<Scalars['Date']['input']>;
  lte?: InputMaybe<Scalars['Date']['input']>;
  ne?: InputMaybe<Scalars['Date']['input']>;
  relative?: InputMaybe<RelativeDate>;
};

export type DateLiteral =
  | 'LAST_MONTH'
  | 'LAST_N_DAYS'
  | 'LAST_QUARTER'
  | 'LAST_WEEK'
  | 'LAST_YEAR'
  | 'NEXT_MONTH'
  | 'NEXT_N_DAYS'
  | 'NEXT_QUARTER'
  | 'THIS_MONTH'
  | 'THIS_QUARTER'
  | 'THIS_WEEK'
  | 'THIS_YEAR'
  | 'TODAY'
  | 'YESTERDAY';

export type DateTimeFilter = {
  eq?: InputMaybe<Scalars['DateTime']['input']>;
  gt?: InputMaybe<Scalars['DateTime']['input']>;
  gte?: InputMaybe<Scalars['DateTime']['input']>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  lt?: InputMaybe<Scalars['DateTime']['input']>;
  lte?: InputMaybe<Scalars['DateTime']['input']>;
  relative?: InputMaybe<RelativeDate>;
};

/** The `extensions.code` of every GraphQL error the gateway returns. */
export type ErrorCode =
  /** Invalid argument, unknown field or malformed filter. */
  | 'BAD_USER_INPUT'
  /** The record changed since it was read, is locked, or a duplicate rule fired. */
  | 'CONFLICT'
  /** Salesforce says the user may not see or do this. */
  | 'FORBIDDEN'
  /** An unexpected error; details are in the gateway log. */
  | 'INTERNAL_SERVER_ERROR'
  /** The record does not exist or is not visible. */
  | 'NOT_FOUND'
  /** The operation exceeds the gateway depth, alias, cost or token limits. */
  | 'QUERY_TOO_COMPLEX'
  /** No or expired gateway credentials. */
  | 'UNAUTHENTICATED'
  /** An upstream rate limit or daily API allocation is exhausted. */
  | 'UPSTREAM_RATE_LIMITED'
  /** An upstream answered 5xx or timed out after retries. */
  | 'UPSTREAM_UNAVAILABLE';

export type FloatFilter = {
  eq?: InputMaybe<Scalars['Float']['input']>;
  gt?: InputMaybe<Scalars['Float']['input']>;
  gte?: InputMaybe<Scalars['Float']['input']>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  lt?: InputMaybe<Scalars['Float']['input']>;
  lte?: InputMaybe<Scalars['Float']['input']>;
  ne?: InputMaybe<Scalars['Float']['input']>;
};

export type IdFilter = {
  eq?: InputMaybe<Scalars['ID']['input']>;
  in?: InputMaybe<Array<Scalars['ID']['input']>>;
  ne?: InputMaybe<Scalars['ID']['input']>;
  nin?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type IntFilter = {
  eq?: InputMaybe<Scalars['Int']['input']>;
  gt?: InputMaybe<Scalars['Int']['input']>;
  gte?: InputMaybe<Scalars['Int']['input']>;
  in?: InputMaybe<Array<Scalars['Int']['input']>>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  lt?: InputMaybe<Scalars['Int']['input']>;
  lte?: InputMaybe<Scalars['Int']['input']>;
  ne?: InputMaybe<Scalars['Int']['input']>;
  nin?: InputMaybe<Array<Scalars['Int']['input']>>;
};

export type Lead = Node & {
  annualRevenue: Maybe<Scalars['Float']['output']>;
  company: Scalars['String']['output'];
  convertedAccount: Maybe<Account>;
  convertedContact: Maybe<Contact>;
  convertedDate: Maybe<Scalars['Date']['output']>;
  convertedOpportunity: Maybe<Opportunity>;
  createdDate: Scalars['DateTime']['output'];
  email: Maybe<Scalars['String']['output']>;
  firstName: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  industry: Maybe<Scalars['String']['output']>;
  isConverted: Scalars['Boolean']['output'];
  lastModifiedDate: Scalars['DateTime']['output'];
  lastName: Scalars['String']['output'];
  leadSource: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  owner: Maybe<User>;
  phone: Maybe<Scalars['String']['output']>;
  rating: Maybe<Scalars['String']['output']>;
  status: Scalars['String']['output'];
  title: Maybe<Scalars['String']['output']>;
};

export type LeadConnection = {
  edges: Array<LeadEdge>;
  nodes: Array<Lead>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LeadConversion = {
  account: Account;
  contact: Contact;
  lead: Lead;
  opportunity: Maybe<Opportunity>;
};

export type LeadCreateInput = {
  annualRevenue?: InputMaybe<Scalars['Float']['input']>;
  company: Scalars['String']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  industry?: InputMaybe<Scalars['String']['input']>;
  lastName: Scalars['String']['input'];
  leadSource?: InputMaybe<Scalars['String']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  rating?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type LeadEdge = {
  cursor: Scalars['String']['output'];
  node: Lead;
};

export type LeadFilter = {
  and?: InputMaybe<Array<LeadFilter>>;
  company?: InputMaybe<StringFilter>;
  createdDate?: InputMaybe<DateTimeFilter>;
  email?: InputMaybe<StringFilter>;
  id?: InputMaybe<IdFilter>;
  industry?: InputMaybe<StringFilter>;
  isConverted?: InputMaybe<BooleanFilter>;
  lastModifiedDate?: InputMaybe<DateTimeFilter>;
  leadSource?: InputMaybe<StringFilter>;
  not?: InputMaybe<LeadFilter>;
  or?: InputMaybe<Array<LeadFilter>>;
  ownerId?: InputMaybe<IdFilter>;
  rating?: InputMaybe<StringFilter>;
  status?: InputMaybe<StringFilter>;
};

export type LeadOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: LeadSortField;
  nulls?: InputMaybe<NullsOrder>;
};

export type LeadSortField =
  | 'COMPANY'
  | 'CREATED_DATE'
  | 'LAST_MODIFIED_DATE'
  | 'LAST_NAME'
  | 'STATUS';

export type LeadUpdateInput = {
  annualRevenue?: InputMaybe<Scalars['Float']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  industry?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  leadSource?: InputMaybe<Scalars['String']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  rating?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  convertLead: LeadConversion;
  createAccount: Account;
  createContact: Contact;
  createLead: Lead;
  createOpportunity: Opportunity;
  deleteAccount: Scalars['ID']['output'];
  deleteContact: Scalars['ID']['output'];
  deleteLead: Scalars['ID']['output'];
  deleteOpportunity: Scalars['ID']['output'];
  updateAccount: Account;
  updateContact: Contact;
  updateLead: Lead;
  updateOpportunity: Opportunity;
};


export type MutationConvertLeadArgs = {
  input: ConvertLeadInput;
};


export type MutationCreateAccountArgs = {
  input: AccountCreateInput;
};


export type MutationCreateContactArgs = {
  input: ContactCreateInput;
};


export type MutationCreateLeadArgs = {
  input: LeadCreateInput;
};


export type MutationCreateOpportunityArgs = {
  input: OpportunityCreateInput;
};


export type MutationDeleteAccountArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteContactArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteLeadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteOpportunityArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateAccountArgs = {
  id: Scalars['ID']['input'];
  input: AccountUpdateInput;
};


export type MutationUpdateContactArgs = {
  id: Scalars['ID']['input'];
  input: ContactUpdateInput;
};


export type MutationUpdateLeadArgs = {
  id: Scalars['ID']['input'];
  input: LeadUpdateInput;
};


export type MutationUpdateOpportunityArgs = {
  id: Scalars['ID']['input'];
  input: OpportunityUpdateInput;
};

export type Node = {
  id: Scalars['ID']['output'];
};

export type NullsOrder =
  | 'FIRST'
  | 'LAST';

export type Opportunity = Node & {
  account: Maybe<Account>;
  amount: Maybe<Scalars['Float']['output']>;
  closeDate: Scalars['Date']['output'];
  createdDate: Scalars['DateTime']['output'];
  expectedRevenue: Maybe<Scalars['Float']['output']>;
  forecastCategory: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  isClosed: Scalars['Boolean']['output'];
  isWon: Scalars['Boolean']['output'];
  lastModifiedDate: Scalars['DateTime']['output'];
  leadSource: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  owner: Maybe<User>;
  probability: Maybe<Scalars['Float']['output']>;
  stageName: Scalars['String']['output'];
  type: Maybe<Scalars['String']['output']>;
};

export type OpportunityConnection = {
  edges: Array<OpportunityEdge>;
  nodes: Array<Opportunity>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OpportunityCreateInput = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  amount?: InputMaybe<Scalars['Float']['input']>;
  closeDate: Scalars['Date']['input'];
  leadSource?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  probability?: InputMaybe<Scalars['Float']['input']>;
  stageName: Scalars['String']['input'];
  type?: InputMaybe<Scalars['String']['input']>;
};

export type OpportunityEdge = {
  cursor: Scalars['String']['output'];
  node: Opportunity;
};

export type OpportunityFilter = {
  accountId?: InputMaybe<IdFilter>;
  amount?: InputMaybe<FloatFilter>;
  and?: InputMaybe<Array<OpportunityFilter>>;
  closeDate?: InputMaybe<DateFilter>;
  createdDate?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  isClosed?: InputMaybe<BooleanFilter>;
  isWon?: InputMaybe<BooleanFilter>;
  lastModifiedDate?: InputMaybe<DateTimeFilter>;
  leadSource?: InputMaybe<StringFilter>;
  name?: InputMaybe<StringFilter>;
  not?: InputMaybe<OpportunityFilter>;
  or?: InputMaybe<Array<OpportunityFilter>>;
  ownerId?: InputMaybe<IdFilter>;
  probability?: InputMaybe<FloatFilter>;
  stageName?: InputMaybe<StringFilter>;
  type?: InputMaybe<StringFilter>;
};

export type OpportunityOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: OpportunitySortField;
  nulls?: InputMaybe<NullsOrder>;
};

export type OpportunitySortField =
  | 'AMOUNT'
  | 'CLOSE_DATE'
  | 'CREATED_DATE'
  | 'LAST_MODIFIED_DATE'
  | 'NAME'
  | 'PROBABILITY'
  | 'STAGE_NAME';

export type OpportunityUpdateInput = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  amount?: InputMaybe<Scalars['Float']['input']>;
  closeDate?: InputMaybe<Scalars['Date']['input']>;
  leadSource?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  probability?: InputMaybe<Scalars['Float']['input']>;
  stageName?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
};

export type PageInfo = {
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Open opportunities (IsClosed = false) by stage, as the viewer may see them. */
export type PipelineReport = {
  amount: Scalars['Float']['output'];
  /** When Salesforce was asked. */
  asOf: Scalars['DateTime']['output'];
  count: Scalars['Int']['output'];
  stages: Array<PipelineStage>;
  weightedAmount: Scalars['Float']['output'];
};

/** Open opportunities of one stage. */
export type PipelineStage = {
  /** Sum of Amount (blank amounts count as 0). */
  amount: Scalars['Float']['output'];
  count: Scalars['Int']['output'];
  stageName: Scalars['String']['output'];
  /** Sum of ExpectedRevenue (Amount × Probability). */
  weightedAmount: Scalars['Float']['output'];
};

export type Query = {
  account: Maybe<Account>;
  accounts: AccountConnection;
  /** Salesforce daily API usage, read fresh (costs one API call). */
  apiUsage: ApiUsage;
  contact: Maybe<Contact>;
  contacts: ContactConnection;
  lead: Maybe<Lead>;
  leads: LeadConnection;
  node: Maybe<Node>;
  opportunities: OpportunityConnection;
  opportunity: Maybe<Opportunity>;
  /** Open opportunities (IsClosed = false) matching `where`, by stage: one aggregate SOQL as the viewer. */
  pipeline: PipelineReport;
  viewer: Maybe<User>;
};


export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<AccountOrderBy>>;
  where?: InputMaybe<AccountFilter>;
};


export type QueryContactArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ContactOrderBy>>;
  where?: InputMaybe<ContactFilter>;
};


export type QueryLeadArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLeadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<LeadOrderBy>>;
  where?: InputMaybe<LeadFilter>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOpportunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<OpportunityOrderBy>>;
  where?: InputMaybe<OpportunityFilter>;
};


export type QueryOpportunityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPipelineArgs = {
  where?: InputMaybe<OpportunityFilter>;
};

/** A CRM record: Account, Contact, Opportunity or Lead. */
export type Record = Account | Contact | Lead | Opportunity;

/** One Change Data Capture event as this subscriber may see it: only records they can see, only fields the graph exposes. */
export type RecordChange = {
  changeType: ChangeType;
  /** camelCase field names of the graph (`stageName`, `billingAddress`, `account`). */
  changedFields: Array<Scalars['String']['output']>;
  commitTimestamp: Scalars['DateTime']['output'];
  /** The Salesforce user who committed the change. */
  commitUserId: Maybe<Scalars['ID']['output']>;
  /** The record now, read as you with the fields you select: for CREATE, UPDATE and UNDELETE of one record; null on DELETE, GAP, several records, or when you can no longer see it. */
  record: Maybe<Record>;
  /** The changed records this subscriber can see. */
  recordIds: Array<Scalars['ID']['output']>;
  /** Position in the org’s change stream (opaque, increasing). */
  replayId: Scalars['String']['output'];
  type: SObjectType;
};

export type RelativeDate = {
  literal: DateLiteral;
  n?: InputMaybe<Scalars['Int']['input']>;
};

/** A CRM object type of the graph. */
export type SObjectType =
  | 'ACCOUNT'
  | 'CONTACT'
  | 'LEAD'
  | 'OPPORTUNITY';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type StringFilter = {
  eq?: InputMaybe<Scalars['String']['input']>;
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  like?: InputMaybe<Scalars['String']['input']>;
  ne?: InputMaybe<Scalars['String']['input']>;
  nin?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Subscription = {
  accountChanged: RecordChange;
  contactChanged: RecordChange;
  leadChanged: RecordChange;
  opportunityChanged: RecordChange;
  /** The `pipeline(where)` report again after Opportunities changed; bursts are coalesced. Query `pipeline` for the current report first. */
  pipelineChanged: PipelineReport;
  /** Changes to Accounts, Contacts, Opportunities and Leads you can see. */
  recordChanged: RecordChange;
};


export type SubscriptionAccountChangedArgs = {
  changeTypes?: InputMaybe<Array<ChangeType>>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type SubscriptionContactChangedArgs = {
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  changeTypes?: InputMaybe<Array<ChangeType>>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type SubscriptionLeadChangedArgs = {
  changeTypes?: InputMaybe<Array<ChangeType>>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type SubscriptionOpportunityChangedArgs = {
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  changeTypes?: InputMaybe<Array<ChangeType>>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type SubscriptionPipelineChangedArgs = {
  where?: InputMaybe<OpportunityFilter>;
};


export type SubscriptionRecordChangedArgs = {
  changeTypes?: InputMaybe<Array<ChangeType>>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  types?: InputMaybe<Array<SObjectType>>;
};

export type User = Node & {
  email: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  isActive: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
};

export type AccountCreateInput = {
  annualRevenue?: number | null | undefined;
  billingAddress?: AddressInput | null | undefined;
  industry?: string | null | undefined;
  name: string;
  numberOfEmployees?: number | null | undefined;
  ownerId?: string | number | null | undefined;
  parentId?: string | number | null | undefined;
  phone?: string | null | undefined;
  type?: string | null | undefined;
  website?: string | null | undefined;
};

export type AccountFilter = {
  and?: Array<AccountFilter> | null | undefined;
  annualRevenue?: FloatFilter | null | undefined;
  createdDate?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  industry?: StringFilter | null | undefined;
  lastModifiedDate?: DateTimeFilter | null | undefined;
  name?: StringFilter | null | undefined;
  not?: AccountFilter | null | undefined;
  numberOfEmployees?: IntFilter | null | undefined;
  or?: Array<AccountFilter> | null | undefined;
  ownerId?: IdFilter | null | undefined;
  parentId?: IdFilter | null | undefined;
  type?: StringFilter | null | undefined;
};

export type AccountOrderBy = {
  direction?: SortDirection | null | undefined;
  field: AccountSortField;
  nulls?: NullsOrder | null | undefined;
};

export type AccountSortField =
  | 'ANNUAL_REVENUE'
  | 'CREATED_DATE'
  | 'INDUSTRY'
  | 'LAST_MODIFIED_DATE'
  | 'NAME'
  | 'NUMBER_OF_EMPLOYEES';

export type AddressInput = {
  city?: string | null | undefined;
  country?: string | null | undefined;
  postalCode?: string | null | undefined;
  state?: string | null | undefined;
  street?: string | null | undefined;
};

export type BooleanFilter = {
  eq?: boolean | null | undefined;
};

export type ContactFilter = {
  accountId?: IdFilter | null | undefined;
  and?: Array<ContactFilter> | null | undefined;
  createdDate?: DateTimeFilter | null | undefined;
  email?: StringFilter | null | undefined;
  firstName?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  lastModifiedDate?: DateTimeFilter | null | undefined;
  lastName?: StringFilter | null | undefined;
  leadSource?: StringFilter | null | undefined;
  not?: ContactFilter | null | undefined;
  or?: Array<ContactFilter> | null | undefined;
  ownerId?: IdFilter | null | undefined;
  title?: StringFilter | null | undefined;
};

export type ContactOrderBy = {
  direction?: SortDirection | null | undefined;
  field: ContactSortField;
  nulls?: NullsOrder | null | undefined;
};

export type ContactSortField =
  | 'CREATED_DATE'
  | 'EMAIL'
  | 'FIRST_NAME'
  | 'LAST_MODIFIED_DATE'
  | 'LAST_NAME';

export type DateFilter = {
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  isNull?: boolean | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  ne?: string | null | undefined;
  relative?: RelativeDate | null | undefined;
};

export type DateLiteral =
  | 'LAST_MONTH'
  | 'LAST_N_DAYS'
  | 'LAST_QUARTER'
  | 'LAST_WEEK'
  | 'LAST_YEAR'
  | 'NEXT_MONTH'
  | 'NEXT_N_DAYS'
  | 'NEXT_QUARTER'
  | 'THIS_MONTH'
  | 'THIS_QUARTER'
  | 'THIS_WEEK'
  | 'THIS_YEAR'
  | 'TODAY'
  | 'YESTERDAY';

export type DateTimeFilter = {
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  isNull?: boolean | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  relative?: RelativeDate | null | undefined;
};

export type FloatFilter = {
  eq?: number | null | undefined;
  gt?: number | null | undefined;
  gte?: number | null | undefined;
  isNull?: boolean | null | undefined;
  lt?: number | null | undefined;
  lte?: number | null | undefined;
  ne?: number | null | undefined;
};

export type IdFilter = {
  eq?: string | number | null | undefined;
  in?: Array<string | number> | null | undefined;
  ne?: string | number | null | undefined;
  nin?: Array<string | number> | null | undefined;
};

export type IntFilter = {
  eq?: number | null | undefined;
  gt?: number | null | undefined;
  gte?: number | null | undefined;
  in?: Array<number> | null | undefined;
  isNull?: boolean | null | undefined;
  lt?: number | null | undefined;
  lte?: number | null | undefined;
  ne?: number | null | undefined;
  nin?: Array<number> | null | undefined;
};

export type LeadFilter = {
  and?: Array<LeadFilter> | null | undefined;
  company?: StringFilter | null | undefined;
  createdDate?: DateTimeFilter | null | undefined;
  email?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  industry?: StringFilter | null | undefined;
  isConverted?: BooleanFilter | null | undefined;
  lastModifiedDate?: DateTimeFilter | null | undefined;
  leadSource?: StringFilter | null | undefined;
  not?: LeadFilter | null | undefined;
  or?: Array<LeadFilter> | null | undefined;
  ownerId?: IdFilter | null | undefined;
  rating?: StringFilter | null | undefined;
  status?: StringFilter | null | undefined;
};

export type LeadOrderBy = {
  direction?: SortDirection | null | undefined;
  field: LeadSortField;
  nulls?: NullsOrder | null | undefined;
};

export type LeadSortField =
  | 'COMPANY'
  | 'CREATED_DATE'
  | 'LAST_MODIFIED_DATE'
  | 'LAST_NAME'
  | 'STATUS';

export type NullsOrder =
  | 'FIRST'
  | 'LAST';

export type OpportunityFilter = {
  accountId?: IdFilter | null | undefined;
  amount?: FloatFilter | null | undefined;
  and?: Array<OpportunityFilter> | null | undefined;
  closeDate?: DateFilter | null | undefined;
  createdDate?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  isClosed?: BooleanFilter | null | undefined;
  isWon?: BooleanFilter | null | undefined;
  lastModifiedDate?: DateTimeFilter | null | undefined;
  leadSource?: StringFilter | null | undefined;
  name?: StringFilter | null | undefined;
  not?: OpportunityFilter | null | undefined;
  or?: Array<OpportunityFilter> | null | undefined;
  ownerId?: IdFilter | null | undefined;
  probability?: FloatFilter | null | undefined;
  stageName?: StringFilter | null | undefined;
  type?: StringFilter | null | undefined;
};

export type OpportunityOrderBy = {
  direction?: SortDirection | null | undefined;
  field: OpportunitySortField;
  nulls?: NullsOrder | null | undefined;
};

export type OpportunitySortField =
  | 'AMOUNT'
  | 'CLOSE_DATE'
  | 'CREATED_DATE'
  | 'LAST_MODIFIED_DATE'
  | 'NAME'
  | 'PROBABILITY'
  | 'STAGE_NAME';

export type RelativeDate = {
  literal: DateLiteral;
  n?: number | null | undefined;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type StringFilter = {
  eq?: string | null | undefined;
  in?: Array<string> | null | undefined;
  isNull?: boolean | null | undefined;
  like?: string | null | undefined;
  ne?: string | null | undefined;
  nin?: Array<string> | null | undefined;
};

export type ApiUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiUsageQuery = { apiUsage: { used: number, max: number, remaining: number, asOf: string } };

export type OpportunitiesByAmountQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type OpportunitiesByAmountQuery = { opportunities: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, amount: number | null }> } };

export type AccountsPlainPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsPlainPageQuery = { accounts: { nodes: Array<{ id: string, name: string }> } };

export type AccountsCountedPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsCountedPageQuery = { accounts: { totalCount: number, nodes: Array<{ id: string }> } };

export type OpportunitiesWithAccountOwnerQueryVariables = Exact<{ [key: string]: never; }>;


export type OpportunitiesWithAccountOwnerQuery = { opportunities: { nodes: Array<{ id: string, account: { name: string, owner: { name: string } | null } | null }> } };

export type OpportunitiesWithAccountContactsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpportunitiesWithAccountContactsQuery = { opportunities: { nodes: Array<{ id: string, account: { contacts: { nodes: Array<{ email: string | null }> } } | null }> } };

export type OpportunitiesNestedQueryVariables = Exact<{ [key: string]: never; }>;


export type OpportunitiesNestedQuery = { opportunities: { nodes: Array<{ id: string, account: { name: string, owner: { name: string } | null, contacts: { nodes: Array<{ email: string | null }> } } | null }> } };

export type ConvertedLeadsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConvertedLeadsQuery = { leads: { nodes: Array<{ convertedAccount: { name: string, contacts: { nodes: Array<{ id: string }> } } | null, convertedOpportunity: { name: string, account: { name: string } | null } | null }> } };

export type AccountsFirstContactsByEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsFirstContactsByEmailQuery = { accounts: { nodes: Array<{ id: string, contacts: { nodes: Array<{ id: string }> } }> } };

export type AccountIdsPageQueryVariables = Exact<{
  where?: AccountFilter | null | undefined;
  orderBy?: Array<AccountOrderBy> | AccountOrderBy | null | undefined;
  after?: string | null | undefined;
}>;


export type AccountIdsPageQuery = { accounts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string }> } };

export type ContactIdsPageQueryVariables = Exact<{
  where?: ContactFilter | null | undefined;
  orderBy?: Array<ContactOrderBy> | ContactOrderBy | null | undefined;
  after?: string | null | undefined;
}>;


export type ContactIdsPageQuery = { contacts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string }> } };

export type OpportunityIdsPageQueryVariables = Exact<{
  where?: OpportunityFilter | null | undefined;
  orderBy?: Array<OpportunityOrderBy> | OpportunityOrderBy | null | undefined;
  after?: string | null | undefined;
}>;


export type OpportunityIdsPageQuery = { opportunities: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string }> } };

export type LeadIdsPageQueryVariables = Exact<{
  where?: LeadFilter | null | undefined;
  orderBy?: Array<LeadOrderBy> | LeadOrderBy | null | undefined;
  after?: string | null | undefined;
}>;


export type LeadIdsPageQuery = { leads: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string }> } };

export type CreateAccountMutationVariables = Exact<{
  input: AccountCreateInput;
}>;


export type CreateAccountMutation = { createAccount: { id: string, name: string, industry: string | null, annualRevenue: number | null, numberOfEmployees: number | null, createdDate: string, billingAddress: { city: string | null, country: string | null } | null, parent: { id: string, name: string } | null } };

export type UpdateAccountContactDetailsMutationVariables = Exact<{
  id: string | number;
}>;


export type UpdateAccountContactDetailsMutation = { updateAccount: { id: string, industry: string | null, phone: string | null, billingAddress: { city: string | null, country: string | null } | null } };

export type DeleteAccountMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAccountMutation = { deleteAccount: string };

export type AccountIdQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountIdQuery = { account: { id: string } | null };

export type CreateContactOpportunityLeadMutationVariables = Exact<{
  acc: string | number;
}>;


export type CreateContactOpportunityLeadMutation = { c: { id: string, name: string, email: string | null, mailingAddress: { city: string | null } | null, account: { id: string } | null }, o: { id: string, name: string, stageName: string, closeDate: string, amount: number | null, isClosed: boolean, account: { id: string } | null }, l: { id: string, name: string, company: string, status: string, isConverted: boolean } };

export type UpdateContactOpportunityLeadMutationVariables = Exact<{
  c: string | number;
  o: string | number;
  l: string | number;
}>;


export type UpdateContactOpportunityLeadMutation = { c: { title: string | null }, o: { stageName: string, closeDate: string, isWon: boolean }, l: { rating: string | null } };

export type DeleteContactOpportunityLeadMutationVariables = Exact<{
  c: string | number;
  o: string | number;
  l: string | number;
}>;


export type DeleteContactOpportunityLeadMutation = { a: string, b: string, c: string };

export type ConvertLeadWithOpportunityMutationVariables = Exact<{
  id: string | number;
}>;


export type ConvertLeadWithOpportunityMutation = { convertLead: { lead: { id: string, isConverted: boolean, status: string, convertedAccount: { id: string } | null }, account: { id: string, name: string }, contact: { id: string, lastName: string }, opportunity: { id: string, name: string } | null } };

export type ConvertLeadWithoutOpportunityMutationVariables = Exact<{
  id: string | number;
}>;


export type ConvertLeadWithoutOpportunityMutation = { convertLead: { opportunity: { id: string } | null } };

export type AccountsPageByNameQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsPageByNameQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, type: string | null, industry: string | null, website: string | null, phone: string | null, annualRevenue: number | null, numberOfEmployees: number | null, createdDate: string, lastModifiedDate: string, billingAddress: { street: string | null, city: string | null, state: string | null, postalCode: string | null, country: string | null } | null, owner: { id: string, name: string } | null, parent: { id: string, name: string } | null } }> } };

export type RecordsByIdQueryVariables = Exact<{
  o: string | number;
  c: string | number;
  l: string | number;
}>;


export type RecordsByIdQuery = { opportunity: { id: string, name: string, stageName: string, amount: number | null, closeDate: string, isClosed: boolean, isWon: boolean, account: { name: string } | null } | null, contact: { id: string, lastName: string, email: string | null, account: { id: string } | null } | null, lead: { id: string, company: string, status: string, isConverted: boolean, convertedDate: string | null, convertedAccount: { id: string } | null, convertedContact: { id: string } | null, convertedOpportunity: { id: string } | null } | null };

export type MissingRecordsQueryVariables = Exact<{
  c: string | number;
}>;


export type MissingRecordsQuery = { a: { id: string } | null, b: { id: string } | null, n:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, email: string | null, isActive: boolean } | null };

export type AccountContactsPageQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type AccountContactsPageQuery = { account: { contacts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, lastName: string }> } } | null };
