import { readFile } from 'node:fs/promises';
import { isRecord } from '../../lib/is-record';
import { documentHash, isDocumentHash } from './document-hash';

/** What `@apollo/generate-persisted-query-manifest` writes. */
export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';

export type OperationType = 'query' | 'mutation' | 'subscription';

export interface ManifestOperation {
  id: string;
  name: string;
  type: OperationType;
  body: string;
}

export interface PersistedQueryManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: ManifestOperation[];
}

export class ManifestError extends Error {
  constructor(source: string, problem: string) {
    super(`trusted documents manifest ${source}: ${problem}`);
    this.name = 'ManifestError';
  }
}

/** The allow-list: every registered document's text by its SHA-256. */
export class TrustedDocumentList {
  private constructor(private readonly bodies: ReadonlyMap<string, string>) {}

  /**
   * Apollo's manifest format, or a plain `{ "<sha256>": "<document>" }` map. Every id must be
   * the SHA-256 of its body (the generator's default): a client sending the text with its
   * hash is checked against that, so any other id could never run.
   */
  static fromJson(json: unknown, source: string): TrustedDocumentList {
    const entries = manifestEntries(json, source);
    if (entries.length === 0) throw new ManifestError(source, 'lists no operations');
    const bodies = new Map<string, string>();
    for (const [id, body] of entries) {
      if (!isDocumentHash(id)) {
        throw new ManifestError(source, `id ${JSON.stringify(id)} is not a lowercase SHA-256`);
      }
      if (documentHash(body) !== id) {
        throw new ManifestError(
          source,
          `id ${id} is not the SHA-256 of its body (custom operation ids are not supported)`,
        );
      }
      bodies.set(id, body);
    }
    return new TrustedDocumentList(bodies);
  }

  /** This list and these documents (by their own SHA-256). */
  with(documents: readonly string[]): TrustedDocumentList {
    const bodies = new Map(this.bodies);
    for (const body of documents) bodies.set(documentHash(body), body);
    return new TrustedDocumentList(bodies);
  }

  get size(): number {
    return this.bodies.size;
  }

  body(hash: string): string | undefined {
    return this.bodies.get(hash);
  }

  has(hash: string): boolean {
    return this.bodies.has(hash);
  }
}

function manifestEntries(json: unknown, source: string): Array<[string, string]> {
  if (!isRecord(json)) throw new ManifestError(source, 'is not a JSON object');
  if (!('format' in json)) {
    return Object.entries(json).map(([id, body]) => {
      if (typeof body !== 'string') {
        throw new ManifestError(source, `the document of ${id} is not a string`);
      }
      return [id, body];
    });
  }
  if (json.format !== MANIFEST_FORMAT || json.version !== 1) {
    throw new ManifestError(
      source,
      `format must be "${MANIFEST_FORMAT}" version 1, got ${JSON.stringify(json.format)} version ${JSON.stringify(json.version)}`,
    );
  }
  if (!Array.isArray(json.operations)) {
    throw new ManifestError(source, '"operations" is not an array');
  }
  return json.operations.map((operation: unknown, index) => {
    if (!isRecord(operation) || typeof operation.id !== 'string') {
      throw new ManifestError(source, `operations[${index}] has no string "id"`);
    }
    if (typeof operation.body !== 'string') {
      throw new ManifestError(source, `operations[${index}] has no string "body"`);
    }
    return [operation.id, operation.body];
  });
}

export async function loadTrustedDocumentList(path: string): Promise<TrustedDocumentList> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ManifestError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ManifestError(path, 'is not valid JSON');
  }
  return TrustedDocumentList.fromJson(json, path);
}
