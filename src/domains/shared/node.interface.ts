import { Field, ID, InterfaceType } from 'type-graphql';

function typeNameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const explicit = (value as { __typename?: unknown }).__typename;
  if (typeof explicit === 'string') return explicit;
  // Domain objects are class instances named after their GraphQL type, so modules that do
  // not share our classes (search, subscriptions) can still return plain `__typename` objects.
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' && ctor.name !== 'Object' ? ctor.name : undefined;
}

@InterfaceType({
  resolveType: typeNameOf,
  description:
    'A record with a globally unique id, readable again with `node(id:)`: Salesforce records (Account, Contact, Opportunity, Lead, User) and linked-service records (Payment, Ticket, Invoice).',
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'The record’s id: the 18-character Salesforce Id for CRM records (`node(id:)` and the by-id queries accept the 15-character form too), `stripe-payment:pi_…`, `zendesk-ticket:<number>` or `quickbooks-invoice:<realm>:<id>` for linked ones.',
  })
  id!: string;
}
