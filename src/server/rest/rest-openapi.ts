import { z } from 'zod';
import { FILTER_OPERATORS, MAX_PAGE_SIZE, type FilterKind } from './rest-query-params';
import type { RestRoute } from './rest-route';
import { errorBody } from './rest-schemas';

type JsonObject = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12, fit to sit inside the document (no `$schema`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

const SCALAR_SCHEMAS: Readonly<Record<FilterKind, JsonObject>> = {
  string: { type: 'string' },
  id: { type: 'string' },
  float: { type: 'number' },
  int: { type: 'integer' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
};

function filterParameter(field: string, kind: FilterKind): JsonObject {
  const scalar = SCALAR_SCHEMAS[kind];
  const properties = Object.fromEntries(
    FILTER_OPERATORS[kind].map((operator) => [
      operator,
      operator === 'isNull'
        ? { type: 'boolean' }
        : operator === 'in' || operator === 'nin'
          ? { type: 'array', items: scalar }
          : scalar,
    ]),
  );
  return {
    name: field,
    in: 'query',
    required: false,
    style: 'deepObject',
    explode: true,
    description:
      `Filter on ${field}: \`${field}[op]=value\` with op one of ` +
      `${FILTER_OPERATORS[kind].join(', ')}; \`${field}=value\` is \`${field}[eq]=value\`. ` +
      '`in`/`nin` take comma-separated values.',
    schema: { type: 'object', properties, additionalProperties: false },
  };
}

function listParameters(route: RestRoute): JsonObject[] {
  const list = route.list;
  if (!list) return [];
  const parameters: JsonObject[] = Object.entries(list.filters).map(([field, kind]) =>
    filterParameter(field, kind),
  );
  if (list.sortFields) {
    parameters.push({
      name: 'sort',
      in: 'query',
      required: false,
      description:
        `Comma-separated sort keys, a leading \`-\` for descending: ${list.sortFields.join(', ')}.` +
        ' Records of equal keys keep Salesforce Id order.',
      schema: { type: 'string', examples: [`-${list.sortFields[0]}`] },
    });
  }
  if (list.paging) {
    parameters.push(
      {
        name: 'first',
        in: 'query',
        required: false,
        description: `Page size, 1..${MAX_PAGE_SIZE} (default 50).`,
        schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
      },
      {
        name: 'after',
        in: 'query',
        required: false,
        description: 'The `pageInfo.endCursor` of the previous page.',
        schema: { type: 'string' },
      },
    );
  }
  return parameters;
}

function queryParameters(route: RestRoute): JsonObject[] {
  return Object.entries(route.query ?? {}).map(([name, spec]) => ({
    name,
    in: 'query',
    required: spec.required === true,
    description: spec.description,
    schema: jsonSchema(spec.schema, 'input'),
  }));
}

function pathParameters(route: RestRoute): JsonObject[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description: 'The Salesforce record Id (15 or 18 characters).',
    schema: { type: 'string' },
  }));
}

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Bad query parameters or body (BAD_USER_INPUT, BAD_REQUEST, QUERY_TOO_COMPLEX).',
  401: 'No or invalid credentials (UNAUTHENTICATED).',
  403: 'Salesforce refuses this to you (FORBIDDEN).',
  404: 'No such record, or you may not see it (NOT_FOUND).',
  405: 'The path does not answer this method (see Allow).',
  409: 'A conflict (CONFLICT): a duplicate, a locked record, or a sync already running.',
  412: 'If-Match does not match the record’s current ETag (CONFLICT).',
  415: 'The body is not application/json (BAD_REQUEST).',
  429: 'Rate limited (RATE_LIMITED) or an upstream allocation spent (UPSTREAM_RATE_LIMITED).',
  500: 'An unexpected error (INTERNAL_SERVER_ERROR).',
  503: 'An upstream is unavailable (UPSTREAM_UNAVAILABLE).',
};

const COMMON_ERRORS = [400, 401, 403, 405, 429, 500, 503];

const header = (description: string, schema: JsonObject = { type: 'string' }) => ({
  description,
  schema,
});

function errorResponse(status: number): JsonObject {
  return {
    description: ERROR_DESCRIPTIONS[status] ?? 'An error.',
    ...(status === 429
      ? { headers: { 'Retry-After': header('Seconds to wait.', { type: 'integer' }) } }
      : {}),
    ...(status === 405 ? { headers: { Allow: header('The methods the path answers.') } } : {}),
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}

function successResponse(route: RestRoute): JsonObject {
  const headers: JsonObject = {};
  if (route.success.status === 201) headers.Location = header('The new record’s URL.');
  if (route.etag) headers.ETag = header('A strong entity tag of this representation.');
  if (route.list?.paging) headers.Link = header('RFC 8288: rel="next" when there is a next page.');
  return {
    description: route.success.description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: { 'application/json': { schema: jsonSchema(route.success.schema, 'output') } },
  };
}

function operation(route: RestRoute): JsonObject {
  const statuses = [...new Set([...route.errors, ...COMMON_ERRORS])].sort((a, b) => a - b);
  const responses: JsonObject = { [String(route.success.status)]: successResponse(route) };
  for (const status of statuses) {
    responses[String(status)] =
      status === 304
        ? {
            description: 'If-None-Match matched: the record is unchanged.',
            headers: { ETag: header('The current entity tag.') },
          }
        : errorResponse(status);
  }
  const conditional: JsonObject[] = [];
  if (route.etag === 'read') {
    conditional.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'An ETag from an earlier answer: 304 when the record still has it.',
      schema: { type: 'string' },
    });
  }
  if (route.etag === 'write') {
    conditional.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description:
        'The ETag you read: the record is read from Salesforce and the update runs only if it still has it (else 412); best effort, not atomic with the write.',
      schema: { type: 'string' },
    });
  }
  const parameters = [
    ...pathParameters(route),
    ...listParameters(route),
    ...queryParameters(route),
    ...conditional,
  ];
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description: `${route.description}\n\nGraphQL operation:\n\n\`\`\`graphql\n${route.document}\n\`\`\``,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

export interface OpenApiInfo {
  version: string;
}

/** The OpenAPI 3.1 document of the REST routes: made from the same table the router serves. */
export function buildOpenApiDocument(routes: readonly RestRoute[], info: OpenApiInfo): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ATOM CRM Gateway REST API',
      version: info.version,
      description:
        'REST endpoints of the ATOM integration plan. Each runs one fixed GraphQL operation ' +
        'of the gateway (shown in its description) with the same auth, limits, cache and ' +
        'errors as /graphql. Errors answer with one body: `{"error":{"code","message",' +
        '"requestId","fields"?,"details"?}}`, `code` being the GraphQL error code.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/' }],
    security: [{}, { apiKey: [] }, { bearer: [] }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBody, 'output') },
      securitySchemes: {
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'AUTH_MODE=integration: an API key of API_KEYS.',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'AUTH_MODE=user: the gateway session token from /auth/salesforce/login.',
        },
      },
    },
  };
}
