import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const ROOT = resolve(__dirname, '..', '..');

/** The parts of an OpenAPI 3.1 document the response check reads. */
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
}

interface OpenApiResponse {
  content?: Record<string, unknown>;
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks real answers against the gateway's own OpenAPI document with ajv (JSON Schema
 * 2020-12, formats on): each answer's schema is the document's, found by method, path
 * template and status, `$ref`s resolved inside the document. Remembers what it checked.
 */
export class OpenApiResponses {
  /** `GET /salesforce/accounts/{id} 200`, … */
  readonly checked = new Set<string>();
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly templates: Array<{ template: string; pattern: RegExp }>;

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(document, 'openapi');
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
    }));
  }

  templateOf(pathname: string): string {
    const found = this.templates.find(({ pattern }) => pattern.test(pathname));
    if (!found) throw new Error(`no path of the OpenAPI document matches ${pathname}`);
    return found.template;
  }

  /** Throws unless the document lists this status for the operation and the body fits it. */
  check(method: string, pathname: string, status: number, body: unknown): void {
    const template = this.templateOf(pathname);
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    if (!operation && status === 405) {
      // A method the path does not answer: no operation of its own, the common error body.
      this.checked.add(`${method} ${template} ${status}`);
      this.validate('components/schemas/Error', method, pathname, status, body);
      return;
    }
    if (!operation) throw new Error(`the document has no ${method} ${template}`);
    const response = operation.responses[String(status)];
    if (!response) throw new Error(`the document lists no ${status} for ${method} ${template}`);
    this.checked.add(`${method} ${template} ${status}`);
    if (!response.content) {
      if (body !== undefined) throw new Error(`${method} ${template} ${status} has no body`);
      return;
    }
    const pointer = [
      'paths',
      template,
      method.toLowerCase(),
      'responses',
      String(status),
      'content',
      'application/json',
      'schema',
    ]
      .map(escapePointer)
      .join('/');
    this.validate(pointer, method, pathname, status, body);
  }

  private validate(
    pointer: string,
    method: string,
    pathname: string,
    status: number,
    body: unknown,
  ): void {
    const validate = this.ajv.getSchema(`openapi#/${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    if (!validate(body)) {
      throw new Error(
        `${method} ${pathname} ${status} does not match the document: ` +
          `${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
      );
    }
  }
}

/**
 * @seriousme/openapi-schema-validator ships ESM only, which jest's CommonJS runtime cannot
 * load: a plain node child validates the document instead (as import-boundaries runs ESLint).
 */
const VALIDATE_IN_NODE = `
import { Validator } from '@seriousme/openapi-schema-validator';
const document = JSON.parse(await new Response(process.stdin).text());
const result = await new Validator().validate(document);
process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors, version: new Validator().version }));
`;

export async function validateOpenApiDocument(
  document: unknown,
): Promise<{ valid: boolean; errors?: unknown; version?: string }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', VALIDATE_IN_NODE], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify(document));
  let out = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) out += String(chunk);
  return JSON.parse(out) as { valid: boolean; errors?: unknown; version?: string };
}
