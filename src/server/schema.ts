import 'reflect-metadata';
import { GraphQLEnumType, GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { domainResolvers } from '../domains';
import { extendSchemaWithCustomFields } from '../domains/crm/custom/custom-fields-schema';
import type { CustomFieldSpec } from '../upstreams/salesforce/soql';
import { ERROR_CODE_DESCRIPTIONS, ErrorCode } from '../errors/codes';

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

/**
 * type-graphql refuses subscription fields without a pubSub (MissingPubSubError), although
 * a field with its own `subscribe` never uses it. The gateway's fields all read the
 * instance's feed from the context instead: one schema serves every server of the process
 * (tests run several), each with its own pubsub and bridge.
 */
const NO_TOPIC_SUBSCRIPTIONS: PubSub = {
  publish() {
    throw new Error('Subscriptions read the live-change feed from the context, not topics');
  },
  subscribe() {
    throw new Error('Subscriptions read the live-change feed from the context, not topics');
  },
};

/** type-graphql builds the root types without a way to describe them; Sandbox shows these first. */
const ROOT_DESCRIPTIONS = {
  query:
    'Reads. Salesforce data is read as the viewer (their sharing rules and field-level security apply); each field says what it costs in upstream calls. Connections take `first` (0 to 200) and `after` cursors.',
  mutation:
    'Writes, as the viewer: Salesforce records, lead conversion, syncs from the linked services into Salesforce, and cache refresh.',
  subscription:
    'Live changes over graphql-ws (`/graphql`): Salesforce Change Data Capture and the linked services’ webhooks, filtered to what the subscriber may see.',
} as const;

function describeRootTypes(config: ReturnType<GraphQLSchema['toConfig']>): void {
  for (const [root, description] of Object.entries(ROOT_DESCRIPTIONS)) {
    const type = config[root as keyof typeof ROOT_DESCRIPTIONS];
    if (type) type.description = description;
  }
}

let built: Promise<GraphQLSchema> | undefined;
const withCustomFields = new Map<string, Promise<GraphQLSchema>>();

/**
 * The gateway schema: the standard one, built once per process (type-graphql metadata is
 * global), plus the org's custom fields when given (see custom-fields.ts in server).
 */
export function buildGatewaySchema(
  customFields: readonly CustomFieldSpec[] = [],
): Promise<GraphQLSchema> {
  if (customFields.length === 0) return buildStandardSchema();
  const key = JSON.stringify(customFields);
  let schema = withCustomFields.get(key);
  if (!schema) {
    schema = buildStandardSchema().then((standard) =>
      lexicographicSortSchema(extendSchemaWithCustomFields(standard, customFields)),
    );
    withCustomFields.set(key, schema);
  }
  return schema;
}

function buildStandardSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    const schema = await buildSchema({
      resolvers: domainResolvers,
      // Inputs are validated by GraphQL types and by the SOQL compiler, not class-validator.
      validate: false,
      pubSub: NO_TOPIC_SUBSCRIPTIONS,
    });
    const config = schema.toConfig();
    describeRootTypes(config);
    return lexicographicSortSchema(
      new GraphQLSchema({
        ...config,
        types: [...config.types.filter((t) => t.name !== 'ErrorCode'), ErrorCodeEnum],
      }),
    );
  })();
  return built;
}
