import { Counter, Gauge, type Registry } from 'prom-client';

/** What the metrics read of the live-changes core (`LiveChanges.stats()`), structurally. */
export interface LiveStatsView {
  /** GraphQL subscriptions listening on this instance. */
  subscribers: number;
  /** True while this instance consumes the org's change stream (Redis: one leader). */
  isLeader: boolean;
  /** Change events this instance consumed from the upstream. */
  processed: number;
  /** Position of the last consumed event (CDC replayId). */
  lastReplayId: string | undefined;
  /** Commit time of the last consumed event's changes (ISO 8601). */
  lastCommitTimestamp: string | undefined;
  /** How long after its commit the last event was published to subscribers. */
  lastLagMs: number | undefined;
}

export interface LiveMetricsSources {
  /** The change stream's name, the `source` label (`salesforce`). */
  source: string;
  /** Undefined when live changes are off. */
  live(): LiveStatsView | undefined;
  webSocketClients(): number;
  /** Shared subscription executions (graphql-ws); absent where there is no WebSocket server. */
  subscriptionSharing?(): { executions: number; groups: number };
}

/**
 * Gauges read at scrape time from the live-changes core and the WebSocket server, so nothing
 * on the event path pays for them. CDC series are absent until this instance has consumed
 * an event (a follower instance in Redis mode never has them).
 */
export function registerLiveMetrics(registry: Registry, sources: LiveMetricsSources): void {
  const { source } = sources;
  new Gauge({
    name: 'gateway_websocket_connections',
    help: 'Open graphql-ws connections',
    registers: [registry],
    collect() {
      this.set(sources.webSocketClients());
    },
  });
  new Gauge({
    name: 'gateway_subscriptions_active',
    help: 'GraphQL subscriptions listening for changes on this instance',
    registers: [registry],
    collect() {
      this.set(sources.live()?.subscribers ?? 0);
    },
  });
  new Gauge({
    name: 'gateway_cdc_leader',
    help: '1 while this instance consumes the change stream (one leader per org with Redis)',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      const stats = sources.live();
      this.reset();
      if (stats) this.set({ source }, stats.isLeader ? 1 : 0);
    },
  });
  new Gauge({
    name: 'gateway_subscription_groups',
    help: 'Groups of subscribers sharing one execution (same document, variables and viewer scope)',
    registers: [registry],
    collect() {
      this.set(sources.subscriptionSharing?.().groups ?? 0);
    },
  });
  let executed = 0;
  new Counter({
    name: 'gateway_subscription_executions_total',
    help: 'Executions of subscription selections: one per group and event, whatever its size',
    registers: [registry],
    collect() {
      const executions = sources.subscriptionSharing?.().executions ?? executed;
      if (executions > executed) this.inc(executions - executed);
      executed = executions;
    },
  });
  let counted = 0;
  new Counter({
    name: 'gateway_cdc_events_total',
    help: 'Change events this instance consumed from the upstream stream',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      const processed = sources.live()?.processed ?? counted;
      if (processed > counted) this.inc({ source }, processed - counted);
      counted = processed;
    },
  });
  new Gauge({
    name: 'gateway_cdc_lag_seconds',
    help: 'Commit to publish delay of the last consumed change event',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      const lagMs = sources.live()?.lastLagMs;
      this.reset();
      if (lagMs !== undefined) this.set({ source }, Math.max(0, lagMs) / 1000);
    },
  });
  new Gauge({
    name: 'gateway_cdc_last_commit_timestamp_seconds',
    help: 'Commit time of the last consumed change event (Unix seconds); alert on time() - this',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      const at = sources.live()?.lastCommitTimestamp;
      const ms = at === undefined ? NaN : Date.parse(at);
      this.reset();
      if (Number.isFinite(ms)) this.set({ source }, ms / 1000);
    },
  });
  new Gauge({
    name: 'gateway_cdc_replay_id',
    help: 'Replay position of the last consumed change event (flushed on shutdown, resumed on start)',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      const replayId = Number(sources.live()?.lastReplayId);
      this.reset();
      if (Number.isSafeInteger(replayId)) this.set({ source }, replayId);
    },
  });
}
