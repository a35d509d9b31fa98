/**
 * docs/troubleshooting.md explains every `ErrorCode` a client can receive: a code added to
 * src/errors/codes.ts without a section (cause and fix) fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../../src/errors/codes';

const GUIDE = join(__dirname, '..', '..', 'docs', 'troubleshooting.md');

/** Each `### \`CODE\`` section's text, by code. */
function codeSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^### /m).slice(1);
  for (const part of parts) {
    const heading = /^`([A-Z_]+)`\s*$/m.exec(part.split('\n')[0] ?? '');
    if (heading?.[1]) sections.set(heading[1], part.split(/^## /m)[0] ?? '');
  }
  return sections;
}

/** The codes whose section is missing or lacks a cause or a fix. */
function unexplained(markdown: string, codes: readonly string[]): string[] {
  const sections = codeSections(markdown);
  return codes.filter((code) => {
    const text = sections.get(code);
    return text === undefined || !text.includes('**Means:**') || !text.includes('**Fix:**');
  });
}

it('has a section with cause and fix for every ErrorCode', () => {
  expect(unexplained(readFileSync(GUIDE, 'utf8'), Object.values(ErrorCode))).toEqual([]);
});

it('names no code that does not exist', () => {
  const known: readonly string[] = Object.values(ErrorCode);
  const documented = [...codeSections(readFileSync(GUIDE, 'utf8')).keys()];
  expect(documented.filter((code) => !known.includes(code))).toEqual([]);
});

it('would notice a code without a section, or a section without a fix', () => {
  const markdown = [
    '## Error codes',
    '### `NOT_FOUND`',
    '**Means:** gone. **Fix:** re-read.',
    '### `CONFLICT`',
    '**Means:** a duplicate.',
  ].join('\n');
  expect(unexplained(markdown, ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN'])).toEqual([
    'CONFLICT',
    'FORBIDDEN',
  ]);
});
