import {
  allowedPerLevel,
  callsPerLevel,
  levelsOf,
  callsPerOperation,
  checkLinkedTargets,
  formatLinkedResult,
  formatLinkedTargets,
  slowestChain,
  type CallCounts,
  type ChainProbe,
  type LinkedResult,
  type LinkedServerResult,
} from './linked-scenario';

function counts(byService: Partial<Record<keyof CallCounts, Record<string, number>>>): CallCounts {
  const of = (byEndpoint: Record<string, number> = {}) => ({
    total: Object.values(byEndpoint).reduce((a, b) => a + b, 0),
    byEndpoint,
  });
  return {
    salesforce: of(byService.salesforce),
    stripe: of(byService.stripe),
    zendesk: of(byService.zendesk),
    quickbooks: of(byService.quickbooks),
  };
}

const GATEWAY_CALLS = counts({
  salesforce: { query: 1 },
  stripe: { 'GET /v1/customers/search': 2, 'GET /v1/payment_intents/search': 5 },
  zendesk: { 'organizations.show_many': 1, 'search.export': 1 },
  quickbooks: { query: 1 },
});

function server(calls: CallCounts, p50Ms: number): LinkedServerResult {
  return {
    calls,
    cpuMsPerOperation: 12.34,
    latency: { samples: 5, meanMs: p50Ms, p50Ms, p95Ms: p50Ms + 10, maxMs: p50Ms + 10 },
    burst: { completed: 30, failed: 0, firstError: undefined, elapsedMs: 3000, throughput: 10 },
  };
}

// Salesforce alone 40 ms; Zendesk's chain (show_many, then the search export) is the longest.
const PROBE: ChainProbe = {
  salesforceOnlyMs: 40,
  aloneMs: { stripe: 101, zendesk: 128, quickbooks: 99 },
};

function result(
  gateway: LinkedServerResult | null,
  chain: ChainProbe | null = PROBE,
  latencyMs = 30,
): LinkedResult {
  return {
    label: '50 accounts linked',
    latencyMs,
    pageSize: 50,
    gateway,
    gatewayError: gateway === null ? 'Cannot query field "payments"' : null,
    chain: gateway === null ? null : chain,
    baseline: server(counts({ salesforce: { query: 1 }, stripe: { list: 124 } }), 800),
    sameAnswer: gateway !== null,
  };
}

