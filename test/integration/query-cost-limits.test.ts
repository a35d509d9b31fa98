import { NESTED_OPPORTUNITIES_QUERY } from '../../bench/bench-operations';
import {
  ABUSIVE_QUERY,
  ABUSIVE_QUERY_WITH_DEFAULTS,
  abusiveQueryWithLiteral,
} from '../helpers/abusive-query';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { leftovers } from '../helpers/leftovers';
import { connectWs, runOverWs, type TestWsClient } from '../helpers/subscriptions-client';

/** Issue 12 items 1 and 7: the cost limit sees variables and defaults; limits say what they are. */

const README_EXAMPLE = `{
  opportunities(
    first: 20
    where: { isClosed: { eq: false }, closeDate: { relative: { literal: THIS_QUARTER } } }
    orderBy: [{ field: AMOUNT, direction: DESC, nulls: LAST }]
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      name stageName amount
      account { name owner { name } contacts(first: 3) { nodes { email } } }
    }
  }
}`;

/** 900 copies of one field: graphql-js stops comparing them ("Validation aborted."). */
const REPETITIVE_QUERY = `{ ${'viewer { id } '.repeat(900)}}`;
const OVERSIZED_QUERY = `{ ${'__typename '.repeat(6000)}}`;

describe('the operation cost limit', () => {
  let gateway: TestGateway;
  let ws: TestWsClient;

  beforeAll(async () => {
    gateway = await startTestGateway();
    ws = connectWs(gateway.url);
    leftovers.push(() => ws.dispose());
    // The integration user's identity is asked once per process; not this test's call.
    expect((await gateway.graphql('{ viewer { id } }')).errors).toBeUndefined();
  });

  it.each([
    ['a variable', ABUSIVE_QUERY, { n: 200 }],
    ['a literal', abusiveQueryWithLiteral(200), undefined],
    ['the default page', ABUSIVE_QUERY_WITH_DEFAULTS, undefined],
    ['an unset variable (the default page)', ABUSIVE_QUERY, {}],
  ])(
    'refuses the abusive query over HTTP with `first` from %s, before any Salesforce call',
    async (_how, query, variables) => {
      await gateway.resetEmulatorStats();
      const { status, body } = await gateway.post(query, variables);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      const [error] = body.errors ?? [];
      expect(error?.extensions).toEqual({
        code: 'QUERY_TOO_COMPLEX',
        cost: expect.any(Number) as number,
        maxCost: 50_000,
      });
      expect(error?.extensions?.cost).toBeGreaterThan(50_000);
      expect(error?.message).toMatch(/^The operation costs \d+, more than the limit of 50000/);
      // GraphQL over HTTP: an application/json answer to a well-formed request is 200.
      expect(status).toBe(200);
      expect((await gateway.emulatorStats()).total).toBe(0);
    },
  );

  it('refuses the abusive query over WebSocket with its variables, keeping the socket open', async () => {
    await gateway.resetEmulatorStats();
    const refused = await runOverWs(ws.client, ABUSIVE_QUERY, { n: 200 });
    expect(refused.results).toEqual([]);
    expect(refused.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'QUERY_TOO_COMPLEX', cost: expect.any(Number), maxCost: 50_000 },
      }),
    ]);
    const defaults = await runOverWs(ws.client, ABUSIVE_QUERY_WITH_DEFAULTS);
    expect(defaults.errors[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await gateway.emulatorStats()).total).toBe(0);

    const small = await runOverWs(
      ws.client,
      'query ($n: Int) { accounts(first: $n) { nodes { id } } }',
      {
        n: 3,
      },
    );
    expect(small.errors).toEqual([]);
    expect(small.results).toEqual([{ data: { accounts: { nodes: expect.any(Array) } } }]);
  });

  it("runs README's example and the bench's nested query over both transports", async () => {
    for (const query of [README_EXAMPLE, NESTED_OPPORTUNITIES_QUERY]) {
      const http = await gateway.post(query);
      expect(http.body.errors).toBeUndefined();
      expect(http.status).toBe(200);
      const overWs = await runOverWs(ws.client, query);
      expect(overWs.errors).toEqual([]);
      expect(overWs.results[0]?.errors).toBeUndefined();
    }
  });

  it('refuses variables that do not coerce as BAD_USER_INPUT, with no Salesforce call', async () => {
    await gateway.resetEmulatorStats();
    const { status, body } = await gateway.post(
      'query ($n: Int!) { accounts(first: $n) { nodes { id } } }',
      { n: 'all of them' },
    );
    // GraphQL over HTTP: an application/json answer to a well-formed request is 200.
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/^Variable "\$n" got invalid value/);
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('words the token limit as a limit, not a syntax error, on both transports', async () => {
    const expected = {
      message: 'The document has more than 5000 tokens (limit 5000)',
      extensions: { code: 'QUERY_TOO_COMPLEX', maxTokens: 5000 },
    };
    const { body } = await gateway.post(OVERSIZED_QUERY);
    expect(body.errors).toEqual([expect.objectContaining(expected)]);
    const overWs = await runOverWs(ws.client, OVERSIZED_QUERY);
    expect(overWs.errors).toEqual([expect.objectContaining(expected)]);
  });

  it('explains "Validation aborted." as a limit on both transports', async () => {
    const expected = {
      message: expect.stringMatching(
        /^The document repeats the same fields or fragments too often to be validated/,
      ) as string,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'validation-work' },
    };
    const { body } = await gateway.post(REPETITIVE_QUERY);
    expect(body.errors).toEqual([expect.objectContaining(expected)]);
    const overWs = await runOverWs(ws.client, REPETITIVE_QUERY);
    expect(overWs.errors).toEqual([expect.objectContaining(expected)]);
  });
});
