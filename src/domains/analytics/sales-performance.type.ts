import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars';

@ObjectType({ description: 'Closed opportunities of one group (or of all groups: the total row).' })
export class PerformanceRow {
  @Field(() => String, {
    description: 'Group key; "(none)" when the grouped field is blank; "TOTAL" for the total.',
  })
  key!: string;

  @Field(() => String, {
    description:
      'Display name: the owner’s name for OWNER, "Mar 2026" for CLOSE_MONTH, else the key.',
  })
  label!: string;

  @Field(() => Int, { description: 'Closed won (IsWon).' })
  wonCount!: number;

  @Field(() => Int, { description: 'Closed lost (IsClosed and not IsWon).' })
  lostCount!: number;

  @Field(() => Float, {
    description: 'wonCount / (wonCount + lostCount); 0 when the group has no closed deal.',
  })
  winRate!: number;

  @Field(() => Float, { description: 'Sum of Amount over won deals (blank amounts add nothing).' })
  wonAmount!: number;

  @Field(() => Float, {
    description:
      'wonAmount / won deals that have an Amount (blank amounts are left out, not counted as 0); 0 when none.',
  })
  averageDealSize!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean days from the UTC date of CreatedDate to CloseDate over won deals (exact, two decimals); null without won deals.',
  })
  averageSalesCycleDays!: number | null;
}

@ObjectType({
  description:
    'Closed opportunities with CloseDate in [from, to] (inclusive UTC dates, open when omitted), as the viewer may see them.',
})
export class PerformanceReport {
  @Field(() => [PerformanceRow], { description: 'Groups with at least one closed deal in range.' })
  rows!: PerformanceRow[];

  @Field(() => PerformanceRow, { description: 'All groups together (key "TOTAL").' })
  total!: PerformanceRow;

  @Field(() => DateScalar, { nullable: true, description: 'The `from` asked for; null: open.' })
  from!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The `to` asked for; null: open.' })
  to!: string | null;
}
