export {
  LINKED_SERVICE_LABELS,
  LinkedServiceError,
  isLinkedOutage,
  notConfiguredError,
  parseRetryAfter,
  type LinkedFailureKind,
  type LinkedServiceName,
} from './linked-service-error';
export { linkedCall, type LinkedCallOptions } from './linked-call';
export { createLinkedResilience } from './linked-resilience';
export type { LinkedUpstreamDeps } from './linked-upstream-deps';
export {
  createLinkedResilienceSet,
  createLinkedUpstreams,
  type LinkedResilience,
  type LinkedUpstreams,
} from './create-linked-upstreams';
export {
  DEFAULT_LINK_FIELDS,
  unconfiguredLinkedServices,
  type LinkedServices,
} from './linked-services';
export {
  WebhookRejectedError,
  base64HmacMatches,
  parseJsonBody,
  singleHeader,
} from './webhook-verification';
