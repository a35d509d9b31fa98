/**
 * SIGTERM, as a process manager sends it, while requests are in flight and subscribers are
 * connected: every request already received gets its complete answer, every subscriber gets
 * close code 1001 (Going Away), and the process exits 0.
 */
import {
  subscribeToAccountChanges,
  waitForSubscribers,
  type ChangeSubscriber,
} from './support/change-stream';
import { spawnIntegrationGateway } from './support/gateway-process';
import { startOrg } from './support/org';
import { underObservation } from './support/scenario';

/** Two Salesforce calls one after the other: in flight for 2 × LATENCY_MS at least. */
const ACCOUNTS_WITH_CONTACTS = `{ accounts(first: 5, orderBy: [{ field: NAME }]) {
  nodes { id name contacts(first: 2, orderBy: [{ field: LAST_NAME }]) { nodes { id name } } } } }`;
const LATENCY_MS = 300;
const IN_FLIGHT = 20;
const SUBSCRIBERS = 3;
const WAVES_BEFORE = 3;

describe('SIGTERM under load', () => {
  it('answers every in-flight request completely, closes subscribers with 1001 and exits 0', async () => {
    const org = await startOrg();
    const gateway = await spawnIntegrationGateway(org);
    const baseline = await gateway.graphql(ACCOUNTS_WITH_CONTACTS);
    expect(baseline.body.errors).toBeUndefined();
    for (let i = 0; i < 10; i += 1) await gateway.graphql(ACCOUNTS_WITH_CONTACTS);

    const subscribers: ChangeSubscriber[] = Array.from({ length: SUBSCRIBERS }, () =>
      subscribeToAccountChanges(gateway),
    );
    await waitForSubscribers(gateway, SUBSCRIBERS, subscribers);
    await org.faults({ latencyMs: LATENCY_MS });

    await underObservation(
      'SIGTERM under load',
      gateway,
      async (observation) => {
        const wave = () =>
          Promise.all(
            Array.from({ length: IN_FLIGHT }, () => gateway.graphql(ACCOUNTS_WITH_CONTACTS)),
          );
        // Load first, then the signal in the middle of the next wave.
        for (let i = 0; i < WAVES_BEFORE; i += 1) {
          for (const answer of await wave()) expect(answer.body).toEqual(baseline.body);
        }
        await org.resetStats();
        const answers = wave();
        // The first Salesforce calls are admitted: requests are mid-way when the signal lands.
        while ((await org.stats()).total === 0) await new Promise((r) => setTimeout(r, 5));
        // /healthz stops answering once the process stops listening, by design.
        await observation.finish();
        gateway.spawned.child.kill('SIGTERM');

        const [settled, closes, exit] = await Promise.all([
          answers,
          Promise.all(subscribers.map((s) => s.ws.closed)),
          gateway.spawned.exited,
        ]);
        expect(settled.map((a) => a.status)).toEqual(Array(IN_FLIGHT).fill(200));
        for (const answer of settled) expect(answer.body).toEqual(baseline.body);
        expect(closes.map((c) => c.code)).toEqual(Array(SUBSCRIBERS).fill(1001));
        expect(exit).toEqual({ code: 0, signal: null });
        observation.note(
          `${IN_FLIGHT}/${IN_FLIGHT} in-flight requests answered in full, ${SUBSCRIBERS} subscribers closed with 1001, exit ${exit.code}`,
        );
      },
      { endsProcess: true },
    );
  });
});
