import { Field, InputType, type ClassType } from 'type-graphql';
import { withRecordFilterFields } from '../common/record-filter.input';
import { FloatFilter, IDFilter, IntFilter, StringFilter } from '../../shared/scalar-filters.input';

/** What only Account filters on; `withRecordFilterFields` appends the shared fields after it. */
@InputType()
class AccountOwnFilterFields {
  @Field(() => IDFilter, { nullable: true })
  id?: IDFilter | null;

  @Field(() => StringFilter, { nullable: true })
  name?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  type?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true })
  industry?: StringFilter | null;

  @Field(() => FloatFilter, { nullable: true })
  annualRevenue?: FloatFilter | null;

  @Field(() => IntFilter, { nullable: true })
  numberOfEmployees?: IntFilter | null;

  @Field(() => IDFilter, { nullable: true })
  ownerId?: IDFilter | null;

  @Field(() => IDFilter, { nullable: true })
  parentId?: IDFilter | null;
}

@InputType()
export class AccountFilter extends withRecordFilterFields(
  AccountOwnFilterFields,
  (): ClassType => AccountFilter,
) {}
