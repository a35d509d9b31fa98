import { Field, InputType } from 'type-graphql';
import {
  DateTimeFilter,
  FloatFilter,
  IDFilter,
  IntFilter,
  StringFilter,
} from '../../shared/scalar-filters.input';

@InputType()
export class AccountFilter {
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

  @Field(() => DateTimeFilter, { nullable: true })
  createdDate?: DateTimeFilter | null;

  @Field(() => DateTimeFilter, { nullable: true })
  lastModifiedDate?: DateTimeFilter | null;

  @Field(() => [AccountFilter], { nullable: true })
  and?: AccountFilter[] | null;

  @Field(() => [AccountFilter], { nullable: true })
  or?: AccountFilter[] | null;

  @Field(() => AccountFilter, { nullable: true })
  not?: AccountFilter | null;
}
