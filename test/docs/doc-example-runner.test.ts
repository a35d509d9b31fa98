/**
 * The harness can fail: a Markdown file whose examples are wrong in every way the format
 * knows is run against a real demo gateway, and each wrong block is reported at its line,
 * while the right ones (a subscription with its trigger included) pass.
 */
import { runDocExamples, startDocGateway, type DocGateway } from './doc-example-runner';

const FENCE = '```';
let doc: DocGateway;

beforeAll(async () => {
  doc = await startDocGateway();
});

afterAll(async () => {
  await doc.ws.dispose();
});

it('reports every failing example at its line and passes the right ones', async () => {
  const markdown = [
    `${FENCE}graphql`, // 1: passes
    '{ viewer { name } }',
    FENCE,
    `${FENCE}json response`, // 4: passes
    '{ "data": { "viewer": { "name": "Integration User" } } }',
    FENCE,
    `${FENCE}graphql`, // 7: unknown field
    '{ viewer { nickname } }',
    FENCE,
    `${FENCE}graphql expect-error=NOT_FOUND`, // 10: answers BAD_USER_INPUT, not NOT_FOUND
    '{ account(id: "not-an-id") { name } }',
    FENCE,
    `${FENCE}graphql`, // 13: runs, but the answer is not the documented one
    '{ viewer { name } }',
    FENCE,
    `${FENCE}json response`, // 16
    '{ "data": { "viewer": { "name": "Avery Admin" } } }',
    FENCE,
    `${FENCE}http`, // 19: 404
    'GET /no-such-page',
    FENCE,
    `${FENCE}http expect-status=200`, // 22: passes
    'GET /healthz',
    FENCE,
    `${FENCE}graphql`, // 25: a subscription and its trigger: passes
    'subscription ($id: ID!) { accountChanged(ids: [$id]) { changeType record { ... on Account { industry } } } }',
    FENCE,
    `${FENCE}json variables`,
    '{ "id": "00100000000001dAAA" }',
    FENCE,
    `${FENCE}json response`,
    '{ "data": { "accountChanged": { "changeType": "UPDATE", "record": { "industry": "Energy" } } } }',
    FENCE,
    `${FENCE}graphql`, // 34
    'mutation { updateAccount(id: "00100000000001dAAA", input: { industry: "Energy" }) { id } }',
    FENCE,
    `${FENCE}graphql`, // 37: a subscription whose trigger changes another record: no event
    'subscription { leadChanged(ids: ["00Q0000000000UeEAI"]) { changeType } }',
    FENCE,
    `${FENCE}graphql`, // 40
    '{ viewer { name } }',
    FENCE,
    `${FENCE}graphql expected-error=X`, // 43: unknown label
    '{ viewer { name } }',
    FENCE,
  ].join('\n');
  const failures = await runDocExamples(markdown, doc);
  expect(failures.map((f) => f.line)).toEqual([7, 10, 16, 19, 37, 43]);
  expect(failures[0]?.message).toMatch(/answered with errors.*nickname/);
  expect(failures[1]?.message).toMatch(/expected an error with code NOT_FOUND/);
  expect(failures[2]?.message).toMatch(/documented "Avery Admin", got "Integration User"/);
  expect(failures[3]?.message).toMatch(/GET \/no-such-page answered 404 \(expected 2xx\)/);
  expect(failures[4]?.message).toMatch(/no event within 5000 ms of the example at line 40/);
  expect(failures[5]?.message).toMatch(/unknown label "expected-error=X"/);
}, 60_000);
