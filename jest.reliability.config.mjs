/**
 * `npm run test:reliability`: the reliability battery of test/reliability
 * (docs/production/reliability.md). Same transform as `npm test`, its own files
 * (`*.reliability.ts`, which `npm test` does not match), one file at a time: every scenario
 * spawns a gateway process and measures its latency and memory, so scenarios must not
 * compete with each other for the two cores.
 */
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  setupFiles: base.setupFiles,
  roots: ['<rootDir>/test/reliability'],
  testMatch: ['**/*.reliability.ts'],
  maxWorkers: 1,
  testTimeout: 60_000,
  collectCoverage: false,
};
