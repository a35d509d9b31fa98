import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { documentHash } from '../../src/server/trusted-documents/document-hash';
import type { PersistedQueryManifest } from '../../src/server/trusted-documents/manifest';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway';
import { leftovers } from '../helpers/leftovers';
import { operation } from '../helpers/operations';
import {
  answerOverWs,
  connectWs,
  waitForSubscribers,
  DEMO_READYZ_HEADERS,
} from '../helpers/subscriptions-client';

const ROOT = join(__dirname, '../..');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Payload {
  query?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

type Response = GraphQLResponse<Record<string, unknown>>;

const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

/** A query no other test (or earlier run) registered: its hash is new to any shared store. */
function freshQuery(): string {
  return `query Fresh_${randomUUID().replace(/-/g, '')} { apiUsage { max } }`;
}

async function postJson(
  gateway: TestGateway,
  payload: Payload,
  accept = 'application/json',
): Promise<{ status: number; body: Response }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Response };
}

async function getJson(
  gateway: TestGateway,
  params: Record<string, unknown>,
): Promise<{ status: number; body: Response }> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  // Apollo's CSRF prevention lets a GET through with a header no simple request can carry.
  const response = await fetch(`${gateway.url}?${search}`, {
    headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
  });
  return { status: response.status, body: (await response.json()) as Response };
}

const overWs = (client: Client, operation: Parameters<typeof answerOverWs>[1]) =>
  answerOverWs(client, operation) as Promise<Response>;

function wsClient(gateway: TestGateway): Client {
  const ws = connectWs(gateway.url);
  leftovers.push(() => ws.dispose());
  return ws.client;
}

const codeOf = (body: Response) => body.errors?.[0]?.extensions?.code;

describe('automatic persisted queries (TRUSTED_DOCUMENTS=apq, the default)', () => {
  let gateway: TestGateway;
  let ws: Client;

  beforeAll(async () => {
    gateway = await startTestGateway();
    ws = wsClient(gateway);
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, registers hash + text, then runs the hash alone', async () => {
    const query = freshQuery();
    const hash = documentHash(query);
    await gateway.resetEmulatorStats();

    const miss = await postJson(gateway, { extensions: persisted(hash) });
    expect(miss.status).toBe(200);
    expect(miss.body.errors).toEqual([
      { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
    ]);
    expect((await gateway.emulatorStats()).total).toBe(0);

    const registered = await postJson(gateway, { query, extensions: persisted(hash) });
    expect(registered.body).toEqual({ data: { apiUsage: { max: 100000 } } });

    const hit = await postJson(gateway, { extensions: persisted(hash) });
    expect(hit.body).toEqual({ data: { apiUsage: { max: 100000 } } });
  });

  it('rejects a hash that is not the SHA-256 of the text, and registers nothing', async () => {
    const query = freshQuery();
    const wrong = documentHash(`${query} `);
    const response = await postJson(gateway, { query, extensions: persisted(wrong) });
    // GraphQL over HTTP: an application/json answer to a well-formed request is 200.
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      {
        message: 'provided sha does not match query',
        extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_HASH_MISMATCH' },
      },
    ]);
    expect(codeOf((await postJson(gateway, { extensions: persisted(wrong) })).body)).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });

  it('does not register a document that fails validation', async () => {
    const query = `query Invalid_${randomUUID().replace(/-/g, '')} { apiUsage { nope } }`;
    const hash = documentHash(query);
    const invalid = await postJson(gateway, { query, extensions: persisted(hash) });
    expect(codeOf(invalid.body)).toBe('BAD_USER_INPUT');
    expect(codeOf((await postJson(gateway, { extensions: persisted(hash) })).body)).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });

  it('runs hashed queries over GET, and never a mutation', async () => {
    const query = freshQuery();
    const hash = documentHash(query);
    expect(codeOf((await getJson(gateway, { extensions: persisted(hash) })).body)).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect((await getJson(gateway, { query, extensions: persisted(hash) })).body).toEqual({
      data: { apiUsage: { max: 100000 } },
    });
    expect((await getJson(gateway, { extensions: persisted(hash) })).body).toEqual({
      data: { apiUsage: { max: 100000 } },
    });

    // A mutation registered over POST is still refused over GET (no state change from a link).
    const mutation = `mutation Delete_${randomUUID().replace(/-/g, '')} { deleteAccount(id: "001000000000000AAA") }`;
    const mutationHash = documentHash(mutation);
    const registered = await postJson(gateway, {
      query: mutation,
      extensions: persisted(mutationHash),
    });
    expect(codeOf(registered.body)).toBe('NOT_FOUND');
    await gateway.resetEmulatorStats();
    const refused = await getJson(gateway, { extensions: persisted(mutationHash) });
    expect(refused.status).toBe(405);
    expect(refused.body.errors?.[0]?.message).toMatch(/GET requests only support query operations/);
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('answers a malformed persistedQuery extension with BAD_USER_INPUT', async () => {
    const response = await postJson(gateway, {
      extensions: { persistedQuery: { version: 2, sha256Hash: documentHash('x') } },
    });
    expect(response.body.errors?.[0]).toEqual({
      message: 'Unsupported persisted query version',
      extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_VERSION' },
    });
  });

  it('speaks the same protocol over WebSocket, sharing the registrations of HTTP', async () => {
    const query = freshQuery();
    const hash = documentHash(query);
    // graphql-ws requires a string `query`: a hash-only subscribe message sends "".
    expect(await overWs(ws, { extensions: persisted(hash) })).toEqual({
      errors: [
        { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      ],
    });
    expect(await overWs(ws, { query, extensions: persisted(hash) })).toEqual({
      data: { apiUsage: { max: 100000 } },
    });
    expect(await overWs(ws, { extensions: persisted(hash) })).toEqual({
      data: { apiUsage: { max: 100000 } },
    });
    // ...and the hash registered over WebSocket runs over HTTP, and the other way round.
    expect((await postJson(gateway, { extensions: persisted(hash) })).body).toEqual({
      data: { apiUsage: { max: 100000 } },
    });
    const overHttp = freshQuery();
    await postJson(gateway, { query: overHttp, extensions: persisted(documentHash(overHttp)) });
    expect(await overWs(ws, { extensions: persisted(documentHash(overHttp)) })).toEqual({
      data: { apiUsage: { max: 100000 } },
    });

    const wrong = await overWs(ws, { query, extensions: persisted(documentHash('other')) });
    expect(wrong.errors?.[0]).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_HASH_MISMATCH' },
    });
  });
});

