import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { QueryTooComplexError } from '../errors';

export interface QueryLimits {
  /** Field nesting: `accounts.edges.node.contacts.edges.node.account.owner.name` is 9. */
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  /** Enforced by graphql-js's parser (`parseOptions.maxTokens`), before any validation. */
  maxTokens: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  // The reference query (200 opportunities with account, owner and 5 contacts each)
  // costs ~30,000 in armor's model; leave headroom for it, not for much more.
  maxCost: 60_000,
  maxDirectives: 50,
  maxTokens: 5_000,
};

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

export function createQueryLimits(
  limits: QueryLimits,
  options: { maskSuggestions: boolean },
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const common = { propagateOnRejection: false, onReject: [reject], exposeLimits: true };
  const armor = new ApolloArmor({
    maxDepth: { ...common, n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { ...common, n: limits.maxAliases },
    costLimit: { ...common, maxCost: limits.maxCost, ignoreIntrospection: true },
    maxDirectives: { ...common, n: limits.maxDirectives },
    // Done by the parser instead: armor's Apollo token plugin throws from a hook, which
    // Apollo answers as a 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.maskSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}
