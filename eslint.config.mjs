import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';

/** Test code wires layers together on purpose; the layering applies to shipped code only. */
const TEST_FILES = ['**/*.test.ts', 'test/**', 'bench/**'];

/**
 * The rooms of src/ and the direction of their imports (README "Layout"):
 * main → server → domains → context → loaders → upstreams, `live` below domains and
 * importing no upstream; foundation (config, errors, auth, logging, lib) under everything.
 * The first matching descriptor wins, so the narrow ones come first.
 */
const ELEMENTS = [
  // Entry points: the process, and the schema scripts (they describe the demo org).
  {
    type: 'main',
    pattern: ['src/main.ts', 'src/server/emit-schema.ts', 'src/server/check-schema.ts'],
    mode: 'full',
  },
  // The only gateway files allowed to start the emulators (demo mode: Salesforce, linked services).
  { type: 'demo-bootstrap', pattern: 'src/server/demo-*.ts', mode: 'full' },
  { type: 'server', pattern: 'src/server/**', mode: 'full' },
  { type: 'domains', pattern: 'src/domains/**', mode: 'full' },
  { type: 'context', pattern: 'src/context/**', mode: 'full' },
  // The plug the live core defines and every change source implements (dependency inversion).
  { type: 'live-plug', pattern: 'src/live/change-source.ts', mode: 'full' },
  { type: 'live', pattern: 'src/live/**', mode: 'full' },
  { type: 'loaders', pattern: 'src/loaders/**', mode: 'full' },
  // The sync engine (issue 10): transport-free, below domains, over the upstream clients.
  { type: 'sync', pattern: 'src/sync/**', mode: 'full' },
  {
    type: 'change-source',
    pattern: ['src/upstreams/*/cdc/**', 'src/upstreams/*/webhooks*', 'src/upstreams/*/webhooks/**'],
    mode: 'full',
  },
  { type: 'upstreams', pattern: 'src/upstreams/**', mode: 'full' },
  { type: 'errors', pattern: 'src/errors/**', mode: 'full' },
  {
    type: 'foundation',
    pattern: [
      'src/config/**',
      'src/auth/**',
      'src/logging/**',
      'src/lib/**',
      'src/observability/**',
      'src/cache/**',
    ],
    mode: 'full',
  },
  { type: 'emulators', pattern: 'src/emulators/**', mode: 'full' },
];

const FOUNDATION = ['foundation', 'errors'];
const UPSTREAMS = ['upstreams', 'change-source'];
const LIVE = ['live', 'live-plug'];

const LAYERING = [
  { from: ['main'], allow: ['server', 'demo-bootstrap', ...FOUNDATION] },
  {
    from: ['server'],
    allow: [
      'server',
      'domains',
      'context',
      'loaders',
      'sync',
      ...LIVE,
      ...UPSTREAMS,
      ...FOUNDATION,
    ],
  },
  {
    from: ['demo-bootstrap'],
    allow: ['server', 'demo-bootstrap', 'emulators', ...UPSTREAMS, ...FOUNDATION],
  },
  {
    from: ['domains'],
    allow: ['domains', 'context', 'loaders', 'sync', ...LIVE, ...UPSTREAMS, ...FOUNDATION],
  },
  {
    from: ['context'],
    allow: ['context', 'loaders', 'sync', ...LIVE, ...UPSTREAMS, ...FOUNDATION],
  },
  { from: ['sync'], allow: ['sync', 'upstreams', ...FOUNDATION] },
  { from: LIVE, allow: [...LIVE, ...FOUNDATION] },
  { from: ['loaders'], allow: ['loaders', 'upstreams', ...FOUNDATION] },
  { from: ['upstreams'], allow: ['upstreams', ...FOUNDATION] },
  // A change source is an upstream adapter: it sees its own upstream and, type-only, the plug.
  { from: ['change-source'], allow: [...UPSTREAMS, ...FOUNDATION] },
  { from: ['change-source'], allow: ['live-plug'], importKind: 'type' },
  // One mapper per upstream: errors may read the upstreams' error types.
  { from: ['errors'], allow: ['upstreams', ...FOUNDATION] },
  { from: ['foundation'], allow: ['upstreams', ...FOUNDATION] },
  // Emulators share nothing with the gateway, so they cannot share its bugs.
  { from: ['emulators'], allow: ['emulators'] },
];

/**
 * jsforce keeps these as private members; reaching them couples us to one jsforce version,
 * so they stay inside the Salesforce adapter, each use with a comment saying why.
 */
const JSFORCE_PRIVATES = ['_transport', '_refreshDelegate', '_dispatcher', '_client'];
const privatesPattern = `^(${JSFORCE_PRIVATES.join('|')})$`;
const JSFORCE_PRIVATE_SYNTAX = [
  {
    selector: `MemberExpression > Identifier.property[name=/${privatesPattern}/]`,
    message: 'jsforce private members are used only inside src/upstreams/salesforce.',
  },
  {
    selector: `Literal[value=/${privatesPattern}/]`,
    message: 'jsforce private members are used only inside src/upstreams/salesforce.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: TEST_FILES,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['src/**/*.ts'],
      'boundaries/ignore': TEST_FILES,
      // Re-exports and lazy imports are arrows too, not only import declarations.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      // Relative imports name no extension; resolve them to the .ts files.
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
      'boundaries/legacy-warnings': false,
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkUnknownLocals: true,
          message:
            'Import runs the wrong way: {{from.type}} must not import {{to.type}} (see README "Layout").',
          policies: LAYERING,
        },
      ],
      'boundaries/no-unknown-files': 'error',
      'no-restricted-syntax': ['error', ...JSFORCE_PRIVATE_SYNTAX],
    },
  },
  {
    files: ['src/upstreams/salesforce/**', ...TEST_FILES],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
  {
    // The dashboard page's scripts: classic browser scripts, served as they are (no build step).
    files: ['src/server/dashboard/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        sessionStorage: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        Intl: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    files: ['bench/**', 'src/main.ts', 'src/server/emit-schema.ts', 'src/server/check-schema.ts'],
    rules: { 'no-console': 'off' },
  },
);