describe('APQ registrations in Redis', () => {
  const prefix = `test-apq-${randomUUID()}`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    leftovers.push(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });
  });

  it('are shared by every instance: a hash registered on one runs on another', async () => {
    const env = { REDIS_URL, APQ_REDIS_PREFIX: prefix, APQ_TTL_SECONDS: '120' };
    const first = await startTestGateway({ env });
    const second = await startTestGateway({ env });
    const query = freshQuery();
    const hash = documentHash(query);

    expect(codeOf((await postJson(second, { extensions: persisted(hash) })).body)).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    await postJson(first, { query, extensions: persisted(hash) });
    expect((await postJson(second, { extensions: persisted(hash) })).body).toEqual({
      data: { apiUsage: { max: 100000 } },
    });
    expect(await overWs(wsClient(second), { extensions: persisted(hash) })).toEqual({
      data: { apiUsage: { max: 100000 } },
    });

    // Under the configured prefix, with the configured lifetime.
    const keys = await redis.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain(hash);
    const ttl = await redis.ttl(keys[0] as string);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120);
  });
});

describe('TRUSTED_DOCUMENTS=off', () => {
  it('runs free text and answers a persisted query as not supported', async () => {
    const gateway = await startTestGateway({ env: { TRUSTED_DOCUMENTS: 'off' } });
    const query = freshQuery();
    const response = await postJson(gateway, { query, extensions: persisted(documentHash(query)) });
    expect(response.body.errors).toEqual([
      {
        message: 'PersistedQueryNotSupported',
        extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_SUPPORTED' },
      },
    ]);
    expect(
      (await overWs(wsClient(gateway), { query, extensions: persisted(documentHash(query)) }))
        .errors?.[0]?.extensions,
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'PERSISTED_QUERY_NOT_SUPPORTED',
    });
    expect((await postJson(gateway, { query })).body).toEqual({
      data: { apiUsage: { max: 100000 } },
    });
  });
});

