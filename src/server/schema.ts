import 'reflect-metadata';
import { GraphQLEnumType, GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { domainResolvers } from '../domains';
import { ERROR_CODE_DESCRIPTIONS, ErrorCode } from '../errors/codes';
import { MemoryPubSub } from '../live/pubsub/memory-pubsub';
import { toTypeGraphQLPubSub } from './type-graphql-pubsub';

/** The contract's ErrorCode enum; no field returns it, so type-graphql would leave it out. */
const ErrorCodeEnum = new GraphQLEnumType({
  name: 'ErrorCode',
  description: 'The `extensions.code` of every GraphQL error the gateway returns.',
  values: Object.fromEntries(
    Object.values(ErrorCode).map((code) => [
      code,
      { value: code, description: ERROR_CODE_DESCRIPTIONS[code] },
    ]),
  ),
});

let built: Promise<GraphQLSchema> | undefined;

/** The gateway schema, built once per process (type-graphql metadata is global). */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    const schema = await buildSchema({
      resolvers: domainResolvers,
      // Inputs are validated by GraphQL types and by the SOQL compiler, not class-validator.
      validate: false,
      // type-graphql insists on one. The gateway's fields subscribe through `subscribe`
      // functions that read the instance's feed from the context instead: one schema serves
      // every server of the process (tests run several), each with its own pubsub and bridge.
      pubSub: toTypeGraphQLPubSub(new MemoryPubSub(), () => {}),
    });
    const config = schema.toConfig();
    return lexicographicSortSchema(
      new GraphQLSchema({
        ...config,
        types: [...config.types.filter((t) => t.name !== 'ErrorCode'), ErrorCodeEnum],
      }),
    );
  })();
  return built;
}
