import { join } from 'node:path';
import { writeManifestFile } from './manifest-file';

/**
 * `npm run trusted-documents:manifest [output] [directory]`: Apollo's persisted-query
 * manifest for every operation in `directory` (default: the repository's own test
 * operations), for TRUSTED_DOCUMENTS=allow-list.
 */
try {
  const [output = 'persisted-query-manifest.json', directory] = process.argv.slice(2);
  const written = writeManifestFile(
    output,
    directory ?? join(__dirname, '../../../test/integration/operations'),
  );
  process.stdout.write(
    `wrote ${output}: ${written.operations} operations from ${written.files} files\n`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
