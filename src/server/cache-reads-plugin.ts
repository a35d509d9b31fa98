import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context/gateway-context';

/**
 * Tells the operation's upstream calls what the operation is, once known. Lets a query answer
 * Salesforce reads from the cross-request cache once its operation type is known. A mutation
 * reads afresh (ARCHITECTURE.md "Mutations never read from cache"): what
 * it checks before a write, and the record it returns after, must be Salesforce's own.
 */
export function cacheReadsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          // The API budget lets a mutation's reads use the reserve (they belong to its write).
          contextValue.operation.operationType = operation?.operation;
          contextValue.cacheReads.useCache =
            contextValue.cache !== undefined && operation?.operation === 'query';
          // Its reads still refill entries: the record it returns after its write is the
          // freshest answer there is, and the next query of that record is then a hit.
          contextValue.cacheReads.fill =
            contextValue.cache !== undefined && operation?.operation === 'mutation';
        },
      };
    },
  };
}
