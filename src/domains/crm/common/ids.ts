import { normalizeId } from '../../../upstreams/salesforce/soql';
import { toGraphQLError } from '../../../errors';

/** An `ID` argument as an 18-character Salesforce Id; malformed ones are BAD_USER_INPUT. */
export function parseIdArgument(id: string, argument: string): string {
  try {
    return normalizeId(id, argument);
  } catch (error) {
    throw toGraphQLError(error);
  }
}
