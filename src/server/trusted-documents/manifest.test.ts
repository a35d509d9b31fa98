import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentHash } from './document-hash';
import { loadTrustedDocumentList, ManifestError, TrustedDocumentList } from './manifest';
import { buildManifest } from './manifest-builder';
import { writeManifestFile } from './manifest-file';

const QUERY = 'query Usage {\n  apiUsage {\n    max\n  }\n}';

describe('TrustedDocumentList', () => {
  it("reads Apollo's manifest format", () => {
    const list = TrustedDocumentList.fromJson(
      {
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: documentHash(QUERY), name: 'Usage', type: 'query', body: QUERY }],
      },
      'm.json',
    );
    expect(list.size).toBe(1);
    expect(list.has(documentHash(QUERY))).toBe(true);
    expect(list.body(documentHash(QUERY))).toBe(QUERY);
    expect(list.has(documentHash(`${QUERY} `))).toBe(false);
  });

  it('reads a plain hash → document map', () => {
    const list = TrustedDocumentList.fromJson({ [documentHash(QUERY)]: QUERY }, 'm.json');
    expect(list.body(documentHash(QUERY))).toBe(QUERY);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [QUERY], /is not a JSON object/],
    ['empty', {}, /lists no operations/],
    ['another format', { format: 'relay', version: 1, operations: [] }, /format must be/],
    ['another version', { format: 'apollo-persisted-query-manifest', version: 2 }, /version 1/],
    [
      'operations not a list',
      { format: 'apollo-persisted-query-manifest', version: 1, operations: {} },
      /"operations" is not an array/,
    ],
    [
      'an operation without id',
      { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ body: QUERY }] },
      /operations\[0\] has no string "id"/,
    ],
    [
      'an operation without body',
      {
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: documentHash(QUERY) }],
      },
      /operations\[0\] has no string "body"/,
    ],
    ['a non-string document', { [documentHash(QUERY)]: 1 }, /is not a string/],
    ['an id that is no hash', { 'my-query': QUERY }, /is not a lowercase SHA-256/],
    ['an id of another body', { [documentHash('{ a }')]: QUERY }, /is not the SHA-256 of its body/],
  ])('refuses %s', (_name, json, problem) => {
    expect(() => TrustedDocumentList.fromJson(json, 'm.json')).toThrow(ManifestError);
    expect(() => TrustedDocumentList.fromJson(json, 'm.json')).toThrow(problem);
  });

  it('loads a file, naming it in every problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(buildManifest([{ source: 'q', text: QUERY }])));
    expect((await loadTrustedDocumentList(good)).has(documentHash(QUERY))).toBe(true);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{');
    await expect(loadTrustedDocumentList(broken)).rejects.toThrow(
      `trusted documents manifest ${broken}: is not valid JSON`,
    );
    await expect(loadTrustedDocumentList(join(dir, 'missing.json'))).rejects.toThrow(
      /missing\.json: cannot be read \(ENOENT\)/,
    );
  });
});

describe('buildManifest', () => {
  it('writes each named operation with the fragments it uses, id = SHA-256 of the body', () => {
    const manifest = buildManifest([
      {
        source: 'a.graphql',
        text: `query B { accounts { nodes { ...AccountFields } } }
               mutation A($id: ID!) { deleteAccount(id: $id) }
               fragment AccountFields on Account { id ...Named }`,
      },
      {
        source: 'b.graphql',
        text: 'fragment Named on Account { name } fragment Unused on Account { id }',
      },
    ]);
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.version).toBe(1);
    expect(manifest.operations.map((o) => [o.name, o.type])).toEqual([
      ['A', 'mutation'],
      ['B', 'query'],
    ]);
    const b = manifest.operations[1];
    expect(b?.body).toMatch(
      /^query B \{[\s\S]*\n\nfragment AccountFields on Account \{[\s\S]*\n\nfragment Named on Account/,
    );
    expect(b?.body).not.toMatch(/Unused/);
    for (const operation of manifest.operations) {
      expect(operation.id).toBe(documentHash(operation.body));
    }
    // What a client sends and what the gateway checks agree with the manifest as written.
    expect(() => TrustedDocumentList.fromJson(manifest, 'built')).not.toThrow();
  });

  it.each<[string, string, RegExp]>([
    ['anonymous operations', '{ apiUsage { max } }', /every operation needs a name/],
    [
      'a repeated operation name',
      'query A { __typename } query A { __typename }',
      /operation A is defined twice/,
    ],
    [
      'a repeated fragment name',
      'fragment F on Query { __typename } fragment F on Query { __typename }',
      /fragment F is defined twice/,
    ],
    [
      'a missing fragment',
      'query A { ...Missing }',
      /fragment Missing is spread but defined nowhere/,
    ],
  ])('refuses %s', (_name, text, problem) => {
    expect(() => buildManifest([{ source: 'x.graphql', text }])).toThrow(problem);
  });
});

describe('writeManifestFile', () => {
  it('writes the manifest of a directory of .graphql files, which the gateway then loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const operations = join(dir, 'operations');
    mkdirSync(operations);
    writeFileSync(join(operations, 'a.graphql'), QUERY);
    writeFileSync(join(operations, 'b.graphql'), 'mutation M { deleteAccount(id: "x") }');
    writeFileSync(join(operations, 'notes.txt'), 'not GraphQL');
    const output = join(dir, 'manifest.json');
    expect(writeManifestFile(output, operations)).toEqual({ operations: 2, files: 2 });
    expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({
      format: 'apollo-persisted-query-manifest',
      operations: [{ name: 'M' }, { name: 'Usage', body: QUERY }],
    });
    expect((await loadTrustedDocumentList(output)).size).toBe(2);
    expect(() => writeManifestFile(output, dir)).toThrow(/no \.graphql files/);
  });
});
