import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortOrderInput } from '../../shared/sort-order.input';

export enum AccountSortField {
  NAME = 'NAME',
  INDUSTRY = 'INDUSTRY',
  ANNUAL_REVENUE = 'ANNUAL_REVENUE',
  NUMBER_OF_EMPLOYEES = 'NUMBER_OF_EMPLOYEES',
  CREATED_DATE = 'CREATED_DATE',
  LAST_MODIFIED_DATE = 'LAST_MODIFIED_DATE',
}

registerEnumType(AccountSortField, {
  name: 'AccountSortField',
  description:
    'An Account field to sort by; the Id breaks ties, so paging is stable. Custom fields of the org sort by their API name.',
  valuesConfig: {
    NAME: { description: 'Account name.' },
    INDUSTRY: { description: 'Industry.' },
    ANNUAL_REVENUE: { description: 'Annual revenue.' },
    NUMBER_OF_EMPLOYEES: { description: 'Number of employees.' },
    CREATED_DATE: { description: 'When the record was created.' },
    LAST_MODIFIED_DATE: { description: 'When the record was last changed.' },
  },
});

@InputType({
  description: 'One sort key of an Account list; later keys break ties of earlier ones.',
})
export class AccountOrderBy extends SortOrderInput {
  @Field(() => AccountSortField, { description: 'The field to sort by.' })
  field!: AccountSortField;
}
