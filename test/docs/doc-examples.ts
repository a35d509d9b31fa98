/**
 * The executable-examples format of docs/**\/*.md (docs/README.md "Executable examples"):
 * turns a Markdown file into the GraphQL operations and REST requests it shows, and compares
 * a documented answer excerpt with a real answer. Pure (no I/O), so its own tests can prove
 * that a wrong example is caught.
 */
import { Kind, parse, type OperationTypeNode } from 'graphql';

export interface ResponseExcerpt {
  line: number;
  value: unknown;
}

export interface GraphQLExample {
  kind: 'graphql';
  /** 1-based line of the opening fence. */
  line: number;
  query: string;
  operationType: OperationTypeNode | 'unknown';
  expectError?: string;
  variables?: Record<string, unknown>;
  response?: ResponseExcerpt;
}

export interface HttpExample {
  kind: 'http';
  line: number;
  method: string;
  /** `/path?query`, or an absolute URL of the demo (`http://127.0.0.1:4011/...`). */
  target: string;
  headers: Record<string, string>;
  body?: string;
  expectStatus?: number;
  response?: ResponseExcerpt;
}

export type DocExample = GraphQLExample | HttpExample;

export interface DocProblem {
  line: number;
  message: string;
}

export interface ParsedDoc {
  examples: DocExample[];
  /** Blocks that break the format: each one fails the doc's test. */
  problems: DocProblem[];
}

