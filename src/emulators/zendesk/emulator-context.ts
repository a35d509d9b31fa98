import type { Outage } from '../http-kit/outage';
import type { WebhookSender } from '../http-kit/webhook-sender';
import type { SeededRandom } from '../seed';
import type { ZendeskEvents } from './webhooks/zendesk-events';
import type { ResolvedZendeskOptions } from './emulator-options';
import type { ApiTraffic } from './http/api-traffic';
import type { ZendeskStore } from './store/zendesk-store';

/** Everything a request handler of the Zendesk emulator may touch. */
export interface ZendeskEmulatorContext {
  store: ZendeskStore;
  options: ResolvedZendeskOptions;
  traffic: ApiTraffic;
  outage: Outage;
  /** `http://127.0.0.1:PORT`, for requests that arrive without a Host header. */
  baseUrl: () => string;
  /** Outgoing webhooks: the sender and the ticket events the API's writes publish. */
  webhooks: WebhookSender;
  events: ZendeskEvents;
  /** Picks the trigger's organizations, requesters and subjects. */
  triggerRandom: SeededRandom;
}
