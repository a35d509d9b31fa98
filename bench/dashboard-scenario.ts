import { DEMO_USERS } from '../src/emulators/seed/salesforce-users';
import { gatewaySessionToken } from '../test/helpers/gateway-login';
import { createGraphQLPost, type GraphQLPost } from './graphql-http-client';
import { summarize, type LatencySummary } from './latency-stats';
import {
  cacheLookups,
  counterSeries,
  hitRatio,
  isWrite,
  lookupDelta,
  planSteps,
  seriesDelta,
  StaleReadLedger,
  type CacheLookups,
  type DashboardStep,
  type StaleRead,
} from './dashboard-workload';
import { DASHBOARD_METRICS_TOKEN, startDashboardTargets } from './dashboard-targets';

/*
 * The dashboard scenario (issue 11): simulated users, each signed in through the emulator's
 * OAuth (AUTH_MODE=user), repeat list, nested, pipeline, salesPerformance and search queries
 * with a share of writes, once with the cross-request cache off and once on.
 */

export interface DashboardOptions {
  users: number;
  /** Steps per user before the measured window (all users finish them, then it starts). */
  warmupSteps: number;
  /** Measured steps per user (fewer if `measureSeconds` runs out first). */
  steps: number;
  /** Cap on the measured window of one phase. */
  measureSeconds: number;
  writeShare: number;
  latencyMs: number;
  scale: number;
}

/** Whose sharing the users read under: their own logins, or one shared integration user. */
export type DashboardScopes = 'per-user' | 'shared';

export interface DashboardPhase {
  cache: boolean;
  scopes: DashboardScopes;
  /** Logins of the simulated users: username → how many users signed in as it. */
  logins: Record<string, number>;
  /** GraphQL operations in the measured window (reads, writes and after-write record reads). */
  operations: number;
  writes: number;
  failedWrites: number;
  failures: number;
  firstError: string | null;
  salesforceCalls: number;
  callsPerOperation: number;
  lookups: CacheLookups;
  /** Cache misses by type, and refills by type and outcome, over the window (largest first). */
  missesByType: Array<[string, number]>;
  refills: Array<[string, number]>;
  hitRatio: number | null;
  latency: LatencySummary | null;
  byKind: Record<string, LatencySummary>;
  staleChecked: number;
  stale: StaleRead[];
  measuredSeconds: number;
}

const LIST = `query DashList { accounts(first: 25, orderBy: [{ field: NAME }]) {
  totalCount nodes { id name industry phone annualRevenue owner { name } } } }`;
const NESTED = `query DashNested { opportunities(first: 25, orderBy: [{ field: NAME }]) {
  totalCount nodes { id name stageName amount account { id name owner { name } contacts(first: 3) { nodes { email } } } } } }`;
const PIPELINE = `query DashPipeline { pipeline { count amount weightedAmount stages { stageName count amount } } }`;
const PERFORMANCE = `query DashPerformance { salesPerformance(groupBy: OWNER) {
  total { key wonAmount wonCount lostCount } rows { key label wonAmount wonCount lostCount averageDealSize } } }`;
const SEARCH = `query DashSearch($text: String!) { search(text: $text, first: 10) {
  __typename ... on Account { id name } ... on Contact { id name } ... on Opportunity { id name } ... on Lead { id name } } }`;
const UPDATE_OPPORTUNITY = `mutation DashUpdateOpportunity($id: ID!, $amount: Float) {
  updateOpportunity(id: $id, input: { amount: $amount }) { id amount } }`;
const UPDATE_ACCOUNT = `mutation DashUpdateAccount($id: ID!, $phone: String) {
  updateAccount(id: $id, input: { phone: $phone }) { id phone } }`;
const OPPORTUNITY = `query DashOpportunity($id: ID!) { opportunity(id: $id) { id amount } }`;
const ACCOUNT = `query DashAccount($id: ID!) { account(id: $id) { id phone } }`;

/** A dashboard's search box: a few terms the users type again and again. */
const SEARCH_TERMS = ['Acme', 'Global', 'Tech', 'Energy', 'United'];

/** The managers (View All Data) and reps (private sharing) of the demo org. */
const LOGINS = DEMO_USERS.filter((u) => u.Username !== 'integration@atom-demo.org');

function idsOf(data: unknown, field: 'accounts' | 'opportunities'): string[] {
  if (typeof data !== 'object' || data === null || !(field in data)) return [];
  const connection = (data as Record<string, unknown>)[field];
  if (typeof connection !== 'object' || connection === null || !('nodes' in connection)) return [];
  const nodes = connection.nodes;
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((n: unknown) =>
    typeof n === 'object' && n !== null && 'id' in n && typeof n.id === 'string' ? [n.id] : [],
  );
}

