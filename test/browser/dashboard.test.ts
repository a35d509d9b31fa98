/**
 * The live pipeline dashboard in a real browser: Debian's Chromium driven by playwright-core
 * against a real gateway, emulated org and linked-service emulators, all on port 0. The page
 * reads and subscribes over the gateway's own /graphql and graphql-ws; the test changes an
 * opportunity through the API and watches the chart follow.
 */
import { DASHBOARD_OPERATIONS } from '../../src/server/dashboard/dashboard-operations';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DASHBOARD_CONTENT_SECURITY_POLICY } from '../../src/server/dashboard/dashboard-csp';
import { STRICT_CONTENT_SECURITY_POLICY } from '../../src/server/http-security/security-headers';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { launchChromium, watchErrors } from '../helpers/chromium';
import { readyz, DEMO_READYZ_HEADERS } from '../helpers/subscriptions-client';

const REPO = join(__dirname, '..', '..');
const ARTIFACT = join(REPO, 'test', 'artifacts', 'dashboard.png');
const DOCS_IMAGE = join(REPO, 'docs', 'images', 'dashboard.png');
const PANELS = ['pipeline', 'performance', 'conversion', 'health'] as const;

interface StageRow {
  key: string;
  amount: number;
}

/** Each table row carries its raw values as data attributes beside the chart. */
async function tableRows(page: Page, table: string, attribute: string): Promise<string[]> {
  const rows = await page.locator(`#table-${table} tbody tr`).all();
  return Promise.all(rows.map(async (row) => (await row.getAttribute(attribute)) ?? ''));
}

async function pipelineTable(page: Page): Promise<StageRow[]> {
  const keys = await tableRows(page, 'pipeline', 'data-key');
  const amounts = await tableRows(page, 'pipeline', 'data-amount');
  return keys.map((key, i) => ({ key, amount: Number(amounts[i]) }));
}

/** The pipeline chart's own data, read from Chart.js in the page (the test's lib has no DOM). */
async function pipelineChart(
  page: Page,
): Promise<{ id: number; labels: string[]; values: number[] }> {
  return page.evaluate<{ id: number; labels: string[]; values: number[] }>(
    `(() => { const c = Chart.getChart('chart-pipeline'); return { id: c.id, labels: c.data.labels, values: c.data.datasets[0].data }; })()`,
  );
}

/** The little of the DOM the predicates use (the test's TypeScript lib has no DOM). */
interface BrowserDocument {
  document: { querySelector(selector: string): { dataset: Record<string, string> } | null };
}

interface PipelineData {
  pipeline: { amount: number; stages: Array<{ stageName: string; amount: number }> };
}

