import { Field, InputType, type ClassType } from 'type-graphql';
import { DateTimeFilter } from '../../shared/scalar-filters.input';

/**
 * Appends what every `<Object>Filter` ends with (the audit dates and `and`/`or`/`not` over
 * `self`, the concrete filter) to the class of its own fields. They come after those fields
 * because type-graphql builds a `where` argument in class-field order and the SOQL compiler
 * ANDs conditions, and reports the first bad one, in that order. Annotate `self` as
 * `(): ClassType => XFilter` to break TypeScript's base-expression cycle.
 */
export function withRecordFilterFields<T extends ClassType>(OwnFields: T, self: () => ClassType) {
  @InputType()
  abstract class RecordFilterFields extends OwnFields {
    @Field(() => DateTimeFilter, {
      nullable: true,
      description: 'When the record was created (Salesforce `CreatedDate`, UTC).',
    })
    createdDate?: DateTimeFilter | null;

    @Field(() => DateTimeFilter, {
      nullable: true,
      description: 'When the record was last changed (Salesforce `LastModifiedDate`, UTC).',
    })
    lastModifiedDate?: DateTimeFilter | null;

    @Field(() => [self()], {
      nullable: true,
      description:
        'All of these filters; `and: []` constrains nothing, `and: null` is BAD_USER_INPUT.',
    })
    and?: object[] | null;

    @Field(() => [self()], {
      nullable: true,
      description: 'At least one of these filters (at least one given); null is BAD_USER_INPUT.',
    })
    or?: object[] | null;

    @Field(() => self(), {
      nullable: true,
      description: 'Not this filter (it must constrain something); null is BAD_USER_INPUT.',
    })
    not?: object | null;
  }
  return RecordFilterFields;
}
