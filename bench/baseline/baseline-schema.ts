/** The Account/Contact/Opportunity/User subset the bench reads, shaped like the gateway's. */
export const BASELINE_SDL = /* GraphQL */ `
  type Query {
    accounts(first: Int = 50, after: String): AccountConnection!
    opportunities(first: Int = 50, after: String): OpportunityConnection!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type User {
    id: ID!
    name: String!
    email: String
  }

  type Account {
    id: ID!
    name: String!
    industry: String
    phone: String
    annualRevenue: Float
    owner: User
    contacts(first: Int = 50): ContactConnection!
  }

  type Contact {
    id: ID!
    firstName: String
    lastName: String!
    name: String!
    email: String
  }

  type Opportunity {
    id: ID!
    name: String!
    stageName: String!
    amount: Float
    closeDate: String!
    account: Account
    owner: User
  }

  type AccountConnection {
    nodes: [Account!]!
    pageInfo: PageInfo!
  }

  type ContactConnection {
    nodes: [Contact!]!
    pageInfo: PageInfo!
  }

  type OpportunityConnection {
    nodes: [Opportunity!]!
    pageInfo: PageInfo!
  }
`;
