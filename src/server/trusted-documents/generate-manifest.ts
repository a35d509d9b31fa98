import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildManifest } from './manifest-builder';

/**
 * `npm run trusted-documents:manifest [output] [directory]`: Apollo's persisted-query
 * manifest for every operation in `directory` (default: the repository's own test
 * operations), for TRUSTED_DOCUMENTS=allow-list.
 */
function main(argv: readonly string[]): void {
  const output = argv[0] ?? 'persisted-query-manifest.json';
  const directory = argv[1] ?? join(__dirname, '../../../test/integration/operations');
  const documents = readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({
      source: relative(process.cwd(), join(directory, file)),
      text: readFileSync(join(directory, file), 'utf8'),
    }));
  const manifest = buildManifest(documents);
  writeFileSync(output, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(
    `wrote ${output}: ${manifest.operations.length} operations from ${documents.length} files\n`,
  );
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
