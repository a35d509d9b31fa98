import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortOrderInput } from '../../shared/sort-order.input';

export enum ContactSortField {
  LAST_NAME = 'LAST_NAME',
  FIRST_NAME = 'FIRST_NAME',
  EMAIL = 'EMAIL',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(ContactSortField, {
  name: 'ContactSortField',
  description:
    'A Contact field to sort by; the Id breaks ties, so paging is stable. Custom fields of the org sort by their API name.',
  valuesConfig: {
    LAST_NAME: { description: 'Last name.' },
    FIRST_NAME: { description: 'First name.' },
    EMAIL: { description: 'Email address.' },
    CREATED_DATE: { description: 'When the record was created.' },
    LAST_MODIFIED_DATE: { description: 'When the record was last changed.' },
  },
});

@InputType({
  description: 'One sort key of a Contact list; later keys break ties of earlier ones.',
})
export class ContactOrderBy extends SortOrderInput {
  @Field(() => ContactSortField, { description: 'The field to sort by.' })
  field!: ContactSortField;
}
