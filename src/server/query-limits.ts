import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { QueryLimitsConfig } from '../config';
import { QueryTooComplexError } from '../errors';

export type QueryLimits = QueryLimitsConfig;
export { DEFAULT_QUERY_LIMITS } from '../config';

/**
 * Armor prefixes every rejection with "Syntax Error: " although the document parsed; a
 * well-formed query over a limit is not a syntax error, so the prefix goes.
 */
const ARMOR_PREFIX = /^Syntax Error: /;

// Armor reports through the ValidationContext; our error class survives Apollo's
// re-wrapping as `originalError`, which formatError turns into QUERY_TOO_COMPLEX.
const reject = (context: ValidationContext | null, error: GraphQLError): void => {
  context?.reportError(new QueryTooComplexError(error.message.replace(ARMOR_PREFIX, '')));
};

/** graphql-js 16's bare message when a validation rule runs out of its work budget. */
const VALIDATION_ABORTED = 'Validation aborted.';

/**
 * graphql-js stops validating when comparing overlapping fields (or walking fragment
 * spreads) passes its work budget, and says only "Validation aborted.". The document is
 * not invalid, it is too repetitive to check: say so, as a limit.
 */
export function explainAbortedValidation(errors: GraphQLError[]): void {
  for (const [index, error] of errors.entries()) {
    if (error.message === VALIDATION_ABORTED && error.originalError === undefined) {
      errors[index] = new QueryTooComplexError(
        'The document repeats the same fields or fragments too often to be validated ' +
          '(graphql-js stopped at its work budget for comparing overlapping selections ' +
          'and expanding fragments); merge the repeated selections',
        { limit: 'validation-work' },
      );
    }
  }
}

/** Apollo hands its validation errors to `validationDidEnd` before it formats them. */
const explainAbortedValidationPlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      validationDidStart: () =>
        Promise.resolve((errors?: ReadonlyArray<Error>) => {
          // Apollo calls this synchronously and then answers with the same array, so the
          // explanation replaces the bare message in place.
          if (errors) explainAbortedValidation(errors as GraphQLError[]);
          return Promise.resolve();
        }),
    }),
};

/**
 * Depth, alias and directive limits (graphql-armor validation rules), field suggestions
 * masked in production, and an explanation for aborted validation. Cost needs the
 * variables, so it is checked after validation (operation-cost-plugin.ts); tokens are
 * counted by the parser (`parseOptions.maxTokens`).
 */
export function createQueryLimits(
  limits: QueryLimits,
  options: { maskSuggestions: boolean },
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const common = { propagateOnRejection: false, onReject: [reject], exposeLimits: true };
  const armor = new ApolloArmor({
    maxDepth: { ...common, n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { ...common, n: limits.maxAliases },
    // Armor counts `first` only when it is a literal; computeOperationCost replaces it.
    costLimit: { enabled: false },
    maxDirectives: { ...common, n: limits.maxDirectives },
    // Done by the parser instead: armor's Apollo token plugin throws from a hook, which
    // Apollo answers as a 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.maskSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: [...plugins, explainAbortedValidationPlugin], validationRules };
}
