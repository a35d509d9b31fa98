export { createGatewayMetrics, type GatewayMetrics } from './gateway-metrics';
export type { LiveMetricsSources, LiveStatsView } from './live-metrics';
export {
  metricsHandler,
  startMetricsServer,
  type MetricsHandler,
  type RunningMetricsServer,
} from './metrics-http';
export type { UpstreamCall, UpstreamCallObserver } from './upstream-metrics';
export { createCacheMetrics } from './cache-metrics';
export type { WebSocketOperationObserver } from './websocket-operation-metrics';
export type { WebhookObserver, WebhookOutcome } from './webhook-metrics';
