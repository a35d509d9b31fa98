import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortOrderInput } from '../../shared/sort-order.input';

export enum UserSortField {
  NAME = 'NAME',
  EMAIL = 'EMAIL',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(UserSortField, {
  name: 'UserSortField',
  description: 'A User field to sort by; the Id breaks ties, so paging is stable.',
  valuesConfig: {
    NAME: { description: 'Full name (Salesforce `Name`).' },
    EMAIL: { description: 'Email address.' },
    CREATED_DATE: { description: 'When the user was created.' },
    LAST_MODIFIED_DATE: { description: 'When the user was last changed.' },
  },
});

@InputType({ description: 'One sort key of `users`; later keys break ties of earlier ones.' })
export class UserOrderBy extends SortOrderInput {
  @Field(() => UserSortField, { description: 'The field to sort by.' })
  field!: UserSortField;
}
