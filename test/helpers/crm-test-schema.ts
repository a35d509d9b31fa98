import { buildSchema } from 'graphql';

/**
 * Test support: the CRM part of contract.graphql (/work/shared/design), copied so selection tests
 * and the mapping coverage check do not wait for the type-graphql schema. Linked-service types
 * are reduced to stubs.
 */
export const CRM_TEST_SDL = /* GraphQL */ `
  scalar DateTime
  scalar Date
  interface Node {
    id: ID!
  }
  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }
  enum SortDirection {
    ASC
    DESC
  }
  enum NullsOrder {
    FIRST
    LAST
  }

  input IDFilter {
    eq: ID
    ne: ID
    in: [ID!]
    nin: [ID!]
  }
  input StringFilter {
    eq: String
    ne: String
    in: [String!]
    nin: [String!]
    like: String
    isNull: Boolean
  }
  input IntFilter {
    eq: Int
    ne: Int
    lt: Int
    lte: Int
    gt: Int
    gte: Int
    in: [Int!]
    nin: [Int!]
    isNull: Boolean
  }
  input FloatFilter {
    eq: Float
    ne: Float
    lt: Float
    lte: Float
    gt: Float
    gte: Float
    isNull: Boolean
  }
  input BooleanFilter {
    eq: Boolean
  }
  input DateFilter {
    eq: Date
    ne: Date
    lt: Date
    lte: Date
    gt: Date
    gte: Date
    isNull: Boolean
    relative: RelativeDate
  }
  input DateTimeFilter {
    eq: DateTime
    lt: DateTime
    lte: DateTime
    gt: DateTime
    gte: DateTime
    isNull: Boolean
    relative: RelativeDate
  }
  input RelativeDate {
    literal: DateLiteral!
    n: Int
  }
  enum DateLiteral {
    TODAY
    YESTERDAY
    THIS_WEEK
    LAST_WEEK
    THIS_MONTH
    LAST_MONTH
    NEXT_MONTH
    THIS_QUARTER
    LAST_QUARTER
    NEXT_QUARTER
    THIS_YEAR
    LAST_YEAR
    LAST_N_DAYS
    NEXT_N_DAYS
  }

  type User implements Node {
    id: ID!
    name: String!
    email: String
    isActive: Boolean!
  }
  type Address {
    street: String
    city: String
    state: String
    postalCode: String
    country: String
  }

  type Account implements Node {
    id: ID!
    name: String!
    type: String
    industry: String
    website: String
    phone: String
    annualRevenue: Float
    numberOfEmployees: Int
    billingAddress: Address
    parent: Account
    owner: User
    createdDate: DateTime!
    lastModifiedDate: DateTime!
    contacts(
      first: Int = 50
      after: String
      where: ContactFilter
      orderBy: [ContactOrderBy!]
    ): ContactConnection!
    opportunities(
      first: Int = 50
      after: String
      where: OpportunityFilter
      orderBy: [OpportunityOrderBy!]
    ): OpportunityConnection!
    payments(first: Int = 20, after: String): StubConnection!
    tickets(first: Int = 20, after: String): StubConnection!
    invoices(first: Int = 20, after: String): StubConnection!
    customer360: Customer360!
  }

  type Contact implements Node {
    id: ID!
    firstName: String
    lastName: String!
    name: String!
    email: String
    phone: String
    title: String
    leadSource: String
    mailingAddress: Address
    account: Account
    owner: User
    createdDate: DateTime!
    lastModifiedDate: DateTime!
    tickets(first: Int = 20, after: String): StubConnection!
  }

  type Opportunity implements Node {
    id: ID!
    name: String!
    stageName: String!
    amount: Float
    probability: Float
    expectedRevenue: Float
    closeDate: Date!
    type: String
    leadSource: String
    forecastCategory: String
    isClosed: Boolean!
    isWon: Boolean!
    account: Account
    owner: User
    createdDate: DateTime!
    lastModifiedDate: DateTime!
  }

  type Lead implements Node {
    id: ID!
    firstName: String
    lastName: String!
    name: String!
    company: String!
    title: String
    email: String
    phone: String
    status: String!
    leadSource: String
    industry: String
    rating: String
    annualRevenue: Float
    isConverted: Boolean!
    convertedDate: Date
    convertedAccount: Account
    convertedContact: Contact
    convertedOpportunity: Opportunity
    owner: User
    createdDate: DateTime!
    lastModifiedDate: DateTime!
  }

  type Stub {
    id: ID!
  }
  type StubConnection {
    nodes: [Stub!]!
  }
  type Customer360 {
    health: String!
  }

  type AccountEdge {
    cursor: String!
    node: Account!
  }
  type AccountConnection {
    edges: [AccountEdge!]!
    nodes: [Account!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type ContactEdge {
    cursor: String!
    node: Contact!
  }
  type ContactConnection {
    edges: [ContactEdge!]!
    nodes: [Contact!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type OpportunityEdge {
    cursor: String!
    node: Opportunity!
  }
  type OpportunityConnection {
    edges: [OpportunityEdge!]!
    nodes: [Opportunity!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type LeadEdge {
    cursor: String!
    node: Lead!
  }
  type LeadConnection {
    edges: [LeadEdge!]!
    nodes: [Lead!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input AccountFilter {
    id: IDFilter
    name: StringFilter
    type: StringFilter
    industry: StringFilter
    annualRevenue: FloatFilter
    numberOfEmployees: IntFilter
    ownerId: IDFilter
    parentId: IDFilter
    createdDate: DateTimeFilter
    lastModifiedDate: DateTimeFilter
    and: [AccountFilter!]
    or: [AccountFilter!]
    not: AccountFilter
  }
  input ContactFilter {
    id: IDFilter
    accountId: IDFilter
    firstName: StringFilter
    lastName: StringFilter
    email: StringFilter
    title: StringFilter
    leadSource: StringFilter
    ownerId: IDFilter
    createdDate: DateTimeFilter
    lastModifiedDate: DateTimeFilter
    and: [ContactFilter!]
    or: [ContactFilter!]
    not: ContactFilter
  }
  input OpportunityFilter {
    id: IDFilter
    accountId: IDFilter
    name: StringFilter
    stageName: StringFilter
    amount: FloatFilter
    probability: FloatFilter
    closeDate: DateFilter
    type: StringFilter
    leadSource: StringFilter
    isClosed: BooleanFilter
    isWon: BooleanFilter
    ownerId: IDFilter
    createdDate: DateTimeFilter
    lastModifiedDate: DateTimeFilter
    and: [OpportunityFilter!]
    or: [OpportunityFilter!]
    not: OpportunityFilter
  }
  input LeadFilter {
    id: IDFilter
    company: StringFilter
    email: StringFilter
    status: StringFilter
    leadSource: StringFilter
    industry: StringFilter
    rating: StringFilter
    isConverted: BooleanFilter
    ownerId: IDFilter
    createdDate: DateTimeFilter
    lastModifiedDate: DateTimeFilter
    and: [LeadFilter!]
    or: [LeadFilter!]
    not: LeadFilter
  }

  enum AccountSortField {
    NAME
    INDUSTRY
    ANNUAL_REVENUE
    NUMBER_OF_EMPLOYEES
    CREATED_DATE
    LAST_MODIFIED_DATE
  }
  enum ContactSortField {
    LAST_NAME
    FIRST_NAME
    EMAIL
    CREATED_DATE
    LAST_MODIFIED_DATE
  }
  enum OpportunitySortField {
    NAME
    AMOUNT
    CLOSE_DATE
    STAGE_NAME
    PROBABILITY
    CREATED_DATE
    LAST_MODIFIED_DATE
  }
  enum LeadSortField {
    LAST_NAME
    COMPANY
    STATUS
    CREATED_DATE
    LAST_MODIFIED_DATE
  }
  input AccountOrderBy {
    field: AccountSortField!
    direction: SortDirection = ASC
    nulls: NullsOrder
  }
  input ContactOrderBy {
    field: ContactSortField!
    direction: SortDirection = ASC
    nulls: NullsOrder
  }
  input OpportunityOrderBy {
    field: OpportunitySortField!
    direction: SortDirection = ASC
    nulls: NullsOrder
  }
  input LeadOrderBy {
    field: LeadSortField!
    direction: SortDirection = ASC
    nulls: NullsOrder
  }

  union SearchResult = Account | Contact | Opportunity | Lead

  type Query {
    node(id: ID!): Node
    account(id: ID!): Account
    accounts(
      first: Int = 50
      after: String
      where: AccountFilter
      orderBy: [AccountOrderBy!]
    ): AccountConnection!
    contacts(
      first: Int = 50
      after: String
      where: ContactFilter
      orderBy: [ContactOrderBy!]
    ): ContactConnection!
    opportunities(
      first: Int = 50
      after: String
      where: OpportunityFilter
      orderBy: [OpportunityOrderBy!]
    ): OpportunityConnection!
    leads(
      first: Int = 50
      after: String
      where: LeadFilter
      orderBy: [LeadOrderBy!]
    ): LeadConnection!
    lead(id: ID!): Lead
    search(text: String!): [SearchResult!]!
  }
`;

export const crmTestSchema = buildSchema(CRM_TEST_SDL);
