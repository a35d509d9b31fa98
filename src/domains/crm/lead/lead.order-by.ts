import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortOrderInput } from '../../shared/sort-order.input';

export enum LeadSortField {
  LAST_NAME = 'LAST_NAME',
  COMPANY = 'COMPANY',
  STATUS = 'STATUS',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(LeadSortField, {
  name: 'LeadSortField',
  description:
    'A Lead field to sort by; the Id breaks ties, so paging is stable. Custom fields of the org sort by their API name.',
  valuesConfig: {
    LAST_NAME: { description: 'Last name.' },
    COMPANY: { description: 'Company.' },
    STATUS: { description: 'Lead status (alphabetically).' },
    CREATED_DATE: { description: 'When the record was created.' },
    LAST_MODIFIED_DATE: { description: 'When the record was last changed.' },
  },
});

@InputType({ description: 'One sort key of a Lead list; later keys break ties of earlier ones.' })
export class LeadOrderBy extends SortOrderInput {
  @Field(() => LeadSortField, { description: 'The field to sort by.' })
  field!: LeadSortField;
}
