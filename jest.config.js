/** @type {import('jest').Config} */
const tsJest = ['ts-jest', { isolatedModules: true, diagnostics: false }];
// openid-client, oauth4webapi, jose and cockatiel ship ESM only; jest's CommonJS runtime needs them transpiled.
const esmOnly = ['openid-client', 'oauth4webapi', 'jose', 'cockatiel'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/bench'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': tsJest,
    [`^.+/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: [
      'ts-jest',
      {
        isolatedModules: true,
        diagnostics: false,
        tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // Servers on real sockets: run files in parallel across the two cores only.
  maxWorkers: 2,
  // Jest keeps part of every finished file's module graph reachable in its worker (vm
  // contexts; jestjs/jest#11956), so a worker ends a full run at 700-850 MB and needs more
  // than jest's 500 ms to tear that heap down: "a worker process has failed to exit
  // gracefully". Recycling a worker past this size (jest's documented remedy) keeps heaps
  // small; no test shares state across files, so none can notice. A recycled worker is
  // killed without jest's exit check, so leaks were checked separately: with recycling off,
  // no test file had a socket, server or timer left 300 ms after its teardown.
  workerIdleMemoryLimit: '512MB',
  // Read only when coverage is on (`npm test`), so a run of a few files is not held to it.
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.d.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  // The README promises >90 % coverage; the floor keeps it from slipping silently.
  coverageThreshold: { global: { lines: 90, branches: 80 } },
};
