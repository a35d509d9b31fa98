import { randomUUID } from 'node:crypto';
import type { HeaderBag } from '../auth/request-credentials';
import type { Viewer } from '../auth/viewer';
import { createLoaders, type Loaders } from '../loaders';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import type { ResolveViewer } from './gateway-auth';

export interface GatewayContext {
  viewer: Viewer;
  /** Acts as `viewer`: the signed-in user's own connection in user mode. */
  salesforce: SalesforceClient;
  loaders: Loaders;
  requestId: string;
}

export interface ContextDependencies {
  resolveViewer: ResolveViewer;
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
  const { viewer, salesforce } = await deps.resolveViewer(headers);
  return {
    viewer,
    salesforce,
    loaders: createLoaders({ salesforce, viewer }),
    requestId:
      requestId !== undefined && /^[\w.:-]{1,100}$/.test(requestId) ? requestId : randomUUID(),
  };
}
