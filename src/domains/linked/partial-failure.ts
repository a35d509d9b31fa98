import { locatedError, type GraphQLResolveInfo } from 'graphql';
import { pathToArray } from 'graphql/jsutils/Path';
import type { GatewayContext } from '../../context/gateway-context';
import { toGraphQLError } from '../../errors';
import { LinkedServiceError } from '../../upstreams/linked';

/**
 * A linked field whose service failed, under a non-null type (`Account.payments:
 * PaymentConnection!`, `customer360: Customer360!`): throwing would null the Account and with
 * it the whole page (`nodes: [Account!]!`). Instead the field answers `fallback` (an empty
 * connection, a roll-up without that service) and its error (UPSTREAM_UNAVAILABLE or
 * UPSTREAM_RATE_LIMITED, `extensions.service`) is reported on the field's path. Anything but a
 * linked service's failure is thrown as usual.
 */
export async function answerDespiteLinkedFailure<T>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  work: () => Promise<T>,
  fallback: (failure: LinkedServiceError) => T,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof LinkedServiceError)) throw toGraphQLError(err);
    reportLinkedFailure(ctx, info, err);
    return fallback(err);
  }
}

/** Records one linked service's failure on the field's path (once per service and path). */
export function reportLinkedFailure(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  failure: LinkedServiceError,
): void {
  const path = pathToArray(info.path);
  const key = JSON.stringify(path);
  const seen = ctx.partialErrors.some(
    (error) => JSON.stringify(error.path) === key && error.extensions.service === failure.service,
  );
  if (seen) return;
  ctx.partialErrors.push(locatedError(toGraphQLError(failure), info.fieldNodes, path));
}
