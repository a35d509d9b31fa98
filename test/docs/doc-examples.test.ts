/**
 * Every example in docs/**\/*.md and README.md runs against the demo (doc-example-runner.ts),
 * one fresh gateway per file, so a guide cannot show a query, a request or an answer that no
 * longer works. A failure names the file and line of the block.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseDocExamples } from './doc-examples';
import { runDocExamples, startDocGateway } from './doc-example-runner';

const ROOT = resolve(__dirname, '..', '..');

/**
 * A directory to write every real answer to, by file and line (`DOC_EXAMPLES_ANSWERS=/tmp/a
 * npx jest test/docs/doc-examples.test.ts`): where a doc writer copies response excerpts from.
 */
const ANSWERS_DIR = process.env.DOC_EXAMPLES_ANSWERS;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const FILES = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))]
  .map((path) => relative(ROOT, path))
  .sort();

// A file without a single executable block starts no gateway.
const EXECUTABLE = FILES.filter((file) => {
  const parsed = parseDocExamples(readFileSync(join(ROOT, file), 'utf8'));
  return parsed.examples.length > 0 || parsed.problems.length > 0;
});

it('finds the guides', () => {
  expect(FILES).toEqual(
    expect.arrayContaining([
      'README.md',
      'docs/api-guide.md',
      'docs/integration-guide.md',
      'docs/operating-guide.md',
      'docs/rest-guide.md',
      'docs/troubleshooting.md',
    ]),
  );
});

describe.each(EXECUTABLE)('%s', (file) => {
  it('runs every example as documented', async () => {
    const doc = await startDocGateway();
    try {
      const answers: Array<{ line: number; answer: unknown }> = [];
      const failures = await runDocExamples(
        readFileSync(join(ROOT, file), 'utf8'),
        doc,
        (line, answer) => answers.push({ line, answer }),
      );
      if (ANSWERS_DIR) {
        mkdirSync(ANSWERS_DIR, { recursive: true });
        const target = join(ANSWERS_DIR, `${file.replace(/[/\\]/g, '__')}.json`);
        writeFileSync(target, `${JSON.stringify(answers, null, 2)}\n`);
      }
      expect(failures.map((f) => `${file}:${f.line} ${f.message}`)).toEqual([]);
    } finally {
      await doc.ws.dispose();
      await doc.gw.stop();
    }
  }, 180_000);
});
