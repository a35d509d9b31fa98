export {
  createUpstreamResilience,
  UpstreamRejectedError,
  type BreakerState,
  type RejectionReason,
  type ResilienceSettings,
  type ResilientCallOptions,
  type UpstreamResilience,
} from './upstream-resilience';
export { createGatewayResilience, type GatewayResilience } from './gateway-resilience';
