/**
 * The GraphQL-over-HTTP spec's conformance audit (graphql-http's auditServer) against the
 * demo gateway over HTTP. Errors and warnings are failures; notices are the spec's MAYs the
 * gateway declines on purpose, pinned here so a new one is a decision, not a drift.
 */
import { auditServer, type AuditResult } from 'graphql-http';
import { startTestGateway } from '../helpers/gateway';

/**
 * GETs without `apollo-require-preflight` / `x-apollo-operation-name` are what a cross-site
 * <img> or <form> sends, so Apollo's CSRF prevention refuses them (400 BAD_REQUEST).
 */
const DECLINED_NOTICES = [
  '5A70 MAY accept application/x-www-form-urlencoded formatted GET requests',
  'D6D5 MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  '6A70 MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
];

function describeResult(result: AuditResult): string {
  return `${result.id} ${result.name}`;
}

it('passes the graphql-http audit with no error and no warning', async () => {
  const gateway = await startTestGateway();
  const results = await auditServer({ url: gateway.url });
  const byStatus = (status: AuditResult['status']) =>
    results.filter((result) => result.status === status).map(describeResult);
  expect(byStatus('error')).toEqual([]);
  expect(byStatus('warn')).toEqual([]);
  expect(byStatus('notice')).toEqual(DECLINED_NOTICES);
  expect(byStatus('ok').length).toBeGreaterThanOrEqual(58);
});
