import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer';
import { createLoaders, type Loaders } from '../loaders';
import type { SalesforceClient } from '../upstreams/salesforce/client';

export interface GatewayContext {
  viewer: Viewer;
  salesforce: SalesforceClient;
  loaders: Loaders;
  requestId: string;
}

export interface ContextDependencies {
  salesforce: SalesforceClient;
  resolveViewer(): Promise<Viewer>;
}

/** One context per request: loaders never outlive it (DataLoader "one per request"). */
export async function createContext(
  deps: ContextDependencies,
  requestId: string | undefined,
): Promise<GatewayContext> {
  const viewer = await deps.resolveViewer();
  return {
    viewer,
    salesforce: deps.salesforce,
    loaders: createLoaders({ salesforce: deps.salesforce, viewer }),
    requestId:
      requestId !== undefined && /^[\w.:-]{1,100}$/.test(requestId) ? requestId : randomUUID(),
  };
}
