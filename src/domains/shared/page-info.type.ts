import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay page information of a connection (forward paging).' })
export class PageInfo {
  @Field(() => Boolean, {
    description: 'True when more rows follow this page: ask again with `after: endCursor`.',
  })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description:
      'True when this page was asked with `after` (rows precede it); connections page forward only.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The first row's cursor; null on an empty page.",
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The last row's cursor, to pass as `after` for the next page; null on an empty page.",
  })
  endCursor!: string | null;
}