interface FencedBlock {
  line: number;
  lang: string;
  labels: string[];
  content: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^`]*)$/;

/** Every fenced code block, with the indentation of its fence removed from its lines. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const fence = open[2] ?? '```';
    const [lang = '', ...labels] = (open[3] ?? '').trim().split(/\s+/).filter(Boolean);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j += 1) {
      const current = lines[j] ?? '';
      const trimmed = current.trim();
      if (trimmed.startsWith(fence) && /^[`~]+$/.test(trimmed) && trimmed[0] === fence[0]) break;
      body.push(current.slice(Math.min(indent, current.length - current.trimStart().length)));
    }
    blocks.push({ line: i + 1, lang: lang.toLowerCase(), labels, content: body.join('\n') });
    i = j;
  }
  return blocks;
}

function operationTypeOf(query: string): GraphQLExample['operationType'] {
  try {
    const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    return operation?.kind === Kind.OPERATION_DEFINITION ? operation.operation : 'unknown';
  } catch {
    // The gateway answers GRAPHQL_PARSE_FAILED itself, which an example may document.
    return 'unknown';
  }
}

function parseJson(block: FencedBlock, problems: DocProblem[]): unknown {
  try {
    return JSON.parse(block.content) as unknown;
  } catch (error) {
    problems.push({ line: block.line, message: `invalid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

function parseHttp(block: FencedBlock, problems: DocProblem[]): HttpExample | undefined {
  const lines = block.content.split('\n');
  const request = /^([A-Z]+)\s+(\S+)$/.exec((lines[0] ?? '').trim());
  if (!request?.[1] || !request[2] || !/^(\/|https?:\/\/)/.test(request[2])) {
    problems.push({
      line: block.line,
      message: `an http block starts with "METHOD /path", not "${lines[0] ?? ''}"`,
    });
    return undefined;
  }
  const headers: Record<string, string> = {};
  let i = 1;
  for (; i < lines.length && (lines[i] ?? '').trim() !== ''; i += 1) {
    const header = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(lines[i] ?? '');
    if (!header?.[1]) {
      problems.push({ line: block.line + 1 + i, message: `not a header line: "${lines[i]}"` });
      return undefined;
    }
    headers[header[1].toLowerCase()] = header[2] ?? '';
  }
  const body = lines
    .slice(i + 1)
    .join('\n')
    .trim();
  return {
    kind: 'http',
    line: block.line,
    method: request[1],
    target: request[2],
    headers,
    ...(body ? { body } : {}),
  };
}

/** The label of an executable block: `name=value` pairs this format knows, else a problem. */
function readLabels(
  block: FencedBlock,
  allowed: string[],
  problems: DocProblem[],
): Map<string, string> | undefined {
  const labels = new Map<string, string>();
  for (const label of block.labels) {
    const [name = '', value = ''] = label.split('=', 2);
    const known = allowed.find((a) => a === name || a === label);
    if (!known || (label.includes('=') && !value)) {
      problems.push({
        line: block.line,
        message: `unknown label "${label}" on a ${block.lang} block (known: ${allowed.join(', ') || 'none'})`,
      });
      return undefined;
    }
    labels.set(name, value);
  }
  return labels;
}

export function parseDocExamples(markdown: string): ParsedDoc {
  const examples: DocExample[] = [];
  const problems: DocProblem[] = [];
  // The example a `json variables` / `json response` block may still attach to.
  let open: DocExample | undefined;
  for (const block of fencedBlocks(markdown)) {
    if (block.lang === 'graphql') {
      const labels = readLabels(block, ['expect-error'], problems);
      open = undefined;
      if (!labels) continue;
      const expectError = labels.get('expect-error');
      const example: GraphQLExample = {
        kind: 'graphql',
        line: block.line,
        query: block.content,
        operationType: operationTypeOf(block.content),
        ...(expectError ? { expectError } : {}),
      };
      examples.push(example);
      open = example;
    } else if (block.lang === 'http') {
      const labels = readLabels(block, ['expect-status'], problems);
      open = undefined;
      if (!labels) continue;
      const example = parseHttp(block, problems);
      if (!example) continue;
      const status = labels.get('expect-status');
      if (status !== undefined) {
        if (!/^\d{3}$/.test(status)) {
          problems.push({ line: block.line, message: `expect-status=${status} is not a status` });
          continue;
        }
        example.expectStatus = Number(status);
      }
      examples.push(example);
      open = example;
    } else if (block.lang === 'json' && block.labels.length > 0) {
      const labels = readLabels(block, ['variables', 'response'], problems);
      if (!labels) continue;
      if (labels.size !== 1) {
        problems.push({ line: block.line, message: 'a json block is variables or response' });
        continue;
      }
      const value = parseJson(block, problems);
      if (value === undefined) continue;
      if (labels.has('variables')) {
        if (open?.kind !== 'graphql' || open.variables || open.response) {
          problems.push({
            line: block.line,
            message: 'json variables must come directly after a graphql block',
          });
        } else if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          problems.push({ line: block.line, message: 'variables must be a JSON object' });
        } else {
          open.variables = value as Record<string, unknown>;
        }
      } else if (!open || open.response) {
        problems.push({
          line: block.line,
          message: 'json response must come directly after a graphql or http block',
        });
      } else {
        open.response = { line: block.line, value };
      }
      if (labels.has('response')) open = undefined;
    } else {
      // Illustrative (sh, ts, text, a plain json ...): not executed, and it ends attachment.
      open = undefined;
    }
  }
  return { examples, problems };
}

// camelCase suffixes, case-sensitive: `format`, `paid` or `update` are not volatile keys.
const VOLATILE_KEY =
  /(^id$|[a-z]Id$|[a-z]Ids$|_id$|^cursor$|[a-z]Cursor$|^etag$|[a-z]At$|^date$|[a-z]Date$|[a-z]Timestamp$|^timestamp$|^replayId$)/;
const SALESFORCE_ID = /^(?=.*\d)[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const DATE_LIKE = /^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/;
const MONTH_LABEL = /^[A-Z][a-z]{2} \d{4}$/;

/** Ids, dates and cursors differ between runs and days; every other string must match. */
export function isVolatileString(key: string, value: string): boolean {
  return (
    VOLATILE_KEY.test(key) ||
    SALESFORCE_ID.test(value) ||
    DATE_LIKE.test(value) ||
    MONTH_LABEL.test(value)
  );
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Where a real answer departs from a documented excerpt: every key of the excerpt must exist
 * in the answer (recursively; array elements are compared by position, so an excerpt of one
 * element is held against the answer's first), values of the same JSON type, and strings
 * equal unless they are ids, dates or cursors. Numbers and booleans only need their type, as
 * the demo's dates (and so its figures) follow the current day. Empty result = matches.
 */
export function compareExcerpt(expected: unknown, actual: unknown, path = '$', key = ''): string[] {
  const expectedType = describeType(expected);
  const actualType = describeType(actual);
  if (expectedType !== actualType) {
    return [`${path}: documented ${expectedType}, got ${actualType} ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    const real = actual as unknown[];
    if (expected.length === 0 && real.length > 0) {
      return [`${path}: documented [], got ${real.length} element(s)`];
    }
    if (real.length < expected.length) {
      return [`${path}: documented ${expected.length} element(s), got ${real.length}`];
    }
    return expected.flatMap((item, i) => compareExcerpt(item, real[i], `${path}[${i}]`, key));
  }
  if (expectedType === 'object') {
    const real = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).flatMap(([name, value]) =>
      name in real
        ? compareExcerpt(value, real[name], `${path}.${name}`, name)
        : [`${path}: the answer has no "${name}"`],
    );
  }
  if (typeof expected === 'string' && expected !== actual && !isVolatileString(key, expected)) {
    return [`${path}: documented ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  return [];
}
