/**
 * A flood of issue 12's abusive query against a gateway process, in each of the three ways
 * a client can write `first`: every request is refused with QUERY_TOO_COMPLEX before any
 * Salesforce call (the org's API-call counter does not move), and `/healthz` keeps
 * answering throughout.
 *
 * Each form gets its own gateway and org, so a form that is not refused (and makes the
 * gateway fetch and serialize tens of megabytes) cannot slow the next one down; and each
 * floods only once a first request was refused, so such a failure costs one request.
 */
import { abusiveQuery, type FirstForm } from './support/abusive-queries';
import { outcomeOf, spawnIntegrationGateway } from './support/gateway-process';
import { startOrg } from './support/org';
import { tally } from './support/recovery';
import { underObservation } from './support/scenario';

/**
 * Concurrent requests per wave. Each refusal still parses and validates a 2.7 KB document
 * (a few ms of the gateway's one thread), so a probe arriving behind a wave waits for all of
 * it: 30 at once measured 110-125 ms on the shared 2-core machine, 10 stay well under.
 */
const FLOOD = 10;
const WAVES = 15;
/** A refusal takes milliseconds; an executed abusive query took 7.8 s when the issue was filed. */
const REQUEST_TIMEOUT_MS = 20_000;

async function floodIsRefused(form: FirstForm): Promise<void> {
  const org = await startOrg();
  const gateway = await spawnIntegrationGateway(org);
  const abusive = abusiveQuery(form);
  // Warm-up with a legitimate query, so the memory baseline is not the first request's.
  for (let i = 0; i < 10; i += 1) {
    const answer = await gateway.graphql('{ accounts(first: 2) { nodes { id } } }');
    expect(answer.body.errors).toBeUndefined();
  }
  try {
    await underObservation(`abusive query flood, first as a ${form}`, gateway, async (note) => {
      await org.resetStats();
      const send = () =>
        gateway.graphql(abusive.query, abusive.variables, { timeoutMs: REQUEST_TIMEOUT_MS });
      const gate = await send();
      expect(gate.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(gate.body.data ?? null).toBeNull();

      const answers = [];
      for (let wave = 0; wave < WAVES; wave += 1) {
        answers.push(...(await Promise.all(Array.from({ length: FLOOD }, send))));
      }
      const outcomes = tally(answers.map(outcomeOf));
      expect(outcomes).toEqual({ QUERY_TOO_COMPLEX: FLOOD * WAVES });
      const stats = await org.stats();
      expect({ apiCalls: stats.total }).toEqual({ apiCalls: 0 });
      note.note(
        `${FLOOD * WAVES + 1} requests (${abusive.query.length} bytes each, ${WAVES} waves of ${FLOOD} concurrent after a first): ${JSON.stringify(outcomes)} plus the first; Salesforce API calls: ${stats.total}`,
      );
    });
  } finally {
    // Do not wait for the drain of an abusive query that was not refused.
    if (gateway.alive()) gateway.spawned.child.kill('SIGKILL');
  }
}

describe('a flood of abusive queries', () => {
  it('refuses them all with QUERY_TOO_COMPLEX when first is a literal', async () => {
    await floodIsRefused('literal');
  });

  // Needs branch h12-cost (issue 12 item 1: cost computed after variables are coerced).
  // Without it this form is executed, and this test fails on the first request.
  it('refuses them all with QUERY_TOO_COMPLEX when first is a variable ($n: Int = 200)', async () => {
    await floodIsRefused('variable');
  });

  // Needs branch h12-cost (issue 12 item 1: a connection without first weighs its default).
  // Without it this form is executed, and this test fails on the first request.
  it('refuses them all with QUERY_TOO_COMPLEX when first is left to its default', async () => {
    await floodIsRefused('default');
  });
});