describe('allow-list mode (TRUSTED_DOCUMENTS=allow-list)', () => {
  let gateway: TestGateway;
  let ws: Client;
  let manifest: PersistedQueryManifest;
  const API_USAGE = operation('ApiUsage');

  beforeAll(async () => {
    // The manifest `npm run trusted-documents:manifest` writes for the repository's operations.
    const path = join(mkdtempSync(join(tmpdir(), 'trusted-documents-')), 'manifest.json');
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/server/trusted-documents/generate-manifest.ts', path],
      { cwd: ROOT },
    );
    manifest = JSON.parse(readFileSync(path, 'utf8')) as PersistedQueryManifest;
    gateway = await startTestGateway({
      env: { TRUSTED_DOCUMENTS: 'allow-list', TRUSTED_DOCUMENTS_MANIFEST: path },
    });
    ws = wsClient(gateway);
  });

  const idOf = (name: string): string => {
    const entry = manifest.operations.find((o) => o.name === name);
    if (!entry) throw new Error(`${name} is not in the manifest`);
    return entry.id;
  };

  it('writes every test operation into an Apollo manifest, ids the SHA-256 of their bodies', () => {
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.version).toBe(1);
    const apiUsage = manifest.operations.find((o) => o.name === 'ApiUsage');
    expect(apiUsage).toEqual({
      id: documentHash(API_USAGE),
      name: 'ApiUsage',
      type: 'query',
      body: API_USAGE,
    });
    expect(manifest.operations.map((o) => o.type)).toEqual(
      expect.arrayContaining(['query', 'mutation', 'subscription']),
    );
  });

  it('runs a registered operation by its id, over POST, GET and WebSocket', async () => {
    const expected = { max: 100000 };
    const post = await postJson(gateway, { extensions: persisted(idOf('ApiUsage')) });
    expect(post.body.data?.apiUsage).toMatchObject(expected);
    const get = await getJson(gateway, { extensions: persisted(idOf('ApiUsage')) });
    expect(get.body.data?.apiUsage).toMatchObject(expected);
    const overSocket = await overWs(ws, { extensions: persisted(idOf('ApiUsage')) });
    expect(overSocket.data?.apiUsage).toMatchObject(expected);
  });

  it('runs a registered subscription by its id, fed by a registered mutation', async () => {
    const received = { errors: [] as unknown[], events: [] as Response[] };
    const unsubscribe = ws.subscribe(
      { query: '', extensions: persisted(idOf('AccountChanges')) },
      {
        next: (value) => {
          received.events.push(value as Response);
        },
        error: (error) => {
          received.errors.push(error);
        },
        complete: () => {},
      },
    );
    leftovers.push(unsubscribe);
    await waitForSubscribers({ origin: gateway.origin, headers: DEMO_READYZ_HEADERS }, 1, received);
    const created = await postJson(gateway, { extensions: persisted(idOf('CreateLiveAccount')) });
    const id = (created.body.data?.createAccount as { id: string } | undefined)?.id;
    expect(id).toMatch(/^001/);
    for (let polls = 0; received.events.length === 0 && polls < 400; polls += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(received.errors).toEqual([]);
    expect(received.events[0]?.data?.accountChanged).toMatchObject({
      changeType: 'CREATE',
      recordIds: [id],
    });
  });

  it('runs a registered operation sent as its exact text', async () => {
    expect((await postJson(gateway, { query: API_USAGE })).body.data?.apiUsage).toMatchObject({
      max: 100000,
    });
    expect((await overWs(ws, { query: API_USAGE })).data?.apiUsage).toMatchObject({
      max: 100000,
    });
  });

  it('refuses free text that is not in the manifest, before parsing it and without calling Salesforce', async () => {
    await gateway.resetEmulatorStats();
    const required = {
      message: expect.stringMatching(/^Only registered operations run on this gateway/),
      extensions: { code: 'PERSISTED_QUERY_REQUIRED' },
    };
    for (const query of [
      freshQuery(),
      // Not parsed, so not a syntax error; not validated, so no schema probing either.
      '{ apiUsage { max ',
      '{ acounts { nodes { id } } }',
      // The registered text with one more space is another document.
      `${API_USAGE} `,
    ]) {
      const json = await postJson(gateway, { query });
      expect({ query, status: json.status, errors: json.body.errors }).toEqual({
        query,
        status: 200,
        errors: [required],
      });
      expect(await overWs(ws, { query })).toEqual({ errors: [required] });
    }
    // GraphQL over HTTP: with application/graphql-response+json a request error is a 4xx.
    const strict = await postJson(
      gateway,
      { query: freshQuery() },
      'application/graphql-response+json',
    );
    expect(strict.status).toBe(400);
    expect(codeOf(strict.body)).toBe('PERSISTED_QUERY_REQUIRED');
    expect((await gateway.emulatorStats()).total).toBe(0);
  });

  it('refuses an unregistered hash, with or without its text: nothing registers', async () => {
    const query = freshQuery();
    const hash = documentHash(query);
    for (const payload of [
      { extensions: persisted(hash) },
      { query, extensions: persisted(hash) },
    ]) {
      expect(codeOf((await postJson(gateway, payload)).body)).toBe('PERSISTED_QUERY_REQUIRED');
      expect(codeOf(await overWs(ws, payload))).toBe('PERSISTED_QUERY_REQUIRED');
    }
    expect(codeOf((await postJson(gateway, { extensions: persisted(hash) })).body)).toBe(
      'PERSISTED_QUERY_REQUIRED',
    );
  });

  it('still checks the text sent with a registered id', async () => {
    const response = await postJson(gateway, {
      query: freshQuery(),
      extensions: persisted(idOf('ApiUsage')),
    });
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'PERSISTED_QUERY_HASH_MISMATCH',
    });
  });
});

describe('allow-list start-up', () => {
  it('refuses to start with a manifest whose ids are not the hashes of their bodies', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'trusted-documents-')), 'bad.json');
    writeFileSync(path, JSON.stringify({ [documentHash('{ a }')]: '{ b }' }));
    await expect(
      startTestGateway({
        env: { TRUSTED_DOCUMENTS: 'allow-list', TRUSTED_DOCUMENTS_MANIFEST: path },
      }),
    ).rejects.toThrow(/is not the SHA-256 of its body/);
  });
});
