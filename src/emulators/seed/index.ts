export {
  DEFAULT_SEED,
  SEED_BASE_DATE,
  SEED_COUNTS_AT_SCALE_1,
  generateSalesforceSeed,
  type SeedOptions,
} from './salesforce-seed';
export { DEMO_ADMIN, DEMO_INTEGRATION_USER, DEMO_REPS, DEMO_USERS } from './salesforce-users';
export { SeededRandom } from './seeded-random';