function fieldOf(data: unknown, root: string, field: string): string {
  if (typeof data !== 'object' || data === null) return 'null';
  const record = (data as Record<string, unknown>)[root];
  if (typeof record !== 'object' || record === null) return 'null';
  return String((record as Record<string, unknown>)[field]);
}

class Barrier {
  private waiting = 0;
  private release: () => void = () => undefined;
  private readonly opened: Promise<void>;
  constructor(
    private readonly parties: number,
    private readonly onOpen: () => Promise<void>,
  ) {
    this.opened = new Promise((resolve) => {
      this.release = resolve;
    });
  }
  async arrive(): Promise<void> {
    this.waiting += 1;
    if (this.waiting === this.parties) {
      await this.onOpen();
      this.release();
    }
    return this.opened;
  }
}

interface Counters {
  measuring: boolean;
  operations: number;
  writes: number;
  failedWrites: number;
  failures: number;
  firstError: string | null;
  samples: Array<{ kind: string; ms: number }>;
}

async function salesforceCallsTotal(emulatorUrl: string): Promise<number> {
  const body = (await (await fetch(`${emulatorUrl}/__emulator/stats`)).json()) as {
    total?: number;
  };
  return body.total ?? 0;
}

async function scrapeMetrics(metricsUrl: string): Promise<string> {
  const response = await fetch(metricsUrl, {
    headers: { authorization: `Bearer ${DASHBOARD_METRICS_TOKEN}` },
  });
  if (!response.ok) throw new Error(`/metrics: HTTP ${response.status}`);
  return response.text();
}

const LOOKUPS = 'gateway_cache_lookups_total';
const REFILLS = 'gateway_cache_refills_total';

/** One simulated user: its plan, its own records to write, its after-write reads. */
async function runUser(
  user: number,
  post: GraphQLPost,
  plan: readonly DashboardStep[],
  context: {
    warmupSteps: number;
    barrier: Barrier;
    deadline: () => number;
    ledger: StaleReadLedger;
    counters: Counters;
  },
): Promise<void> {
  const { ledger, counters } = context;
  const mine = { accounts: [] as string[], opportunities: [] as string[] };
  let writes = 0;
  const timed = async (kind: string, run: () => Promise<unknown>): Promise<unknown> => {
    const started = performance.now();
    try {
      const data = await run();
      if (counters.measuring) {
        counters.operations += 1;
        counters.samples.push({ kind, ms: performance.now() - started });
      }
      return data;
    } catch (err) {
      if (counters.measuring) {
        counters.operations += 1;
        counters.failures += 1;
        if (isWrite(kind as DashboardStep)) counters.failedWrites += 1;
      }
      counters.firstError ??= err instanceof Error ? err.message : String(err);
      return undefined;
    }
  };
  for (let index = 0; index < plan.length; index += 1) {
    if (index === context.warmupSteps) await context.barrier.arrive();
    if (index >= context.warmupSteps && Date.now() > context.deadline()) break;
    // The users' first two steps fill their own record lists (what they may write).
    const step: DashboardStep =
      index === 0 ? 'list' : index === 1 ? 'nested' : (plan[index] as DashboardStep);
    switch (step) {
      case 'list': {
        const ids = idsOf(await timed('list', () => post(LIST)), 'accounts');
        if (ids.length > 0) mine.accounts = ids;
        break;
      }
      case 'nested': {
        const ids = idsOf(await timed('nested', () => post(NESTED)), 'opportunities');
        if (ids.length > 0) mine.opportunities = ids;
        break;
      }
      case 'pipeline':
        await timed('pipeline', () => post(PIPELINE));
        break;
      case 'salesPerformance':
        await timed('salesPerformance', () => post(PERFORMANCE));
        break;
      case 'search': {
        const text = SEARCH_TERMS[(user + index) % SEARCH_TERMS.length] as string;
        await timed('search', () => post(SEARCH, { text }));
        break;
      }
      case 'updateOpportunity':
      case 'updateAccount': {
        const opportunity = step === 'updateOpportunity';
        const pool = opportunity ? mine.opportunities : mine.accounts;
        const id = pool[(user * 7 + writes) % Math.max(1, pool.length)];
        if (id === undefined) break;
        writes += 1;
        if (counters.measuring) counters.writes += 1;
        // A value no other write uses, so a stale read cannot pass for a fresh one.
        const value = opportunity ? 1_000_000 + user * 10_000 + writes : `+1 555 ${user}-${writes}`;
        ledger.begin(user, id, String(value));
        const saved = await timed(step, () =>
          post(opportunity ? UPDATE_OPPORTUNITY : UPDATE_ACCOUNT, {
            id,
            ...(opportunity ? { amount: value } : { phone: value }),
          }),
        );
        ledger.end(user, saved !== undefined);
        if (saved === undefined) break;
        // The user's next read is the record it wrote, as a dashboard reloads after saving.
        const read = await timed('readAfterWrite', () =>
          post(opportunity ? OPPORTUNITY : ACCOUNT, { id }),
        );
        const saw = fieldOf(
          read,
          opportunity ? 'opportunity' : 'account',
          opportunity ? 'amount' : 'phone',
        );
        // A failed read is a failure, not a stale read; the next write replaces what is due.
        if (read !== undefined) ledger.read(user, id, saw);
        break;
      }
    }
  }
  if (plan.length <= context.warmupSteps) await context.barrier.arrive();
}

