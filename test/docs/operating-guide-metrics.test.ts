/**
 * docs/operating-guide.md lists exactly the metrics a gateway registers: every `gateway_*`
 * family of a real scrape is named in the guide, and the guide names none that does not exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestGateway } from '../helpers/gateway';

const GUIDE = join(__dirname, '..', '..', 'docs', 'operating-guide.md');
const TOKEN = 'operating-guide-metrics-token';

/** Metric families of a Prometheus text scrape (`# TYPE` lines), ours only. */
function families(scrape: string): string[] {
  return [...scrape.matchAll(/^# TYPE (gateway_[a-z0-9_]+) /gm)].map((m) => m[1] as string);
}

function namedInGuide(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/\bgateway_[a-z0-9_]+/g)].map((m) => m[0]))];
}

it('names every registered metric and no other', async () => {
  // The cache registers its families only when it is on (tests turn it off by default).
  const gw = await startTestGateway({ env: { METRICS_TOKEN: TOKEN, CACHE_ENABLED: 'true' } });
  const response = await fetch(`${gw.origin}/metrics`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(response.status).toBe(200);
  const registered = families(await response.text()).sort();
  expect(registered.length).toBeGreaterThan(20);
  const documented = namedInGuide(readFileSync(GUIDE, 'utf8')).sort();
  expect({ missing: registered.filter((m) => !documented.includes(m)) }).toEqual({ missing: [] });
  expect({ unknown: documented.filter((m) => !registered.includes(m)) }).toEqual({ unknown: [] });
});

it('reads metric families from a scrape', () => {
  const scrape = [
    '# HELP gateway_cdc_leader 1 while this instance consumes',
    '# TYPE gateway_cdc_leader gauge',
    'gateway_cdc_leader 1',
    '# TYPE process_cpu_seconds_total counter',
    '# TYPE gateway_graphql_operation_duration_seconds histogram',
  ].join('\n');
  expect(families(scrape)).toEqual([
    'gateway_cdc_leader',
    'gateway_graphql_operation_duration_seconds',
  ]);
  expect(namedInGuide('`gateway_cdc_leader` and gateway_cdc_leader, `gateway_x_total{a}`')).toEqual(
    ['gateway_cdc_leader', 'gateway_x_total'],
  );
});
