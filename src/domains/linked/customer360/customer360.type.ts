import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import { Money } from '../money.type';
import { AccountHealth, LinkedService } from './account-health.enum';

@ObjectType({
  description:
    "One account across Salesforce, Stripe, Zendesk and QuickBooks. Money is in major units and never converted between currencies: a headline amount is in the account's main currency (the one most of its payments, or open invoices, are in; ties: the latest), the `…ByCurrency` lists hold every currency. A service that failed contributes nothing, is listed in `unavailableServices`, and its error is reported on this field's path.",
})
export class Customer360 {
  @Field(() => Money, {
    description:
      "Sum of the amounts received by succeeded Stripe payments, in the account's main payment currency.",
  })
  lifetimePayments!: Money;

  @Field(() => [Money], {
    description: 'Succeeded payments received, one entry per currency, largest first.',
  })
  lifetimePaymentsByCurrency!: Money[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the latest succeeded payment was created.',
  })
  lastPaymentAt!: Date | null;

  @Field(() => Money, {
    description:
      "Balance still due on open and overdue QuickBooks invoices, in the account's main invoice currency.",
  })
  openInvoiceBalance!: Money;

  @Field(() => [Money], {
    description: 'Open invoice balance, one entry per currency, largest first.',
  })
  openInvoiceBalanceByCurrency!: Money[];

  @Field(() => Int, { description: 'QuickBooks invoices with a balance past their due date.' })
  overdueInvoiceCount!: number;

  @Field(() => Int, { description: 'Zendesk tickets that are NEW, OPEN, PENDING or on HOLD.' })
  openTicketCount!: number;

  @Field(() => Int, { description: 'Open tickets with priority URGENT.' })
  urgentTicketCount!: number;

  @Field(() => Float, {
    description:
      "SUM(Amount) of the account's open opportunities the viewer can see (Salesforce currency).",
  })
  openPipelineAmount!: number;

  @Field(() => Float, { description: 'SUM(Amount) of won opportunities the viewer can see.' })
  wonAmount!: number;

  @Field(() => AccountHealth, {
    description: 'AT_RISK, WATCH or HEALTHY, from open tickets and invoices (see AccountHealth).',
  })
  health!: AccountHealth;

  @Field(() => [LinkedService], {
    description:
      'Services that failed or are not configured: their figures above are missing (zero).',
  })
  unavailableServices!: LinkedService[];
}
