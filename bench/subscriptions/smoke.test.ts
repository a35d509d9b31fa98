/**
 * The subscriptions bench in small (CI smoke, counts only, never times): 200 graphql-ws
 * subscribers in a client process of their own, the gateway with its emulator in another,
 * 20 Account creates; every subscriber receives every event exactly once, through one
 * upstream CometD subscription and one shared execution per event.
 */
import { runScenario } from './scenario';
import { ACCOUNT_FEED } from './targets';

it('delivers every event exactly once to 200 subscribers in another process', async () => {
  const result = await runScenario({
    name: 'smoke',
    subscribers: 200,
    writesPerSecond: 10,
    durationSeconds: 2,
    query: ACCOUNT_FEED,
    clientProcesses: 1,
    settleMs: 20_000,
  });
  expect(result).toMatchObject({
    writes: 20,
    deliveriesExpected: 4_000,
    deliveriesReceived: 4_000,
    lost: 0,
    duplicates: 0,
    socketsClosed: 0,
    errors: 0,
    upstreamCometdSubscriptions: 1,
    executions: 20,
  });
}, 60_000);
