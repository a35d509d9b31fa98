import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/**
 * A user clones the repository alone: nothing may read ../shared. The clone sits in a fresh
 * temp dir, so there is no ../shared beside it; node_modules is linked rather than installed
 * to keep this test in seconds (`npm ci` is what CI's .ci/run proves on its own clean clone).
 * It checks the committed HEAD, not the working tree.
 */
describe('a lone clone of the repository', () => {
  let parent: string;
  let clone: string;

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'gateway-clone-'));
    clone = join(parent, 'gateway');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], {
      env: { PATH: process.env.PATH ?? '' },
    });
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  }, 60_000);

  afterAll(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  it('has no ../shared beside it', () => {
    expect(existsSync(join(parent, 'shared'))).toBe(false);
    expect(existsSync(join(clone, 'docs', 'contract.graphql'))).toBe(true);
  });

  it('passes npm run schema:check against its own contract copy', () => {
    const output = execFileSync('npm', ['run', '--silent', 'schema:check'], {
      cwd: clone,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: parent },
    });
    expect(output).toContain('✓ schema.graphql matches buildGatewaySchema()');
    expect(output).toContain(`✓ superset of ${join(clone, 'docs', 'contract.graphql')}`);
    expect(output).not.toContain('differs from');
  }, 60_000);
});
