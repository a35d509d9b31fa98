import type { DocumentNode, GraphQLSchema } from 'graphql';
import { computeOperationCost, type OperationCostOptions } from './operation-cost';

/** Variable sets remembered per document: a hot document is asked with few of them. */
const MAX_VARIABLE_SETS = 32;

const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

function keyOf(
  variables: Readonly<Record<string, unknown>> | undefined,
  operationName: string | null | undefined,
  options: OperationCostOptions,
): string | undefined {
  try {
    return JSON.stringify([
      operationName ?? null,
      options.maxPageSize,
      options.maxSelections ?? null,
      variables ?? null,
    ]);
  } catch {
    // Not JSON (a BigInt, a cycle): computed every time, as before.
    return undefined;
  }
}

/**
 * `computeOperationCost`, remembered per (schema, document, operation, variables). The cost
 * is a pure function of those, and Apollo hands every request with the same text the same
 * parsed `document` from its document store, so a hot document's walk with
 * graphql-query-complexity (~0.1 ms, ~4 % of the gateway's CPU on the bench's page) runs
 * once. Refusals (thrown) are not remembered; a new schema (reload) starts afresh.
 */
export function rememberedOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  operationName: string | null | undefined,
  options: OperationCostOptions,
): number {
  const key = keyOf(variables, operationName, options);
  if (key === undefined) {
    return computeOperationCost(schema, document, variables, operationName, options);
  }
  let bySchema = costs.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    costs.set(schema, bySchema);
  }
  let byKey = bySchema.get(document);
  if (!byKey) {
    byKey = new Map();
    bySchema.set(document, byKey);
  }
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const cost = computeOperationCost(schema, document, variables, operationName, options);
  if (byKey.size >= MAX_VARIABLE_SETS) {
    const oldest = byKey.keys().next();
    if (!oldest.done) byKey.delete(oldest.value);
  }
  byKey.set(key, cost);
  return cost;
}
