import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildManifest } from './manifest-builder';

/** Writes the manifest of every `.graphql` file in `directory` to `output`. */
export function writeManifestFile(
  output: string,
  directory: string,
): { operations: number; files: number } {
  const documents = readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({
      source: relative(process.cwd(), join(directory, file)),
      text: readFileSync(join(directory, file), 'utf8'),
    }));
  if (documents.length === 0) throw new Error(`${directory}: no .graphql files`);
  const manifest = buildManifest(documents);
  writeFileSync(output, `${JSON.stringify(manifest, null, 2)}\n`);
  return { operations: manifest.operations.length, files: documents.length };
}
