import type { StripeStore } from '../model/stripe-store';
import type { StripeEventSink } from '../webhooks/stripe-events';
import type { RequestParams } from './request-params';

export interface ApiRequest {
  store: StripeStore;
  params: RequestParams;
  /** Decoded `:name` segments of the route. */
  pathParams: Record<string, string>;
  /** The request path, echoed as a list's `url`. */
  path: string;
  /** Where a handler reports the data changes it made (webhook events). */
  events: StripeEventSink;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/v1/customers/:id`; literal segments must be registered before a parameter. */
  pattern: string;
  /** A JSON value answered with 200; failures throw `StripeApiError`. */
  handle(request: ApiRequest): unknown;
}
