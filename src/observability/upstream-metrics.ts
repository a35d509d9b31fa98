import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { parseApiUsage, salesforceEndpoint } from './salesforce-endpoints';

/** One HTTP exchange with an upstream, as its transport saw it. */
export interface UpstreamCall {
  method: string;
  url: string;
  durationSeconds: number;
  /** Undefined when no HTTP answer came (refused, reset, timed out). */
  statusCode: number | undefined;
  /** The response's headers, lower-case names. */
  headers?: Readonly<Record<string, string | undefined>>;
}

/** Injected into an upstream's transport; it must never throw into the call it observes. */
export type UpstreamCallObserver = (call: UpstreamCall) => void;

export interface UpstreamMetrics {
  /** The observer for Salesforce's transport (REST, SOAP, OAuth token calls). */
  salesforce: UpstreamCallObserver;
  /**
   * The observer for a linked service's calls (Stripe, Zendesk, QuickBooks), one per attempt;
   * their SDKs own the transport, so every call is endpoint `api`.
   */
  linked(service: 'stripe' | 'zendesk' | 'quickbooks'): UpstreamCallObserver;
}

/** Upstream calls are tens of ms to seconds; the timeout (30 s default) is the last bucket. */
const UPSTREAM_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function statusClass(statusCode: number | undefined): string {
  return statusCode === undefined ? 'network' : `${Math.floor(statusCode / 100)}xx`;
}

export function createUpstreamMetrics(registry: Registry): UpstreamMetrics {
  const requests = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'HTTP calls to upstream services, by service and endpoint (ids never appear)',
    labelNames: ['service', 'endpoint'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'gateway_upstream_errors_total',
    help: 'Upstream calls that failed: status_class 4xx, 5xx, or network (no HTTP answer)',
    labelNames: ['service', 'endpoint', 'status_class'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Upstream call latency, from sending the request to the full response',
    labelNames: ['service', 'endpoint'],
    buckets: UPSTREAM_BUCKETS,
    registers: [registry],
  });
  const apiUsed = new Gauge({
    name: 'gateway_salesforce_api_requests_used',
    help: "The org's API requests used in the rolling 24 h (Sforce-Limit-Info of the last response)",
    registers: [registry],
  });
  const apiMax = new Gauge({
    name: 'gateway_salesforce_api_requests_max',
    help: "The org's daily API request allocation (Sforce-Limit-Info of the last response)",
    registers: [registry],
  });

  const observer =
    (service: string, endpointOf: (method: string, url: string) => string) =>
    (call: UpstreamCall): void => {
      const endpoint = endpointOf(call.method, call.url);
      requests.inc({ service, endpoint });
      duration.observe({ service, endpoint }, call.durationSeconds);
      if (call.statusCode === undefined || call.statusCode >= 400) {
        errors.inc({ service, endpoint, status_class: statusClass(call.statusCode) });
      }
    };
  const salesforceCalls = observer('salesforce', salesforceEndpoint);
  const linkedObservers = new Map<string, UpstreamCallObserver>();

  return {
    linked: (service) => {
      let calls = linkedObservers.get(service);
      if (calls === undefined) {
        const record = observer(service, () => 'api');
        calls = (call) => {
          try {
            record(call);
          } catch {
            // Best effort, as for Salesforce.
          }
        };
        linkedObservers.set(service, calls);
      }
      return calls;
    },
    salesforce: (call) => {
      try {
        salesforceCalls(call);
        const usage = parseApiUsage(call.headers?.['sforce-limit-info']);
        if (usage) {
          apiUsed.set(usage.used);
          apiMax.set(usage.max);
        }
      } catch {
        // Metrics are best effort: a failure here must not fail the Salesforce call.
      }
    },
  };
}
