import { Field, InputType, type ClassType } from 'type-graphql';
import { picklistNote, SALESFORCE_MONEY } from '../common/field-docs';
import { withRecordFilterFields } from '../common/record-filter.input';
import { FloatFilter, IDFilter, IntFilter, StringFilter } from '../../shared/scalar-filters.input';

/** What only Account filters on; `withRecordFilterFields` appends the shared fields after it. */
@InputType()
class AccountOwnFilterFields {
  @Field(() => IDFilter, { nullable: true, description: 'The Account Id.' })
  id?: IDFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'Account name; `like` is case-insensitive.',
  })
  name?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Account type. ${picklistNote('ACCOUNT', 'type')}`,
  })
  type?: StringFilter | null;

  @Field(() => StringFilter, {
    nullable: true,
    description: `Industry. ${picklistNote('ACCOUNT', 'industry')}`,
  })
  industry?: StringFilter | null;

  @Field(() => FloatFilter, { nullable: true, description: `Annual revenue. ${SALESFORCE_MONEY}` })
  annualRevenue?: FloatFilter | null;

  @Field(() => IntFilter, { nullable: true, description: 'Number of employees.' })
  numberOfEmployees?: IntFilter | null;

  @Field(() => IDFilter, { nullable: true, description: 'The owning User’s Id (see `users`).' })
  ownerId?: IDFilter | null;

  @Field(() => IDFilter, {
    nullable: true,
    description: 'The parent Account’s Id; `isNull: true` for top-level accounts.',
  })
  parentId?: IDFilter | null;
}

@InputType({
  description:
    'Conditions on Accounts, ANDed together (every field given must match), compiled to one SOQL WHERE. A null or absent field does not constrain; combine with `and`, `or`, `not`.',
})
export class AccountFilter extends withRecordFilterFields(
  AccountOwnFilterFields,
  (): ClassType => AccountFilter,
) {}
