import { toGraphQLError } from '../../../errors';
import { graphFieldName, type SObjectName } from '../../../upstreams/salesforce/soql';

/**
 * Runs resolver work so every failure leaves as a contract error (SoqlInputError → BAD_USER_INPUT, ...).
 * With `object`, the Salesforce fields an error names (`extensions.fields`) are given their names
 * in the graph (`StageName` → `stageName`): what a write's input calls them.
 */
export async function withGraphQLErrors<T>(
  work: () => Promise<T>,
  object?: SObjectName,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toGraphQLError(
      error,
      object === undefined ? {} : { graphFieldName: (field) => graphFieldName(object, field) },
    );
  }
}
