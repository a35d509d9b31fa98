/**
 * Imported first by the bench entry point, before graphql-js loads: graphql-js picks its
 * development `instanceOf` (a cross-realm check on every failed `instanceof`, ~10% of the
 * nested query's CPU) unless NODE_ENV is `production` when it is first required. The bench
 * already configures the gateway as production; this makes the process match, for both
 * servers alike. An explicit NODE_ENV still wins.
 */
process.env.NODE_ENV ??= 'production';

export const BENCH_NODE_ENV = process.env.NODE_ENV;
