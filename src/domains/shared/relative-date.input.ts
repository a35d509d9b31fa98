import { Field, InputType, Int, registerEnumType } from 'type-graphql';

/** SOQL date literals; `n` is required by the `_N_` ones. */
export enum DateLiteral {
  TODAY = 'TODAY',
  YESTERDAY = 'YESTERDAY',
  THIS_WEEK = 'THIS_WEEK',
  LAST_WEEK = 'LAST_WEEK',
  THIS_MONTH = 'THIS_MONTH',
  LAST_MONTH = 'LAST_MONTH',
  NEXT_MONTH = 'NEXT_MONTH',
  THIS_QUARTER = 'THIS_QUARTER',
  LAST_QUARTER = 'LAST_QUARTER',
  NEXT_QUARTER = 'NEXT_QUARTER',
  THIS_YEAR = 'THIS_YEAR',
  LAST_YEAR = 'LAST_YEAR',
  LAST_N_DAYS = 'LAST_N_DAYS',
  NEXT_N_DAYS = 'NEXT_N_DAYS',
}

registerEnumType(DateLiteral, { name: 'DateLiteral' });

@InputType()
export class RelativeDate {
  @Field(() => DateLiteral)
  literal!: DateLiteral;

  @Field(() => Int, { nullable: true })
  n?: number | null;
}
