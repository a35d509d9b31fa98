import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { RelativeDate } from './relative-date.input';
import { DateScalar, DateTimeScalar } from './scalars';

@InputType()
export class IDFilter {
  @Field(() => ID, { nullable: true })
  eq?: string | null;

  @Field(() => ID, { nullable: true })
  ne?: string | null;

  @Field(() => [ID], { nullable: true })
  in?: string[] | null;

  @Field(() => [ID], { nullable: true })
  nin?: string[] | null;
}

@InputType()
export class StringFilter {
  @Field(() => String, { nullable: true })
  eq?: string | null;

  @Field(() => String, { nullable: true })
  ne?: string | null;

  @Field(() => [String], { nullable: true })
  in?: string[] | null;

  @Field(() => [String], { nullable: true })
  nin?: string[] | null;

  @Field(() => String, { nullable: true })
  like?: string | null;

  @Field(() => Boolean, { nullable: true })
  isNull?: boolean | null;
}

@InputType()
export class IntFilter {
  @Field(() => Int, { nullable: true })
  eq?: number | null;

  @Field(() => Int, { nullable: true })
  ne?: number | null;

  @Field(() => Int, { nullable: true })
  lt?: number | null;

  @Field(() => Int, { nullable: true })
  lte?: number | null;

  @Field(() => Int, { nullable: true })
  gt?: number | null;

  @Field(() => Int, { nullable: true })
  gte?: number | null;

  @Field(() => [Int], { nullable: true })
  in?: number[] | null;

  @Field(() => [Int], { nullable: true })
  nin?: number[] | null;

  @Field(() => Boolean, { nullable: true })
  isNull?: boolean | null;
}

@InputType()
export class FloatFilter {
  @Field(() => Float, { nullable: true })
  eq?: number | null;

  @Field(() => Float, { nullable: true })
  ne?: number | null;

  @Field(() => Float, { nullable: true })
  lt?: number | null;

  @Field(() => Float, { nullable: true })
  lte?: number | null;

  @Field(() => Float, { nullable: true })
  gt?: number | null;

  @Field(() => Float, { nullable: true })
  gte?: number | null;

  @Field(() => Boolean, { nullable: true })
  isNull?: boolean | null;
}

@InputType()
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true })
  eq?: boolean | null;
}

@InputType()
export class DateFilter {
  @Field(() => DateScalar, { nullable: true })
  eq?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  ne?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  lt?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  lte?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  gt?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  gte?: Date | null;

  @Field(() => Boolean, { nullable: true })
  isNull?: boolean | null;

  @Field(() => RelativeDate, { nullable: true })
  relative?: RelativeDate | null;
}

@InputType()
export class DateTimeFilter {
  @Field(() => DateTimeScalar, { nullable: true })
  eq?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lte?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  gt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  gte?: Date | null;

  @Field(() => Boolean, { nullable: true })
  isNull?: boolean | null;

  @Field(() => RelativeDate, { nullable: true })
  relative?: RelativeDate | null;
}
