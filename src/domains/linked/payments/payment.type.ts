import { Field, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateTimeScalar } from '../../shared/scalars';
import { linkedConnectionDocs } from '../linked-connection';
import { Money } from '../money.type';
import { PaymentStatus } from './payment-status.enum';

/** The global id prefix of payments: `stripe-payment:pi_…`. */
export const PAYMENT_ID_PREFIX = 'stripe-payment';

@ObjectType({
  implements: Node,
  description: 'A Stripe PaymentIntent of a customer linked to a Salesforce Account.',
})
export class Payment extends Node {
  @Field(() => Money, { description: 'The amount asked for.' })
  amount!: Money;

  @Field(() => Money, { description: 'What Stripe received (0 until the payment succeeds).' })
  amountReceived!: Money;

  @Field(() => PaymentStatus, {
    description:
      'Where the payment stands (Stripe’s PaymentIntent status, mapped as PaymentStatus explains).',
  })
  status!: PaymentStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The PaymentIntent’s description, as the business wrote it.',
  })
  description!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the PaymentIntent was created in Stripe.' })
  created!: Date;

  @Field(() => String, { description: 'The Stripe customer (`cus_…`) who pays.' })
  stripeCustomerId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The PaymentIntent's `metadata.invoice_number`, when the business set one.",
  })
  invoiceNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The latest charge's receipt page; null until a charge was paid.",
  })
  receiptUrl!: string | null;

  /** `pi_…`, Stripe's own id (the GraphQL `id` is the global one). */
  stripeId!: string;

  /** The Account the payment was reached through; null when read by id (node). */
  accountId!: string | null;
}

export const { Edge: PaymentEdge, Connection: PaymentConnection } = connectionTypes(
  'Payment',
  () => Payment,
  linkedConnectionDocs('Stripe payments of the Account'),
);
