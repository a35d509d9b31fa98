import type { ApiUsageQuery } from '../generated/graphql';
import { startTestGateway, type TestGateway } from '../helpers/gateway';

describe('gateway over HTTP', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });

  it('answers liveness without touching Salesforce', async () => {
    await gateway.resetEmulatorStats();
    const response = await fetch(gateway.url.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('reports ready when Salesforce answers as the integration user', async () => {
    const minimal = await fetch(gateway.url.replace('/graphql', '/readyz'));
    expect(minimal.status).toBe(200);
    expect(await minimal.json()).toEqual({ status: 'ready' });
    // The demo has no credentials to check: a credential header is the opt-in to details.
    const response = await fetch(gateway.url.replace('/graphql', '/readyz'), {
      headers: { 'x-api-key': 'demo' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      salesforce: { orgId: string; userId: string };
    };
    expect(body.status).toBe('ready');
    expect(body.salesforce.orgId).toMatch(/^00D/);
    expect(body.salesforce.userId).toMatch(/^005/);
  });

  it('serves the Apollo Sandbox landing page to browsers', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('embeddable-sandbox');
  });

  it('answers apiUsage from Salesforce /limits', async () => {
    const before = await gateway.emulatorStats();
    const { data, errors } = await gateway.graphql<ApiUsageQuery>(
      '{ apiUsage { used max remaining asOf } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.apiUsage.max).toBe(100000);
    expect(data?.apiUsage.used).toBeGreaterThanOrEqual(1);
    expect(data?.apiUsage.remaining).toBe(100000 - (data?.apiUsage.used ?? 0));
    expect(Number.isNaN(Date.parse(data?.apiUsage.asOf ?? ''))).toBe(false);
    const after = await gateway.emulatorStats();
    expect(after.total - before.total).toBe(1);
  });

  it('accepts GET queries with the CSRF preflight header', async () => {
    const response = await fetch(
      `${gateway.url}?query=${encodeURIComponent('{ apiUsage { max } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { apiUsage: { max: 100000 } } });
  });

  it('answers GraphQL validation errors with BAD_USER_INPUT, keeping Apollo code as reason', async () => {
    const { errors } = await gateway.graphql('{ apiUsage { nope } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.extensions?.reason).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers malformed JSON bodies with 400', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(response.status).toBe(400);
  });

  it('answers unknown paths with 404', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/nope'));
    expect(response.status).toBe(404);
  });
});
