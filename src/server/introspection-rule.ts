import { GraphQLError, type ValidationRule } from 'graphql';
import { ErrorCode } from '../errors';

export const INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED';

/** The schema's entry points; everything else of introspection hangs below them. */
const ENTRY_POINTS = new Set(['__schema', '__type']);

/**
 * Like graphql-js's NoSchemaIntrospectionCustomRule, with one error per entry point, a
 * message that says why and a contract code, for HTTP and graphql-ws alike (Apollo's own
 * `introspection: false` rule covers HTTP only and names Apollo's constructor).
 * `__typename` stays allowed.
 */
export const introspectionDisabledRule: ValidationRule = (context) => ({
  Field(node) {
    if (ENTRY_POINTS.has(node.name.value)) {
      context.reportError(
        new GraphQLError(
          `Introspection is disabled on this gateway (GRAPHQL_INTROSPECTION=false): "${node.name.value}" cannot be queried`,
          {
            nodes: node,
            extensions: { code: ErrorCode.BAD_USER_INPUT, reason: INTROSPECTION_DISABLED },
          },
        ),
      );
    }
  },
});
