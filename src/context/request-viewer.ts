import type { HeaderBag } from '../auth/request-credentials';
import type { Viewer } from '../auth/viewer';
import type { SalesforceClient } from '../upstreams/salesforce/client';

/** Who a request runs as, and the Salesforce client that acts with exactly their rights. */
export interface RequestViewer {
  viewer: Viewer;
  salesforce: SalesforceClient;
}

/**
 * Request headers → viewer, once per HTTP request (and, with the same function, once per
 * graphql-ws connection from the upgrade request's headers). Throws UNAUTHENTICATED (HTTP 401)
 * when no valid credentials came with them; never falls back to another identity.
 */
export type ResolveViewer = (headers: HeaderBag) => Promise<RequestViewer>;
