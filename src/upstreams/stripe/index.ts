export {
  createStripeUpstream,
  type StripeListPage,
  type StripePaymentsPageQuery,
  type StripeUpstream,
} from './stripe-client';
export { createStripeLoaders, type StripeAccountKey, type StripeLoaders } from './stripe-loaders';
export type {
  StripeCustomerRecord,
  StripePaymentIntentStatus,
  StripePaymentRecord,
} from './stripe-records';
