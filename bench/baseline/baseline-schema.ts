/**
 * The Account/Contact/Opportunity/User subset the bench reads, shaped like the gateway's, and
 * the linked services' fields on Account (connections with `nodes` only: the bench pages no
 * further than one list).
 */
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
    payments(first: Int = 20, status: [PaymentStatus!]): PaymentConnection!
    tickets(first: Int = 20, status: [TicketStatus!]): TicketConnection!
    invoices(first: Int = 20, status: [InvoiceStatus!]): InvoiceConnection!
    customer360: Customer360!
  }

  type Money {
    amount: Float!
    currency: String!
  }

  enum PaymentStatus {
    SUCCEEDED
    PROCESSING
    REQUIRES_ACTION
    REQUIRES_PAYMENT_METHOD
    CANCELED
    FAILED
    REFUNDED
  }

  type Payment {
    id: ID!
    amount: Money!
    amountReceived: Money!
    status: PaymentStatus!
    description: String
    created: String!
    stripeCustomerId: String!
  }

  type PaymentConnection {
    nodes: [Payment!]!
  }

  enum TicketStatus {
    NEW
    OPEN
    PENDING
    HOLD
    SOLVED
    CLOSED
  }

  enum TicketPriority {
    LOW
    NORMAL
    HIGH
    URGENT
  }

  type Ticket {
    id: ID!
    number: Int!
    subject: String!
    status: TicketStatus!
    priority: TicketPriority
    createdAt: String!
  }

  type TicketConnection {
    nodes: [Ticket!]!
  }

  enum InvoiceStatus {
    PAID
    OPEN
    OVERDUE
    VOIDED
  }

  type Invoice {
    id: ID!
    quickBooksId: String!
    docNumber: String
    txnDate: String!
    dueDate: String
    total: Money!
    balance: Money!
    status: InvoiceStatus!
    quickBooksCustomerId: String!
  }

  type InvoiceConnection {
    nodes: [Invoice!]!
  }

  enum AccountHealth {
    HEALTHY
    WATCH
    AT_RISK
  }

  type Customer360 {
    lifetimePayments: Money!
    lastPaymentAt: String
    openInvoiceBalance: Money!
    overdueInvoiceCount: Int!
    openTicketCount: Int!
    urgentTicketCount: Int!
    health: AccountHealth!
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