describe('live pipeline dashboard (demo mode, Chromium)', () => {
  let gateway: TestGateway;
  let context: BrowserContext;

  beforeAll(async () => {
    // CDC on (the demo default, with its default long-poll), and the linked emulators for
    // Customer360 and the payment/ticket/invoice subscriptions.
    gateway = await startTestGateway({
      emulator: { scale: 1 },
      linked: {},
    });
    // The emulators post their signed webhooks to the gateway, as `npm start` wires them.
    gateway.linked?.sendWebhooksTo(gateway.origin, gateway.config.webhooks);
    context = await launchChromium();
  });

  it('renders every panel from the API and follows an opportunity change within 2 s', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${gateway.origin}/dashboard`);
    for (const name of PANELS) {
      await page.waitForSelector(`#panel-${name}[data-state="ready"]`, { timeout: 20_000 });
    }
    await page.waitForSelector('#connection[data-state="live"]');

    // The page shows what the API answers, not placeholder numbers.
    const before = await gateway.graphql<
      PipelineData & { picklists: Array<{ values: Array<{ value: string }> }> }
    >(
      '{ pipeline { amount stages { stageName amount } } picklists(object: OPPORTUNITY, fields: ["stageName"]) { values { value } } }',
    );
    // The chart follows the funnel (the stage picklist's order), not the report's name order.
    const funnel = before.data?.picklists[0]?.values.map((v) => v.value) ?? [];
    const stages = [...(before.data?.pipeline.stages ?? [])].sort(
      (a, b) => funnel.indexOf(a.stageName) - funnel.indexOf(b.stageName),
    );
    expect(stages.length).toBeGreaterThan(1);
    expect(stages.every((s) => funnel.includes(s.stageName))).toBe(true);
    expect(stages.map((s) => s.stageName)).not.toEqual(
      before.data?.pipeline.stages.map((s) => s.stageName),
    );
    expect(await pipelineTable(page)).toEqual(
      stages.map((s) => ({ key: s.stageName, amount: s.amount })),
    );
    expect(Number(await page.getAttribute('#panel-pipeline', 'data-amount'))).toBe(
      before.data?.pipeline.amount,
    );
    expect(await page.locator('#table-performance tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#table-conversion tbody tr').count()).toBeGreaterThan(0);
    const healthRows = await page.locator('#table-health tbody tr').count();
    expect(healthRows).toBeGreaterThan(0);
    const healthValues = await tableRows(page, 'health', 'data-health');
    for (const health of healthValues) expect(['AT_RISK', 'WATCH', 'HEALTHY']).toContain(health);
    // The chart itself holds the table's numbers.
    const chartBefore = await pipelineChart(page);
    expect(chartBefore).toEqual({
      id: chartBefore.id,
      labels: stages.map((s) => s.stageName),
      values: stages.map((s) => s.amount),
    });

    // The page's subscriptions are registered at the gateway before anything changes.
    await waitForLiveSubscribers(gateway);

    const target = await gateway.graphql<{
      opportunities: { nodes: Array<{ id: string; amount: number | null; stageName: string }> };
    }>(
      '{ opportunities(first: 1, where: { isClosed: { eq: false }, amount: { gt: 0 } }) { nodes { id amount stageName } } }',
    );
    const opportunity = target.data?.opportunities.nodes[0];
    if (!opportunity) throw new Error(`no open opportunity: ${JSON.stringify(target)}`);
    const stage = opportunity.stageName;
    const stageBefore = stages.find((s) => s.stageName === stage)?.amount ?? 0;
    const added = 123_457;
    const updated = await gateway.graphql<{ updateOpportunity: { amount: number } }>(
      'mutation ($id: ID!, $amount: Float!) { updateOpportunity(id: $id, input: { amount: $amount }) { amount } }',
      { id: opportunity.id, amount: (opportunity.amount ?? 0) + added },
    );
    expect(updated.errors).toBeUndefined();
    const expected = stageBefore + added;

    // The functional deadline of the issue: the chart shows the new value within 2 s.
    // A function, not a string: the page's CSP refuses eval, which string predicates need.
    await page.waitForFunction(
      ({ selector, amount }) => {
        const row = (globalThis as unknown as BrowserDocument).document.querySelector(selector);
        return Number(row?.dataset.amount) === amount;
      },
      { selector: `#table-pipeline tbody tr[data-key=${JSON.stringify(stage)}]`, amount: expected },
      { timeout: 2_000 },
    );
    const after = await gateway.graphql<PipelineData>(
      '{ pipeline { amount stages { stageName amount } } }',
    );
    expect(after.data?.pipeline.stages.find((s) => s.stageName === stage)?.amount).toBe(expected);
    // Updated in place: the same chart object now holds the new value.
    const chartAfter = await pipelineChart(page);
    expect(chartAfter.id).toBe(chartBefore.id);
    expect(chartAfter.values[chartAfter.labels.indexOf(stage)]).toBe(expected);

    await mkdir(join(REPO, 'test', 'artifacts'), { recursive: true });
    await page.screenshot({ path: ARTIFACT, fullPage: true });
    if (process.env.DASHBOARD_SCREENSHOT === 'docs') {
      await mkdir(join(REPO, 'docs', 'images'), { recursive: true });
      await copyFile(ARTIFACT, DOCS_IMAGE);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('re-reads lead conversion on recordChanged and account health on a linked-service event', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${gateway.origin}/dashboard`);
    for (const name of PANELS) {
      await page.waitForSelector(`#panel-${name}[data-state="ready"]`, { timeout: 20_000 });
    }
    await waitForLiveSubscribers(gateway);

    // A new lead: recordChanged (LEAD) makes the conversion panel query again. Its lead source
    // is markup, which the page must show as text and never parse.
    const leadsBefore = Number(await page.getAttribute('#panel-conversion', 'data-leads'));
    const markup = '<img src="/x" data-injected="1">Trade show';
    const lead = await gateway.graphql<{ createLead: { id: string } }>(
      'mutation ($s: String!) { createLead(input: { lastName: "Dashboard", company: "Browser Test Co", leadSource: $s }) { id } }',
      { s: markup },
    );
    expect(lead.errors).toBeUndefined();
    await page.waitForSelector(`#panel-conversion[data-leads="${leadsBefore + 1}"]`);
    const row = page.locator('#table-conversion tbody tr', { hasText: 'Trade show' });
    expect(await row.getAttribute('data-key')).toBe(markup);
    expect(await row.locator('td').first().textContent()).toBe(markup);
    expect(await page.locator('[data-injected]').count()).toBe(0);

    // A Zendesk ticket of the most-at-risk account is solved: ticketChanged re-reads health.
    const top = page.locator('#table-health tbody tr').first();
    const accountId = (await top.getAttribute('data-key')) ?? '';
    const ticketsBefore = Number(await top.getAttribute('data-tickets'));
    expect(ticketsBefore).toBeGreaterThan(0);
    const open = await gateway.graphql<{
      account: { tickets: { nodes: Array<{ number: number }> } };
    }>(
      'query ($id: ID!) { account(id: $id) { tickets(first: 1, status: [NEW, OPEN, PENDING, HOLD]) { nodes { number } } } }',
      { id: accountId },
    );
    const ticket = open.data?.account.tickets.nodes[0];
    if (!ticket) throw new Error(`no open ticket: ${JSON.stringify(open)}`);
    const zendesk = gateway.linked?.emulators.find((e) => e.service === 'zendesk');
    if (!zendesk) throw new Error('no Zendesk emulator');
    const triggered = await fetch(
      `${zendesk.adminUrl.replace(/\/__emulator\/stats$/, '')}/__emulator/webhooks/trigger`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ticketId: ticket.number, status: 'solved' }),
      },
    );
    expect(triggered.status).toBe(200);
    await page.waitForSelector(
      `#table-health tbody tr[data-key="${accountId}"][data-tickets="${ticketsBefore - 1}"]`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the page and its assets with the dashboard CSP and the other security headers', async () => {
    const assets: Array<[string, RegExp]> = [
      ['/dashboard', /^text\/html/],
      ['/dashboard/dashboard.js', /^text\/javascript/],
      ['/dashboard/dashboard.css', /^text\/css/],
      ['/dashboard/favicon.svg', /^image\/svg\+xml/],
      ['/dashboard/config.json', /^application\/json/],
      ['/dashboard/vendor/chart.umd.min.js', /^text\/javascript/],
      ['/dashboard/vendor/graphql-ws.min.js', /^text\/javascript/],
    ];
    for (const [path, type] of assets) {
      const response = await fetch(`${gateway.origin}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type')).toMatch(type);
      expect(response.headers.get('content-security-policy')).toBe(
        DASHBOARD_CONTENT_SECURITY_POLICY,
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect((await response.text()).length).toBeGreaterThan(0);
    }
    const chart = await (await fetch(`${gateway.origin}/dashboard/vendor/chart.umd.min.js`)).text();
    expect(chart).toContain('Chart.js v4');
    expect(await (await fetch(`${gateway.origin}/dashboard/config.json`)).json()).toEqual({
      authMode: 'demo',
      graphqlPath: '/graphql',
      operations: DASHBOARD_OPERATIONS,
    });
    // No inline script or style anywhere in the page: the CSP would refuse it.
    const html = await (await fetch(`${gateway.origin}/dashboard`)).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);

    // The rest of the gateway keeps the strict policy.
    const other = await fetch(`${gateway.origin}/healthz`);
    expect(other.headers.get('content-security-policy')).toBe(STRICT_CONTENT_SECURITY_POLICY);

    for (const method of ['POST', 'PUT', 'DELETE']) {
      const refused = await fetch(`${gateway.origin}/dashboard`, { method });
      expect({ method, status: refused.status }).toEqual({ method, status: 405 });
      expect(refused.headers.get('allow')).toBe('GET, HEAD');
    }
    const head = await fetch(`${gateway.origin}/dashboard/dashboard.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${gateway.origin}/dashboard/nowhere.js`)).status).toBe(404);
    const slash = await fetch(`${gateway.origin}/dashboard/`, { redirect: 'manual' });
    expect(slash.status).toBe(308);
    expect(slash.headers.get('location')).toBe('/dashboard');
  });
});

describe('live pipeline dashboard when Salesforce refuses (Chromium)', () => {
  it('shows each failed query with the error code the API answers', async () => {
    const gateway = await startTestGateway({ emulator: { scale: 1 } });
    // The org's daily API allowance is used up: every Salesforce call is refused from now on.
    const fault = await fetch(`${gateway.emulatorUrl}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ exhaustLimit: true }),
    });
    expect(fault.ok).toBe(true);
    const answer = await gateway.graphql('{ pipeline { amount } }');
    const code = answer.errors?.[0]?.extensions?.code;
    expect(typeof code).toBe('string');

    const context = await launchChromium();
    const page = await context.newPage();
    await page.goto(`${gateway.origin}/dashboard`);
    for (const name of PANELS) {
      await page.waitForSelector(`#panel-${name}[data-state="error"]`);
      expect(await page.getAttribute(`#panel-${name} [data-error]`, 'data-code')).toBe(code);
      expect(await page.isVisible(`#panel-${name} [data-error]`)).toBe(true);
    }
    // The code, then the gateway's message (its budget guard words it once it holds back).
    expect(await page.textContent('#panel-pipeline [data-error]')).toMatch(
      new RegExp(`^${String(code)}: .*API`),
    );
    await page.close();
  });
});

describe('live pipeline dashboard connection state (Chromium)', () => {
  it('shows Live while connected and Disconnected, retrying, once the gateway goes away', async () => {
    const gateway = await startTestGateway({ emulator: { scale: 1 } });
    const context = await launchChromium();
    const page = await context.newPage();
    await page.goto(`${gateway.origin}/dashboard`);
    await page.waitForSelector('#connection[data-state="live"]');
    expect(await page.textContent('#connection')).toBe('Live');
    // Shutdown closes every WebSocket with 1001 Going Away.
    await gateway.stop();
    await page.waitForSelector('#connection[data-state="offline"]');
    expect(await page.textContent('#connection')).toMatch(/^Disconnected( \(\d+\))?, retrying$/);
    await page.close();
  });
});

/**
 * The page's five subscriptions (pipeline, records, payments, tickets, invoices) are
 * registered at the gateway; one page is open at a time, so they are all of them.
 */
async function waitForLiveSubscribers(gateway: TestGateway): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const body = await readyz({ origin: gateway.origin, headers: DEMO_READYZ_HEADERS });
    const subscribers = body.salesforce?.cdc?.subscribers ?? 0;
    if (subscribers === 5) return;
    if (Date.now() > deadline) throw new Error(`subscribers: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
