/** The executable-examples format itself: what runs, what attaches to what, what fails. */
import { compareExcerpt, isVolatileString, parseDocExamples } from './doc-examples';

const FENCE = '```';

function doc(...parts: string[]): string {
  return parts.join('\n');
}

describe('parseDocExamples', () => {
  it('reads graphql, variables, response and http blocks with their lines', () => {
    const parsed = parseDocExamples(
      doc(
        '# Title',
        `${FENCE}graphql`,
        'query ($id: ID!) { account(id: $id) { name } }',
        FENCE,
        'Variables:',
        `${FENCE}json variables`,
        '{ "id": "001" }',
        FENCE,
        `${FENCE}json response`,
        '{ "data": { "account": { "name": "Acme" } } }',
        FENCE,
        `${FENCE}http expect-status=404`,
        'GET /salesforce/accounts/001000000000000AAA',
        'Accept: application/json',
        FENCE,
        `${FENCE}http`,
        'POST http://127.0.0.1:4011/__emulator/webhooks/trigger',
        'Content-Type: application/json',
        '',
        '{ "type": "payment_intent.succeeded" }',
        FENCE,
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.examples).toEqual([
      {
        kind: 'graphql',
        line: 2,
        query: 'query ($id: ID!) { account(id: $id) { name } }',
        operationType: 'query',
        variables: { id: '001' },
        response: { line: 9, value: { data: { account: { name: 'Acme' } } } },
      },
      {
        kind: 'http',
        line: 12,
        method: 'GET',
        target: '/salesforce/accounts/001000000000000AAA',
        headers: { accept: 'application/json' },
        expectStatus: 404,
      },
      {
        kind: 'http',
        line: 16,
        method: 'POST',
        target: 'http://127.0.0.1:4011/__emulator/webhooks/trigger',
        headers: { 'content-type': 'application/json' },
        body: '{ "type": "payment_intent.succeeded" }',
      },
    ]);
  });

  it('knows subscriptions and expected errors, and leaves other languages alone', () => {
    const parsed = parseDocExamples(
      doc(
        `${FENCE}graphql expect-error=BAD_USER_INPUT`,
        'subscription { accountChanged(ids: ["x"]) { changeType } }',
        FENCE,
        `${FENCE}sh`,
        'curl -s http://127.0.0.1:4000/healthz',
        FENCE,
        `${FENCE}json`,
        '{ "illustrative": true }',
        FENCE,
        `${FENCE}ts title=client.ts`,
        'const x = 1;',
        FENCE,
        '- a list item:',
        '',
        `  ${FENCE}graphql`,
        '  { viewer { name } }',
        `  ${FENCE}`,
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.examples).toEqual([
      expect.objectContaining({
        line: 1,
        operationType: 'subscription',
        expectError: 'BAD_USER_INPUT',
      }),
      expect.objectContaining({ line: 15, query: '{ viewer { name } }', operationType: 'query' }),
    ]);
  });

  it('reports unknown labels, misplaced variables and responses, and broken blocks by line', () => {
    const parsed = parseDocExamples(
      doc(
        `${FENCE}graphql expect=NOT_FOUND`,
        '{ viewer { name } }',
        FENCE,
        `${FENCE}json result`,
        '{}',
        FENCE,
        `${FENCE}sh`,
        'echo',
        FENCE,
        `${FENCE}json response`,
        '{}',
        FENCE,
        `${FENCE}http`,
        'GET /healthz',
        FENCE,
        `${FENCE}json variables`,
        '{}',
        FENCE,
        `${FENCE}http expect-status=abc`,
        'GET /healthz',
        FENCE,
        `${FENCE}http`,
        'fetch the health page',
        FENCE,
        `${FENCE}graphql`,
        '{ viewer { name } }',
        FENCE,
        `${FENCE}json response`,
        '{ "data": ',
        FENCE,
      ),
    );
    expect(parsed.problems.map((p) => p.line)).toEqual([1, 4, 10, 16, 19, 22, 28]);
    expect(parsed.problems[0]?.message).toMatch(/unknown label "expect=NOT_FOUND"/);
    expect(parsed.problems[1]?.message).toMatch(/unknown label "result"/);
    expect(parsed.problems[2]?.message).toMatch(/response must come directly after/);
    expect(parsed.problems[3]?.message).toMatch(/variables must come directly after a graphql/);
    expect(parsed.problems[6]?.message).toMatch(/invalid JSON/);
  });
});

describe('compareExcerpt', () => {
  const real = {
    data: {
      accounts: {
        pageInfo: { endCursor: 'eyJrIjpbXX0', hasNextPage: true },
        nodes: [
          { id: '001000000000001AAA', name: 'Acme', amount: 10, createdDate: '2026-01-02' },
          { id: '001000000000002AAA', name: 'Globex', amount: 20, createdDate: '2026-01-03' },
        ],
      },
    },
  };

  it('accepts an honest excerpt: a subset of keys, other ids, dates, cursors and numbers', () => {
    expect(
      compareExcerpt(
        {
          data: {
            accounts: {
              pageInfo: { endCursor: 'eyJvdGhlciJ9', hasNextPage: false },
              nodes: [{ id: '001000000000009AAA', name: 'Acme', amount: 99 }],
            },
          },
        },
        real,
      ),
    ).toEqual([]);
  });

  it('catches a wrong string, a missing key, a wrong type and missing elements', () => {
    expect(
      compareExcerpt(
        {
          data: {
            accounts: {
              nodes: [
                { name: 'Acme', website: 'acme.example' },
                { name: 'Initech', amount: '20' },
                { name: 'Hooli' },
              ],
            },
          },
        },
        real,
      ),
    ).toEqual(['$.data.accounts.nodes: documented 3 element(s), got 2']);
    expect(
      compareExcerpt(
        {
          data: {
            accounts: {
              nodes: [
                { name: 'Acme', website: 'x' },
                { name: 'Initech', amount: '20' },
              ],
            },
          },
        },
        real,
      ),
    ).toEqual([
      '$.data.accounts.nodes[0]: the answer has no "website"',
      '$.data.accounts.nodes[1].name: documented "Initech", got "Globex"',
      '$.data.accounts.nodes[1].amount: documented string, got number 20',
    ]);
    expect(compareExcerpt({ data: null }, real)).toEqual([
      '$.data: documented null, got object {"accounts":{"pageInfo":{"endCursor":"eyJrIjpbXX0","hasNextPage":true},"nodes":[{"id":"001000000000001AAA","name":"Acme","amount":10,"createdDate":"2026-01-02"},{"id":"001000000000002AAA","name":"Globex","amount":20,"createdDate":"2026-01-03"}]}}',
    ]);
    expect(compareExcerpt({ errors: [] }, { errors: [{ message: 'x' }] })).toEqual([
      '$.errors: documented [], got 1 element(s)',
    ]);
  });

  it('treats ids, dates, month labels and cursors as volatile, nothing else', () => {
    expect(isVolatileString('key', '005000000000001AAA')).toBe(true);
    expect(isVolatileString('stripeCustomerId', 'cus_Demo0001')).toBe(true);
    expect(isVolatileString('lastPaymentAt', 'yesterday')).toBe(true);
    expect(isVolatileString('from', '2026-01-01')).toBe(true);
    expect(isVolatileString('key', '2026-03')).toBe(true);
    expect(isVolatileString('label', 'Mar 2026')).toBe(true);
    expect(isVolatileString('endCursor', 'abc')).toBe(true);
    expect(isVolatileString('key', 'TOTAL')).toBe(false);
    expect(isVolatileString('stageName', 'Closed Won')).toBe(false);
    // Words that merely end like a volatile suffix are compared.
    for (const key of ['format', 'stat', 'paid', 'void', 'valid', 'update', 'currencyFormat'])
      expect([key, isVolatileString(key, 'x')]).toEqual([key, false]);
    expect(isVolatileString('name', 'Acme')).toBe(false);
  });
});
