import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { HeaderBag } from '../auth/request-credentials';
import type { Viewer } from '../auth/viewer';
import type { ConnectionControl, LiveChangeFeed } from '../live/live-change-feed';
import type { Logger } from '../logging/logger';
import type { LinkFieldNames } from '../config';
import { createLoaders, type Loaders } from '../loaders';
import { createLinkedLoaders, type LinkedLoaders } from '../loaders/linked-loaders';
import { unconfiguredLinkedServices, type LinkedServices } from '../upstreams/linked';
import { OperationScope } from '../upstreams/operation-scope';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import type { SyncServices } from '../sync';
import { scopeSalesforceClient } from '../upstreams/salesforce/scoped-client';
import type { CrossRequestCache } from '../cache';
import type { ApiBudget } from '../upstreams/salesforce/api-budget';
import type { DescribeCache } from '../upstreams/salesforce/describe-cache';
import { cacheSalesforceClient, type CacheReadPolicy } from '../upstreams/salesforce/cached-client';
import type { RequestViewer, ResolveViewer } from './request-viewer';

/** QUERY_MAX_ROWS's default: records one operation may read from upstreams. */
export const DEFAULT_MAX_ROWS = 10_000;

export interface GatewayContext {
  viewer: Viewer;
  /**
   * Acts as `viewer`: the signed-in user's own connection in user mode. Its `queryAll` with
   * `includeDeleted` (`/queryAll`) is what checks a delete's visibility for a subscriber.
   * Bound to `operation`: its calls stop when the client leaves or the rows budget is spent.
   */
  salesforce: SalesforceClient;
  /**
   * Acts as `viewer` for the gateway's own checks around a subscription's events (access
   * checks, account lookups): they run before each event's budget starts and are shared with
   * the viewer's other subscriptions, so they carry the request id but neither this
   * operation's signal nor its rows budget.
   */
  salesforceForChecks: SalesforceClient;
  /**
   * Per request; a subscription replaces them for every event it delivers, so one event's
   * reads never answer the next one from a stale memo.
   */
  loaders: Loaders;
  /** Stripe, Zendesk and QuickBooks loaders of this request (renewed per event like `loaders`). */
  linked: LinkedLoaders;
  /** The Account fields that link it to each service (config; selected with the Account). */
  linkFields: LinkFieldNames;
  /** The process's linked-service clients `linked` was built from (renewed per event). */
  linkedServices: LinkedServices;
  requestId: string;
  /** The operation's request id, abort signal, rows budget and request logger. */
  operation: OperationScope;
  /** The instance's change feed; absent when live changes are off. */
  live?: LiveChangeFeed;
  /** The graphql-ws connection an operation runs on (subscriptions only). */
  connection?: ConnectionControl;
  /**
   * Errors of fields that still answered (a linked service down under a non-null connection:
   * it answers empty, its error is reported on its path). Appended to the response's `errors`
   * by the transports; emptied per subscription event.
   */
  partialErrors: GraphQLError[];
  /** The process's sync state and leases; absent: the sync mutations answer unavailable. */
  sync?: SyncServices;
  /** The HTTP peer's socket address: demo mode has no other identity to rate-limit by. */
  clientAddress?: string;
  /** The instance's cross-request cache of Salesforce reads; absent when CACHE_ENABLED=false. */
  cache?: CrossRequestCache;
  /** The org's daily API allocation as last reported, and the reserve held for writes. */
  apiBudget?: ApiBudget;
  /**
   * Whether `salesforce` may answer reads from `cache`: set per operation once its type is
   * known (queries only: a mutation reads what it is about to change afresh).
   */
  cacheReads: CacheReadPolicy;
  /** The instance's describes per viewer scope (picklist metadata); absent: describe each time. */
  describeCache?: DescribeCache;
}

export interface ContextDependencies {
  resolveViewer: ResolveViewer;
  live?: LiveChangeFeed;
  /** The gateway's logger; each operation logs through a child carrying its request id. */
  logger?: Logger;
  /** QUERY_MAX_ROWS. */
  maxRows?: number;
  /** The process's linked-service clients; absent: every linked service is off. */
  linked?: LinkedServices;
  sync?: SyncServices;
  /** The cross-request cache; absent: every read goes to Salesforce. */
  cache?: CrossRequestCache;
  apiBudget?: ApiBudget;
  describeCache?: DescribeCache;
}