describe('linked scenario figures', () => {
  it('divides each service and endpoint delta by the operations run, dropping idle endpoints', () => {
    const before = counts({ salesforce: { query: 4, limits: 1 }, stripe: { search: 10 } });
    const after = counts({ salesforce: { query: 14, limits: 1 }, stripe: { search: 30, list: 5 } });
    const per = callsPerOperation(before, after, 10);
    expect(per.salesforce).toEqual({ total: 1, byEndpoint: { query: 1 } });
    expect(per.stripe).toEqual({ total: 2.5, byEndpoint: { search: 2, list: 0.5 } });
    expect(per.zendesk).toEqual({ total: 0, byEndpoint: {} });
  });

  it('spreads calls over the linking levels, or over more endpoints when asked on more', () => {
    const qbo = { total: 2, byEndpoint: { query: 2 } };
    expect(levelsOf('quickbooks', qbo)).toBe(2);
    expect(callsPerLevel('quickbooks', qbo)).toBe(1);
    // Zendesk before the search export: show_many, then 4 search pages.
    const zendesk = { total: 5, byEndpoint: { 'organizations.show_many': 1, search: 4 } };
    expect(callsPerLevel('zendesk', zendesk)).toBe(2.5);
    const three = { total: 3, byEndpoint: { a: 1, b: 1, c: 1 } };
    expect(levelsOf('stripe', three)).toBe(3);
    expect(levelsOf('salesforce', { total: 1, byEndpoint: { query: 1 } })).toBe(1);
  });

  it('allows one call per level, and one Stripe search per 10 accounts of the page', () => {
    expect(allowedPerLevel('salesforce', 50)).toBe(1);
    expect(allowedPerLevel('zendesk', 50)).toBe(1);
    expect(allowedPerLevel('stripe', 50)).toBe(5);
    expect(allowedPerLevel('stripe', 51)).toBe(6);
  });

  it('takes the slowest single chain and what it adds over Salesforce alone', () => {
    expect(slowestChain(PROBE)).toEqual({ service: 'zendesk', ms: 128, extraMs: 88 });
    const even = { salesforceOnlyMs: 35, aloneMs: { stripe: 60, zendesk: 60, quickbooks: 36 } };
    expect(slowestChain(even)).toEqual({ service: 'stripe', ms: 60, extraMs: 25 });
  });

  it('meets the targets with batched calls and a p50 within 1.5× of the chain', () => {
    const checks = checkLinkedTargets(result(server(GATEWAY_CALLS, 120)));
    expect(checks.map((c) => [c.description, c.met])).toEqual([
      ['gateway Salesforce calls per level', true],
      ['gateway Stripe calls per level', true],
      ['gateway Zendesk calls per level', true],
      ['gateway QuickBooks calls per level', true],
      ['gateway p50 within 1.5× of the slowest single upstream chain', true],
    ]);
    expect(checks[1]?.actual).toBe(
      '3.5 (7 calls over 2 levels: GET /v1/customers/search 2, GET /v1/payment_intents/search 5)',
    );
    expect(checks[0]?.actual).toBe('1 (1 call over 1 level: query 1)');
    expect(checks[1]?.required).toBe('≤5 (10 OR clauses per search, 50 accounts)');
    expect(checks[4]?.actual).toBe(
      '120.0 ms with all four slow (Stripe 101.0, Zendesk 128.0, QuickBooks 99.0 ms with only ' +
        'that service slow; Salesforce only 40.0 ms; slowest Zendesk, +88.0 ms over Salesforce only)',
    );
    expect(checks[4]?.required).toBe('≤192.0 ms');
  });

  it('fails a service that calls per account, and a p50 past the bound', () => {
    const perAccount = counts({
      salesforce: { query: 1 },
      zendesk: { 'organizations.tickets': 31 },
    });
    // In series: about the sum of the three chains, past 1.5× the slowest one.
    const checks = checkLinkedTargets(result(server(perAccount, 250)));
    expect(checks.find((c) => c.description.includes('Zendesk'))?.met).toBe(false);
    expect(checks.at(-1)?.met).toBe(false);
    expect(checks.at(-1)?.required).toBe('≤192.0 ms');
  });

  it('does not claim the latency target without injected latency', () => {
    const check = checkLinkedTargets(result(server(GATEWAY_CALLS, 4), null, 0)).at(-1);
    expect(check).toMatchObject({ met: false, required: 'not checked without injected latency' });
  });

  it('reports a gateway that could not answer as one unmet target and failed cells', () => {
    const failed = result(null);
    expect(checkLinkedTargets(failed)).toEqual([
      {
        description: 'gateway answers the linked query',
        actual: 'failed: Cannot query field "payments"',
        required: 'an answer without errors',
        met: false,
      },
    ]);
    const table = formatLinkedResult(failed);
    expect(table).toMatch(/\| gateway +\| +failed \|/);
    expect(table).toContain('gateway: failed (Cannot query field "payments")');
  });

  it('prints one row per server and each server’s calls by endpoint', () => {
    const text = formatLinkedResult(result(server(GATEWAY_CALLS, 95.25)));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\| server +\| Salesforce calls\/op \| Stripe calls\/op \|/);
    expect(lines[2]).toMatch(
      /^\| gateway +\| +1 \| +7 \| +2 \| +1 \| +95\.3 \| +105\.3 \| +12\.3 \| +10\.0 \|$/,
    );
    expect(text).toContain(
      '  Stripe     GET /v1/customers/search 2, GET /v1/payment_intents/search 5',
    );
    expect(text).toContain('  Zendesk    no calls');
    const targets = formatLinkedTargets(checkLinkedTargets(result(server(GATEWAY_CALLS, 200))));
    // 200 ms > 1.5 × 128 ms
    expect(targets.split('\n').at(-1)?.startsWith('NOT MET  gateway p50 within')).toBe(true);
    expect(
      targets.split('\n')[0]?.startsWith('MET      gateway Salesforce calls per level: 1 '),
    ).toBe(true);
  });
});
