import { Field, ObjectType } from 'type-graphql';
import type { Account } from '../../crm/account/account.type';
import { connectionTypes } from '../../shared/connection.types';
import { Node } from '../../shared/node.interface';
import { DateScalar } from '../../shared/scalars';
import { linkedConnectionDocs } from '../linked-connection';
import { Money } from '../money.type';
import { InvoiceStatus } from './invoice-status';

@ObjectType({
  implements: Node,
  description:
    'A QuickBooks Online invoice. Its id is global: `quickbooks-invoice:<realm id>:<invoice Id>`.',
})
export class Invoice extends Node {
  @Field(() => String, { description: "The invoice's Id in its QuickBooks Online company." })
  quickBooksId!: string;

  @Field(() => String, { nullable: true, description: 'The invoice number (DocNumber).' })
  docNumber!: string | null;

  @Field(() => DateScalar, { description: 'The transaction date (TxnDate).' })
  txnDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When payment is due (DueDate).' })
  dueDate!: string | null;

  @Field(() => Money, {
    description:
      "TotalAmt in the invoice's currency (CurrencyRef, else the company's home currency).",
  })
  total!: Money;

  @Field(() => Money, { description: 'What is still owed (Balance), in the same currency.' })
  balance!: Money;

  @Field(() => InvoiceStatus, {
    description:
      'Open, overdue, paid or voided, from Balance, DueDate and the void note (see InvoiceStatus).',
  })
  status!: InvoiceStatus;

  @Field(() => String, { description: 'The Id of the QuickBooks customer billed (CustomerRef).' })
  quickBooksCustomerId!: string;

  /** `CustomerRef.name` (the customer's DisplayName): the back-link's name fallback. */
  customerDisplayName!: string | null;

  /** The Account the invoice was reached through (`Account.invoices`), if any. */
  reachedThrough!: Account | null;

  /** TxnDate in epoch ms: the order of `Account.invoices` (newest first). */
  sortTime!: number;
}

export const { Edge: InvoiceEdge, Connection: InvoiceConnection } = connectionTypes(
  'Invoice',
  () => Invoice,
  linkedConnectionDocs('QuickBooks invoices of the Account'),
);
