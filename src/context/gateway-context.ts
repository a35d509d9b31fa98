import { randomUUID } from 'node:crypto';
import type { HeaderBag } from '../auth/request-credentials';
import type { Viewer } from '../auth/viewer';
import type { ConnectionControl, LiveChangeFeed } from '../live/live-change-feed';
import { createLoaders, type Loaders } from '../loaders';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import type { RequestViewer, ResolveViewer } from './request-viewer';

export interface GatewayContext {
  viewer: Viewer;
  /**
   * Acts as `viewer`: the signed-in user's own connection in user mode. Its `queryAll` with
   * `includeDeleted` (`/queryAll`) is what checks a delete's visibility for a subscriber.
   */
  salesforce: SalesforceClient;
  /**
   * Per request; a subscription replaces them for every event it delivers, so one event's
   * reads never answer the next one from a stale memo.
   */
  loaders: Loaders;
  requestId: string;
  /** The instance's change feed; absent when live changes are off. */
  live?: LiveChangeFeed;
  /** The graphql-ws connection an operation runs on (subscriptions only). */
  connection?: ConnectionControl;
  /** The HTTP peer's socket address: demo mode has no other identity to rate-limit by. */
  clientAddress?: string;
}

export interface ContextDependencies {
  resolveViewer: ResolveViewer;
  live?: LiveChangeFeed;
}

function requestIdOf(requestId: string | undefined): string {
  return requestId !== undefined && /^[\w.:-]{1,100}$/.test(requestId) ? requestId : randomUUID();
}

/** A context for an already resolved viewer (graphql-ws resolves once per connection). */
export function contextForViewer(
  resolved: RequestViewer,
  extras: { requestId?: string; live?: LiveChangeFeed; connection?: ConnectionControl } = {},
): GatewayContext {
  const { viewer, salesforce } = resolved;
  return {
    viewer,
    salesforce,
    loaders: createLoaders({ salesforce, viewer }),
    requestId: requestIdOf(extras.requestId),
    ...(extras.live ? { live: extras.live } : {}),
    ...(extras.connection ? { connection: extras.connection } : {}),
  };
}

/**
 * One context per request: the viewer is resolved once, and loaders never outlive the
 * request (DataLoader "one per request") nor serve another viewer.
 */
export async function createContext(
  deps: ContextDependencies,
  headers: HeaderBag,
  requestId: string | undefined,
): Promise<GatewayContext> {
  const resolved = await deps.resolveViewer(headers);
  return contextForViewer(resolved, { requestId, live: deps.live });
}