async function waitForChangeEvents(status: () => string | undefined, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (status() === 'change-events') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** One phase: a fresh org and gateway, every user signed in, warm-up, then the measured window. */
export async function runDashboardPhase(
  options: DashboardOptions,
  cache: boolean,
  progress: (message: string) => void,
  scopes: DashboardScopes = 'per-user',
): Promise<DashboardPhase> {
  const targets = await startDashboardTargets({
    latencyMs: options.latencyMs,
    scale: options.scale,
    cache,
    authMode: scopes === 'shared' ? 'demo' : 'user',
  });
  try {
    if (cache) {
      const events = await waitForChangeEvents(
        () => targets.gateway.cacheStatus()?.invalidation,
        15_000,
      );
      if (!events) progress('  WARNING: the cache never confirmed change events (TTL-only)');
    }
    const logins: Record<string, number> = {};
    const posts: GraphQLPost[] = [];
    for (let user = 0; user < options.users; user += 1) {
      if (scopes === 'shared') {
        logins['integration user (AUTH_MODE=demo)'] = user + 1;
        posts.push(createGraphQLPost(targets.gateway.url, {}));
        continue;
      }
      const login = LOGINS[user % LOGINS.length];
      if (login === undefined) throw new Error('no demo users');
      const token = await gatewaySessionToken(targets.origin, login.Username, login.password);
      logins[login.Username] = (logins[login.Username] ?? 0) + 1;
      posts.push(createGraphQLPost(targets.gateway.url, { authorization: `Bearer ${token}` }));
    }
    progress(`  ${options.users} users signed in (${Object.keys(logins).length} logins)`);
    const ledger = new StaleReadLedger();
    const counters: Counters = {
      measuring: false,
      operations: 0,
      writes: 0,
      failedWrites: 0,
      failures: 0,
      firstError: null,
      samples: [],
    };
    const start = { calls: 0, metrics: '', at: 0, deadline: 0 };
    const barrier = new Barrier(options.users, async () => {
      start.calls = await salesforceCallsTotal(targets.emulator.url);
      start.metrics = await scrapeMetrics(targets.metricsUrl);
      start.at = Date.now();
      start.deadline = start.at + options.measureSeconds * 1000;
      counters.measuring = true;
      progress(`  warm-up done (${options.warmupSteps} steps per user), measuring`);
    });
    await Promise.all(
      posts.map((post, user) =>
        runUser(
          user,
          post,
          planSteps(1000 + user, options.warmupSteps + options.steps, options.writeShare),
          {
            warmupSteps: options.warmupSteps,
            barrier,
            deadline: () => start.deadline,
            ledger,
            counters,
          },
        ),
      ),
    );
    counters.measuring = false;
    const measuredSeconds = (Date.now() - start.at) / 1000;
    const calls = (await salesforceCallsTotal(targets.emulator.url)) - start.calls;
    const metrics = await scrapeMetrics(targets.metricsUrl);
    const lookups = lookupDelta(cacheLookups(start.metrics), cacheLookups(metrics));
    const delta = (name: string) =>
      seriesDelta(counterSeries(start.metrics, name), counterSeries(metrics, name));
    const kinds = [...new Set(counters.samples.map((s) => s.kind))];
    const byKind: Record<string, LatencySummary> = {};
    for (const kind of kinds) {
      byKind[kind] = summarize(counters.samples.filter((s) => s.kind === kind).map((s) => s.ms));
    }
    return {
      cache,
      scopes,
      logins,
      operations: counters.operations,
      writes: counters.writes,
      failedWrites: counters.failedWrites,
      failures: counters.failures,
      firstError: counters.firstError,
      salesforceCalls: calls,
      callsPerOperation: counters.operations === 0 ? 0 : calls / counters.operations,
      lookups,
      missesByType: delta(LOOKUPS).filter(([labels]) => labels.includes('result="miss"')),
      refills: delta(REFILLS),
      hitRatio: hitRatio(lookups),
      latency: counters.samples.length === 0 ? null : summarize(counters.samples.map((s) => s.ms)),
      byKind,
      staleChecked: ledger.checked,
      stale: ledger.stale,
      measuredSeconds,
    };
  } finally {
    await targets.stop();
  }
}
