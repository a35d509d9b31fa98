import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Leads of one group (or of all groups: the total row).' })
export class LeadConversionRow {
  @Field(() => String, {
    description: 'Group key; "(none)" when the grouped field is blank; "TOTAL" for the total.',
  })
  key!: string;

  @Field(() => Int, { description: 'Leads created in range.' })
  leads!: number;

  @Field(() => Int, { description: 'Of those, converted (IsConverted), whenever converted.' })
  converted!: number;

  @Field(() => Float, { description: 'converted / leads; 0 when the group has no lead.' })
  conversionRate!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean days from the UTC date of CreatedDate to ConvertedDate over converted leads (exact, two decimals); null when none converted.',
  })
  averageDaysToConvert!: number | null;
}

@ObjectType({
  description:
    'Leads created in [from, to] (inclusive UTC dates, open when omitted), as the viewer may see them.',
})
export class LeadConversionReport {
  @Field(() => [LeadConversionRow], { description: 'Groups with at least one lead in range.' })
  rows!: LeadConversionRow[];

  @Field(() => LeadConversionRow, { description: 'All groups together (key "TOTAL").' })
  total!: LeadConversionRow;
}
