import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortOrderInput } from '../../shared/sort-order.input';

export enum OpportunitySortField {
  NAME = 'NAME',
  AMOUNT = 'AMOUNT',
  CLOSE_DATE = 'CLOSE_DATE',
  STAGE_NAME = 'STAGE_NAME',
  PROBABILITY = 'PROBABILITY',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(OpportunitySortField, {
  name: 'OpportunitySortField',
  description:
    'A Opportunity field to sort by; the Id breaks ties, so paging is stable. Custom fields of the org sort by their API name.',
  valuesConfig: {
    NAME: { description: 'Opportunity name.' },
    AMOUNT: { description: 'Deal amount (empty amounts first when ascending).' },
    CLOSE_DATE: { description: 'Close date.' },
    STAGE_NAME: { description: 'Stage name (alphabetically, not in sales-process order).' },
    PROBABILITY: { description: 'Probability.' },
    CREATED_DATE: { description: 'When the record was created.' },
    LAST_MODIFIED_DATE: { description: 'When the record was last changed.' },
  },
});

@InputType({
  description: 'One sort key of an Opportunity list; later keys break ties of earlier ones.',
})
export class OpportunityOrderBy extends SortOrderInput {
  @Field(() => OpportunitySortField, { description: 'The field to sort by.' })
  field!: OpportunitySortField;
}
