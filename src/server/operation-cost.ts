import {
  GraphQLError,
  Kind,
  getNamedType,
  getOperationAST,
  isScalarType,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../domains/shared/connection.args';
import { BadUserInputError, QueryTooComplexError } from '../errors';
import { MAX_PAGE_SIZE } from '../upstreams/salesforce/soql/soql.types';

export interface OperationCostOptions {
  /** Connections never return more rows than this (`first` above it is refused when run). */
  maxPageSize: number;
  /**
   * Field selections counted once fragments are expanded; past it the operation is refused
   * without finishing the count (fragments spread in fragments grow exponentially).
   */
  maxSelections?: number;
}

const DEFAULT_MAX_SELECTIONS = 10_000;
/** graphql-query-complexity's message when `maxQueryNodes` is reached. */
const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';

/** A connection is a field with an Int `first` argument: its rows are `first` per parent. */
function pageArgument(field: GraphQLField<unknown, unknown>) {
  const first = field.args.find((arg) => arg.name === 'first');
  return first && isScalarType(getNamedType(first.type)) && getNamedType(first.type).name === 'Int'
    ? first
    : undefined;
}

/**
 * The rows a connection can return: `first` after variables and defaults (an explicit null
 * is the default page, as the resolvers read it), clamped to 0..maxPageSize. Larger values
 * are refused by the resolver before any upstream call, so they never cost more than a page.
 */
function effectivePageSize(
  field: GraphQLField<unknown, unknown>,
  value: unknown,
  maxPageSize: number,
): number {
  const fallback = pageArgument(field)?.defaultValue;
  const requested =
    typeof value === 'number' ? value : typeof fallback === 'number' ? fallback : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(requested), 0), maxPageSize);
}

/**
 * Introspection answers from the schema in memory; `__typename` needs no upstream either.
 * Connections multiply what they select by their page size, so a child connection under a
 * page of N parents costs N × its own `first`, through every level of nesting.
 */
function gatewayEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    if (!pageArgument(field)) return undefined;
    const rows = effectivePageSize(field, args.first, maxPageSize);
    return rows * (1 + childComplexity);
  };
}

/** The chosen operation and the fragments, so nothing else in the document is counted. */
function operationOnly(document: DocumentNode, operationName: string | undefined) {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  const definitions: DefinitionNode[] = [
    operation,
    ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
  ];
  return { ...document, definitions };
}

/**
 * What an operation may cost, with its actual variables: every field costs 1 plus what it
 * selects, and every connection `first × (1 + what each row selects)`, with `first` as the
 * resolvers will see it (literal, variable or default). Introspection is free. A document
 * the executor would refuse anyway (no such operation) costs 0.
 *
 * Throws BadUserInputError when the variables do not coerce (the executor would refuse them
 * too, but the operation must not run uncounted) and QueryTooComplexError past
 * `maxSelections` expanded selections.
 */
export function computeOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  operationName: string | null | undefined,
  options: OperationCostOptions = { maxPageSize: MAX_PAGE_SIZE },
): number {
  const query = operationOnly(document, operationName ?? undefined);
  if (!query) return 0;
  const maxSelections = options.maxSelections ?? DEFAULT_MAX_SELECTIONS;
  try {
    return getComplexity({
      schema,
      query,
      variables: { ...variables },
      maxQueryNodes: maxSelections,
      estimators: [
        gatewayEstimator(options.maxPageSize),
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
  } catch (error) {
    if (error instanceof GraphQLError && error.message === TOO_MANY_NODES) {
      throw new QueryTooComplexError(
        `The operation has more than ${maxSelections} field selections once fragments are expanded (limit ${maxSelections})`,
        { maxSelections },
      );
    }
    if (error instanceof GraphQLError) {
      throw new BadUserInputError(error.message, { reason: 'invalid-variables' });
    }
    throw error;
  }
}
