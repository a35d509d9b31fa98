import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { documentHash } from './document-hash';
import { MANIFEST_FORMAT, type ManifestOperation, type PersistedQueryManifest } from './manifest';

export interface SourceDocument {
  /** Where the text came from, for error messages. */
  source: string;
  text: string;
}

/** Fragment names spread in `node`, followed through the fragments themselves. */
function fragmentsUsed(
  node: DefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (seen.has(name)) return;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`fragment ${name} is spread but defined nowhere`);
      seen.add(name);
      fragmentsUsed(fragment, fragments, seen);
    },
  });
  return seen;
}

/**
 * Apollo's persisted-query manifest for named operations: each body is the operation printed
 * by graphql-js followed by the fragments it uses (by name), the exact text a client must
 * send, and each id its SHA-256.
 */
export function buildManifest(documents: readonly SourceDocument[]): PersistedQueryManifest {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: Array<{ source: string; node: OperationDefinitionNode }> = [];
  for (const { source, text } of documents) {
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(definition.name.value)) {
          throw new Error(`${source}: fragment ${definition.name.value} is defined twice`);
        }
        fragments.set(definition.name.value, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name) throw new Error(`${source}: every operation needs a name`);
        operations.push({ source, node: definition });
      }
    }
  }
  const names = new Set<string>();
  const entries: ManifestOperation[] = operations.map(({ source, node }) => {
    const name = node.name?.value ?? '';
    if (names.has(name)) throw new Error(`${source}: operation ${name} is defined twice`);
    names.add(name);
    const used = [...fragmentsUsed(node, fragments)].sort();
    const body = print({
      kind: Kind.DOCUMENT,
      definitions: [node, ...used.map((fragment) => fragments.get(fragment) as DefinitionNode)],
    });
    return { id: documentHash(body), name, type: node.operation, body };
  });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return { format: MANIFEST_FORMAT, version: 1, operations: entries };
}
