import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context/gateway-context';

type ApolloGateway = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];

/**
 * The gateway's one current schema (custom fields change it: `POST /admin/reload-schema`).
 * Every transport reads it when an operation starts and keeps that schema for the whole
 * operation, so a swap changes new operations only; in-flight ones finish on theirs.
 */
export interface SwappableSchema {
  current(): GraphQLSchema;
  /** Makes `schema` the current one for every operation started from now on. */
  swap(schema: GraphQLSchema): void;
  /**
   * Apollo Server's side: a fixed `schema` option cannot change, a gateway can. `load()`
   * answers `executor: null`, so Apollo executes locally as with `schema` (plugins, document
   * cache, validation rules unchanged); each swap is an `onSchemaLoadOrUpdate` event, which
   * Apollo applies to requests that start after it (each request keeps the schema it began with).
   */
  apolloGateway(): ApolloGateway;
}

type SchemaListener = Parameters<ApolloGateway['onSchemaLoadOrUpdate']>[0];

export function createSwappableSchema(initial: GraphQLSchema): SwappableSchema {
  let schema = initial;
  const listeners = new Set<SchemaListener>();
  const announce = (listener: SchemaListener): void =>
    listener({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
  return {
    current: () => schema,
    swap(next) {
      schema = next;
      for (const listener of listeners) announce(listener);
    },
    apolloGateway: () => ({
      onSchemaLoadOrUpdate(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      load() {
        for (const listener of listeners) announce(listener);
        return Promise.resolve({ executor: null });
      },
      stop() {
        listeners.clear();
        return Promise.resolve();
      },
    }),
  };
}
