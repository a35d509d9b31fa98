import { GraphQLError, getNamedType, isIntrospectionType, type ValidationRule } from 'graphql';
import { ErrorCode } from '../errors';

export const INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED';

/**
 * graphql-js's NoSchemaIntrospectionCustomRule with a message that says why and a contract
 * code, for HTTP and graphql-ws alike (Apollo's own `introspection: false` rule would cover
 * HTTP only and name Apollo's constructor). `__typename` stays allowed.
 */
export const introspectionDisabledRule: ValidationRule = (context) => ({
  Field(node) {
    const type = getNamedType(context.getType());
    if (type && isIntrospectionType(type)) {
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