export interface OperationRequest {
  /** The client's `x-request-id`, kept when it is a sane token; a UUID otherwise. */
  requestId?: string;
  /** Aborted when the client goes away (HTTP disconnect, graphql-ws `complete` or close). */
  signal?: AbortSignal;
}

export interface ContextExtras extends OperationRequest {
  live?: LiveChangeFeed;
  connection?: ConnectionControl;
  logger?: Logger;
  maxRows?: number;
  linked?: LinkedServices;
  sync?: SyncServices;
  cache?: CrossRequestCache;
  apiBudget?: ApiBudget;
  describeCache?: DescribeCache;
}

/** The request id an operation runs under: the client's own when it looks like one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}

/** A context for an already resolved viewer (graphql-ws resolves once per connection). */
export function contextForViewer(
  resolved: RequestViewer,
  extras: ContextExtras = {},
): GatewayContext {
  const { viewer } = resolved;
  const requestId = requestIdFrom(extras.requestId);
  const operation = new OperationScope({
    requestId,
    maxRows: extras.maxRows ?? DEFAULT_MAX_ROWS,
    ...(extras.signal ? { signal: extras.signal } : {}),
    ...(extras.logger ? { logger: extras.logger.child({ requestId }) } : {}),
  });
  // Off until the operation is known to be a query (cacheReadsPlugin).
  const cacheReads: CacheReadPolicy = { useCache: false };
  const reader = extras.cache
    ? cacheSalesforceClient(resolved.salesforce, {
        cache: extras.cache,
        scope: viewer.cacheScope,
        policy: cacheReads,
      })
    : resolved.salesforce;
  const salesforce = scopeSalesforceClient(reader, operation);
  const linked = extras.linked ?? unconfiguredLinkedServices();
  const checks = new OperationScope({
    requestId,
    maxRows: Number.POSITIVE_INFINITY,
    ...(operation.logger ? { logger: operation.logger } : {}),
  });
  return {
    viewer,
    salesforce,
    salesforceForChecks: scopeSalesforceClient(resolved.salesforce, checks),
    loaders: createLoaders({ salesforce, viewer }),
    linked: createLinkedLoaders(linked.upstreams, operation),
    linkFields: linked.linkFields,
    linkedServices: linked,
    partialErrors: [],
    requestId,
    operation,
    ...(extras.live ? { live: extras.live } : {}),
    ...(extras.connection ? { connection: extras.connection } : {}),
    ...(extras.sync ? { sync: extras.sync } : {}),
    ...(extras.cache ? { cache: extras.cache } : {}),
    ...(extras.apiBudget ? { apiBudget: extras.apiBudget } : {}),
    ...(extras.describeCache ? { describeCache: extras.describeCache } : {}),
    cacheReads,
  };
}

/**
 * A subscription's next delivered event: a fresh rows budget and fresh loaders (one event's
 * reads never answer the next from a stale memo), the same signal and request id.
 */
export function renewForEvent(ctx: GatewayContext): void {
  ctx.operation.startEvent();
  ctx.loaders = createLoaders({ salesforce: ctx.salesforce, viewer: ctx.viewer });
  ctx.linked = createLinkedLoaders(ctx.linkedServices.upstreams, ctx.operation);
  ctx.partialErrors = [];
}

/**
 * One context per request: the viewer is resolved once, and loaders never outlive the
 * request (DataLoader "one per request") nor serve another viewer.
 */
export async function createContext(
  deps: ContextDependencies,
  headers: HeaderBag,
  request: OperationRequest = {},
): Promise<GatewayContext> {
  const resolved = await deps.resolveViewer(headers);
  return contextForViewer(resolved, {
    ...request,
    ...(deps.live ? { live: deps.live } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.maxRows !== undefined ? { maxRows: deps.maxRows } : {}),
    ...(deps.linked ? { linked: deps.linked } : {}),
    ...(deps.sync ? { sync: deps.sync } : {}),
    ...(deps.cache ? { cache: deps.cache } : {}),
    ...(deps.apiBudget ? { apiBudget: deps.apiBudget } : {}),
    ...(deps.describeCache ? { describeCache: deps.describeCache } : {}),
  });
}
