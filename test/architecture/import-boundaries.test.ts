import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

interface Snippet {
  /** Where the snippet pretends to live: the layer is read from the path. */
  filePath: string;
  code: string;
}

/**
 * ESLint loads eslint.config.mjs with a dynamic import(), which jest's CommonJS runtime
 * refuses without --experimental-vm-modules; a plain node child runs the Node API instead.
 */
const LINT_IN_NODE = `
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
const snippets = JSON.parse(await new Response(process.stdin).text());
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: resolve(filePath) });
  out.push(result.messages.map((m) => (m.ruleId ?? 'fatal') + ': ' + m.message));
}
process.stdout.write(JSON.stringify(out));
`;

function lintAll(snippets: readonly Snippet[]): string[][] {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_IN_NODE], {
    cwd: ROOT,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return JSON.parse(stdout) as string[][];
}

const wrongWay = (from: string, to: string): string =>
  `boundaries/dependencies: Import runs the wrong way: ${from} must not import ${to} (see README "Layout").`;
const privates =
  'no-restricted-syntax: jsforce private members are used only inside src/upstreams/salesforce.';

const CASES: ReadonlyArray<Snippet & { expected: string[] }> = [
  {
    filePath: 'src/live/wrong-way.ts',
    code: "import { SalesforceUpstreamError } from '../upstreams/salesforce/client';\nexport const e = SalesforceUpstreamError;\n",
    expected: [wrongWay('live', 'upstreams')],
  },
  {
    filePath: 'src/domains/wrong-way.ts',
    code: "import { createServer } from '../server/create-server';\nexport const s = createServer;\n",
    expected: [wrongWay('domains', 'server')],
  },
  {
    filePath: 'src/upstreams/salesforce/wrong-way.ts',
    code: "import type { GatewayContext } from '../../context/gateway-context';\nexport type C = GatewayContext;\n",
    expected: [wrongWay('upstreams', 'context')],
  },
  {
    filePath: 'src/loaders/wrong-way.ts',
    code: "import { buildGatewaySchema } from '../server/schema';\nexport const b = buildGatewaySchema;\n",
    expected: [wrongWay('loaders', 'server')],
  },
  {
    filePath: 'src/domains/re-export.ts',
    code: "export { createServer } from '../server/create-server';\n",
    expected: [wrongWay('domains', 'server')],
  },
  {
    filePath: 'src/server/wrong-way.ts',
    code: "import { startEmulators } from '../emulators/start-all';\nexport const s = startEmulators;\n",
    expected: [wrongWay('server', 'emulators')],
  },
  {
    filePath: 'src/emulators/wrong-way.ts',
    code: "import { createLogger } from '../logging/logger';\nexport const l = createLogger;\n",
    expected: [wrongWay('emulators', 'foundation')],
  },
  {
    // Dependency inversion: an adapter implements the core's plug, types only.
    filePath: 'src/upstreams/salesforce/cdc/right-way.ts',
    code: "import type { ChangeSource } from '../../../live/change-source';\nexport type S = ChangeSource;\n",
    expected: [],
  },
  {
    filePath: 'src/upstreams/salesforce/cdc/wrong-way.ts',
    code: "import * as plug from '../../../live/change-source';\nexport const p = plug;\n",
    expected: [wrongWay('change-source', 'live-plug')],
  },
  {
    filePath: 'src/server/demo-bootstrap-elsewhere.ts',
    code: 'export const t = (c: { _transport?: unknown }) => c._transport;\n',
    expected: [privates],
  },
  {
    filePath: 'src/upstreams/salesforce/right-way.ts',
    code: 'export const t = (c: { _transport?: unknown }) => c._transport;\n',
    expected: [],
  },
];

describe('import boundaries (eslint.config.mjs, run by npm run lint)', () => {
  it('fails every import that runs the wrong way, and only those', () => {
    const results = lintAll(CASES);
    expect(results).toEqual(CASES.map((c) => c.expected));
  });
});
