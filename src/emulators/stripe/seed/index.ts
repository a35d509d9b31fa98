export {
  SALESFORCE_ACCOUNT_ID_KEY,
  generateStripeSeed,
  type StripeSeedOptions,
} from './stripe-seed';
