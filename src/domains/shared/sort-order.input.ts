import { Field, InputType } from 'type-graphql';
import { NullsOrder, SortDirection } from './sort-order.enum';

/**
 * `direction` and `nulls` of every `<Object>OrderBy`, which adds its own `field` enum. Never
 * referenced by a field itself, so it stays out of the schema.
 */
@InputType()
export abstract class SortOrderInput {
  @Field(() => SortDirection, {
    nullable: true,
    defaultValue: SortDirection.ASC,
    description: 'ASC (default) or DESC; null means ASC.',
  })
  direction?: SortDirection | null;

  @Field(() => NullsOrder, {
    nullable: true,
    description:
      'Where empty values go; null or absent: first when ascending, last when descending (as SOQL).',
  })
  nulls?: NullsOrder | null;
}
