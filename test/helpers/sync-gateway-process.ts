/**
 * A gateway process for the sync resume test: no live changes, its sync state under the
 * test's Redis namespace with a short lease (a killed run must not block the next one for long).
 */
import { runGatewayProcess } from './gateway-process-main';

runGatewayProcess({
  subscriptions: { enabled: false },
  sync: { namespace: process.env.TEST_SYNC_NAMESPACE ?? 'atom-test:sync', lockTtlMs: 1_500 },
});
