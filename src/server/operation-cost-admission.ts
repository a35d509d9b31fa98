import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Viewer } from '../auth/viewer';
import {
  BadUserInputError,
  QueryTooComplexError,
  RateLimitedError,
  type GatewayError,
} from '../errors';
import { rememberedOperationCost } from './operation-cost-memo';
import { rateLimitKey } from './rate-limit/client-key';
import type { ClientRateLimiter, RateLimitDecision } from './rate-limit/rate-limiter';

export interface OperationRequest {
  document: DocumentNode;
  variables: Readonly<Record<string, unknown>> | null | undefined;
  operationName: string | null | undefined;
  viewer: Viewer;
  /** The peer address of the HTTP request or WebSocket upgrade (demo mode's rate-limit key). */
  clientAddress: string | undefined;
  /** The schema the operation was validated against (it may since have been swapped). */
  schema?: GraphQLSchema;
}

export type Admission =
  | { admitted: true; cost: number; rateLimit: RateLimitDecision | undefined }
  | {
      admitted: false;
      error: GatewayError;
      /** The HTTP status for this refusal: 400 over the cost limit or bad variables, 429 rate limited. */
      status: number;
      rateLimit: RateLimitDecision | undefined;
    };

/** Answers whether an operation may run, before anything of it runs. */
export type AdmitOperation = (request: OperationRequest) => Promise<Admission>;

export interface OperationAdmissionDeps {
  /** The current schema, for a request that does not name its own. */
  schema: GraphQLSchema | (() => GraphQLSchema);
  maxCost: number;
  maxPageSize: number;
  /** Undefined when rate limiting is off. */
  rateLimiter: ClientRateLimiter | undefined;
}

function rateLimitedError(decision: RateLimitDecision, cost: number): RateLimitedError {
  const { limit, remaining, windowSeconds, resetSeconds } = decision;
  return new RateLimitedError(
    `Rate limit reached: the operation costs ${cost} and this client has ${remaining} of its ` +
      `${limit} cost points left in the current ${windowSeconds} s window; the budget is ` +
      `whole again in ${resetSeconds} s`,
    { retryAfterSeconds: resetSeconds, cost, remaining, limit, windowSeconds },
  );
}

/**
 * Cost first, with the operation's real variables (literal, variable or default `first`),
 * then the client's budget: a refused operation never reaches a resolver, so never an
 * upstream. The budget is spent in cost points, at least 1 per operation; an operation
 * refused for its cost or its variables still spends that 1, so a flood of refusals is
 * rate limited too. Being out of budget wins over any other refusal.
 */
export function createOperationAdmission(deps: OperationAdmissionDeps): AdmitOperation {
  const { rateLimiter } = deps;
  const spend = async (request: OperationRequest, points: number) =>
    rateLimiter?.consume(rateLimitKey(request.viewer, request.clientAddress), points);

  const refuse = (
    error: GatewayError,
    status: number,
    rateLimit: RateLimitDecision | undefined,
  ) => ({ admitted: false as const, error, status, rateLimit });

  return async (request) => {
    let cost: number;
    let refusal: GatewayError | undefined;
    try {
      const schema =
        request.schema ?? (typeof deps.schema === 'function' ? deps.schema() : deps.schema);
      cost = rememberedOperationCost(
        schema,
        request.document,
        request.variables ?? undefined,
        request.operationName,
        { maxPageSize: deps.maxPageSize },
      );
      if (cost > deps.maxCost) {
        refusal = new QueryTooComplexError(
          `The operation costs ${cost}, more than the limit of ${deps.maxCost} ` +
            '(every connection counts `first` rows times what each row selects)',
          { cost, maxCost: deps.maxCost },
        );
      }
    } catch (error) {
      if (!(error instanceof QueryTooComplexError || error instanceof BadUserInputError)) {
        throw error;
      }
      cost = 0;
      refusal = error;
    }
    const spent = refusal ? 1 : Math.max(1, cost);
    const rateLimit = await spend(request, spent);
    if (rateLimit && !rateLimit.allowed) {
      return refuse(rateLimitedError(rateLimit, spent), 429, rateLimit);
    }
    if (refusal) return refuse(refusal, 400, rateLimit);
    return { admitted: true, cost, rateLimit };
  };
}
