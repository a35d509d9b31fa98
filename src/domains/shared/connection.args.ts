import { ArgsType, Field, Int } from 'type-graphql';

export const DEFAULT_PAGE_SIZE = 50;

/** Forward keyset paging arguments shared by every Salesforce connection. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description:
      'Rows per page, 0 to 200; anything else is BAD_USER_INPUT. Null means the default, 50. The operation cost limit counts it as the rows the field may read.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The `endCursor` (or an edge `cursor`) of the previous page, asked with the same `where` and `orderBy`; rows after it follow. Null or absent: the first page. A cursor of another order or a malformed one is BAD_USER_INPUT.',
  })
  after?: string | null;
}
