import { Field, Float, ID, InputType, Int } from 'type-graphql';
import {
  FILTER_OPERATOR_DESCRIPTIONS as OP,
  SCALAR_FILTER_DESCRIPTION,
} from './filter-operator-descriptions';
import { RelativeDate } from './relative-date.input';
import { DateScalar, DateTimeScalar } from './scalars';

@InputType({ description: SCALAR_FILTER_DESCRIPTION })
export class IDFilter {
  @Field(() => ID, { nullable: true, description: OP.eq })
  eq?: string | null;

  @Field(() => ID, { nullable: true, description: OP.ne })
  ne?: string | null;

  @Field(() => [ID], { nullable: true, description: OP.in })
  in?: string[] | null;

  @Field(() => [ID], { nullable: true, description: OP.nin })
  nin?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: OP.isNull })
  isNull?: boolean | null;
}

@InputType({ description: SCALAR_FILTER_DESCRIPTION })
export class StringFilter {
  @Field(() => String, { nullable: true, description: OP.eq })
  eq?: string | null;

  @Field(() => String, { nullable: true, description: OP.ne })
  ne?: string | null;

  @Field(() => [String], { nullable: true, description: OP.in })
  in?: string[] | null;

  @Field(() => [String], { nullable: true, description: OP.nin })
  nin?: string[] | null;

  @Field(() => String, { nullable: true, description: OP.like })
  like?: string | null;

  @Field(() => Boolean, { nullable: true, description: OP.isNull })
  isNull?: boolean | null;
}

@InputType({ description: SCALAR_FILTER_DESCRIPTION })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: OP.eq })
  eq?: number | null;

  @Field(() => Int, { nullable: true, description: OP.ne })
  ne?: number | null;

  @Field(() => Int, { nullable: true, description: OP.lt })
  lt?: number | null;

  @Field(() => Int, { nullable: true, description: OP.lte })
  lte?: number | null;

  @Field(() => Int, { nullable: true, description: OP.gt })
  gt?: number | null;

  @Field(() => Int, { nullable: true, description: OP.gte })
  gte?: number | null;

  @Field(() => [Int], { nullable: true, description: OP.in })
  in?: number[] | null;

  @Field(() => [Int], { nullable: true, description: OP.nin })
  nin?: number[] | null;

  @Field(() => Boolean, { nullable: true, description: OP.isNull })
  isNull?: boolean | null;
}

@InputType({ description: SCALAR_FILTER_DESCRIPTION })
export class FloatFilter {
  @Field(() => Float, { nullable: true, description: OP.eq })
  eq?: number | null;

  @Field(() => Float, { nullable: true, description: OP.ne })
  ne?: number | null;

  @Field(() => Float, { nullable: true, description: OP.lt })
  lt?: number | null;

  @Field(() => Float, { nullable: true, description: OP.lte })
  lte?: number | null;

  @Field(() => Float, { nullable: true, description: OP.gt })
  gt?: number | null;

  @Field(() => Float, { nullable: true, description: OP.gte })
  gte?: number | null;

  @Field(() => [Float], { nullable: true, description: OP.in })
  in?: number[] | null;

  @Field(() => [Float], { nullable: true, description: OP.nin })
  nin?: number[] | null;

  @Field(() => Boolean, { nullable: true, description: OP.isNull })
  isNull?: boolean | null;
}

@InputType({
  description: `${SCALAR_FILTER_DESCRIPTION} Salesforce checkboxes are never empty, so \`eq: null\` and \`isNull: true\` match no record.`,
})
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true, description: OP.eq })
  eq?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: OP.ne })
  ne?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: OP.isNull })
  isNull?: boolean | null;
}

@InputType({ description: SCALAR_FILTER_DESCRIPTION })
export class DateFilter {
  @Field(() => DateScalar, { nullable: true, description: OP.eq })
  eq?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: OP.ne })
  ne?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: OP.lt })
  lt?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: OP.lte })
  lte?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: OP.gt })
  gt?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: OP.gte })
  gte?: Date | null;

  @Field(() => Boolean, { nullable: true, description: OP.isNull })
  isNull?: boolean | null;

  @Field(() => RelativeDate, { nullable: true, description: OP.relative })
  relative?: RelativeDate | null;
}

@InputType({ description: SCALAR_FILTER_DESCRIPTION })
export class DateTimeFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: OP.eq })
  eq?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: OP.ne })
  ne?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: OP.lt })
  lt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: OP.lte })
  lte?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: OP.gt })
  gt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: OP.gte })
  gte?: Date | null;

  @Field(() => Boolean, { nullable: true, description: OP.isNull })
  isNull?: boolean | null;

  @Field(() => RelativeDate, { nullable: true, description: OP.relative })
  relative?: RelativeDate | null;
}
