/** A gateway process for the failover test: the test's Redis namespace and short lock periods. */
import { runGatewayProcess } from './gateway-process-main';

runGatewayProcess({
  subscriptions: {
    namespace: process.env.TEST_CDC_NAMESPACE ?? 'atom-test',
    lockTtlMs: 3_000,
    lockRenewEveryMs: 1_000,
  },
});
