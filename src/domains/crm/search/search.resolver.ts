import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../../context/gateway-context';
import { searchRecords } from '../../../upstreams/salesforce/operations';
import type { SObjectName } from '../../../upstreams/salesforce/soql';
import { SObjectType } from '../../live/sobject-type.enum';
import { withGraphQLErrors } from '../common/graphql-errors';
import { toNode, type NodeOf } from '../common/node-types';
import { selectedFields } from '../common/selected-fields';
import { SearchResultUnion } from './search-result.union';

/** RETURNING order; it decides which object the overall LIMIT serves first. */
const OBJECTS: ReadonlyArray<readonly [SObjectType, SObjectName]> = [
  [SObjectType.ACCOUNT, 'Account'],
  [SObjectType.CONTACT, 'Contact'],
  [SObjectType.OPPORTUNITY, 'Opportunity'],
  [SObjectType.LEAD, 'Lead'],
];

/** The contract's default `first`; an explicit null means the same. */
const DEFAULT_RESULTS = 20;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchResultUnion], {
    description:
      'Full-text search (SOSL) over the records the viewer can see, in Salesforce relevance order: one Salesforce call. `text` is searched as one literal phrase (at least 2 characters); `first` 1..200.',
  })
  search(
    @Arg('text', () => String, {
      description:
        'The words to find, as one literal phrase (SOSL wildcards and operators have no special meaning); at least 2 characters, else BAD_USER_INPUT. Case-insensitive.',
    })
    text: string,
    @Arg('types', () => [SObjectType], {
      nullable: true,
      description: 'Only these object types; null or absent: all four.',
    })
    types: SObjectType[] | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_RESULTS,
      description: 'Most results, 1 to 200 (default 20); anything else is BAD_USER_INPUT.',
    })
    first: number | null,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Array<NodeOf<SObjectName>>> {
    return withGraphQLErrors(async () => {
      const wanted = new Set(types ?? OBJECTS.map(([type]) => type));
      // Only the fields this query selects on each member of the union.
      const objects = OBJECTS.filter(([type]) => wanted.has(type)).map(([, object]) => ({
        object,
        fields: selectedFields(info, object, false, ctx.linkFields),
      }));
      const hits = await searchRecords(ctx.salesforce, {
        text,
        objects,
        limit: first ?? DEFAULT_RESULTS,
      });
      return hits.map((hit) => toNode(hit.object, hit.record));
    });
  }
}
