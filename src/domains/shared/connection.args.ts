import { ArgsType, Field, Int } from 'type-graphql';

export const DEFAULT_PAGE_SIZE = 50;

/** Forward keyset paging arguments shared by every Salesforce connection. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
