import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print } from 'graphql';

const OPERATIONS_DIR = join(__dirname, '../integration/operations');

/**
 * The named operations of `test/integration/operations/*.graphql`: the same documents
 * `npm run codegen` types into `test/generated/graphql.ts`, so a test that sends
 * `operation('AccountsPage')` and reads it as `AccountsPageQuery` cannot drift from its type.
 */
function loadOperations(): Map<string, string> {
  const operations = new Map<string, string>();
  for (const file of readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.graphql'))) {
    const document = parse(readFileSync(join(OPERATIONS_DIR, file), 'utf8'));
    for (const definition of document.definitions) {
      // Fragments would have to travel with every operation that spreads them; the documents
      // here use inline fragments only, so each operation stands alone.
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) {
        throw new Error(`${file}: only named operations, no fragment definitions`);
      }
      const name = definition.name.value;
      if (operations.has(name)) throw new Error(`${file}: operation ${name} defined twice`);
      operations.set(name, print(definition));
    }
  }
  return operations;
}

let cache: Map<string, string> | undefined;

/** The text of one named operation, to send as the request's `query`. */
export function operation(name: string): string {
  cache ??= loadOperations();
  const text = cache.get(name);
  if (text === undefined) throw new Error(`no operation ${name} in ${OPERATIONS_DIR}`);
  return text;
}
