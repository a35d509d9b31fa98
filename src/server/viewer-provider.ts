import type { Viewer } from '../auth/viewer';
import type { AuthMode } from '../config';
import type { SalesforceClient } from '../upstreams/salesforce/client';

/**
 * The integration user that demo and integration-mode requests act as. Its identity is
 * asked once per process (single-flight); a failure is not cached, so the next request retries.
 */
export function createIntegrationViewerProvider(
  salesforce: SalesforceClient,
  mode: Exclude<AuthMode, 'user'>,
): () => Promise<Viewer> {
  let pending: Promise<Viewer> | undefined;
  return () => {
    pending ??= salesforce.identity().then((identity) => ({
      userId: identity.userId,
      orgId: identity.orgId,
      username: identity.username,
      mode,
      cacheScope: `${identity.orgId}:${identity.userId}`,
    }));
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}
