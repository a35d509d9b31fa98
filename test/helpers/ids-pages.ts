/**
 * The `<Object>IdsPage` operations (test/integration/operations/crm-filters.graphql): one per
 * list field, the same shape, used to compare what the gateway answers for a filter.
 */
import type {
  AccountIdsPageQuery,
  ContactIdsPageQuery,
  LeadIdsPageQuery,
  OpportunityIdsPageQuery,
} from '../generated/graphql';
import type { GraphQLResponse, TestGateway } from './gateway';
import { operation } from './operations';

export type IdsPages = AccountIdsPageQuery &
  ContactIdsPageQuery &
  OpportunityIdsPageQuery &
  LeadIdsPageQuery;
export type ListField = keyof IdsPages;

/** The operation for each list field, and the Salesforce object it lists. */
export const IDS_PAGE: Record<ListField, { operation: string; object: string }> = {
  accounts: { operation: 'AccountIdsPage', object: 'Account' },
  contacts: { operation: 'ContactIdsPage', object: 'Contact' },
  opportunities: { operation: 'OpportunityIdsPage', object: 'Opportunity' },
  leads: { operation: 'LeadIdsPage', object: 'Lead' },
};

/** Every id the gateway answers for `where`/`orderBy`, walking all pages in order. */
export async function gatewayIds(
  gw: TestGateway,
  field: ListField,
  where: unknown,
  orderBy?: unknown,
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResponse<Partial<IdsPages>> = await gw.graphql<Partial<IdsPages>>(
      operation(IDS_PAGE[field].operation),
      { where, orderBy: orderBy ?? null, after },
    );
    expect(res.errors).toBeUndefined();
    const page = res.data![field]!;
    ids.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}
