import { z } from 'zod';
import { isRecord } from '../../lib/is-record';
import { toEnumValue, type FilterKind, type ListParamsSpec } from './rest-query-params';
import type { RestInput, RestRoute, RestSuccess } from './rest-route';
import {
  accountCreateInput,
  accountRecord,
  accountUpdateInput,
  contactCreateInput,
  contactRecord,
  healthReport,
  leadCreateInput,
  leadRecord,
  LINKED_SERVICES,
  listPage,
  opportunityCreateInput,
  opportunityRecord,
  PERFORMANCE_SELECTION,
  performanceReport,
  PIPELINE_SELECTION,
  pipelineReport,
  RECORD_SELECTIONS,
  searchHit,
  SYNC_RESULT_SELECTION,
  syncAllInput,
  syncResult,
  syncRunInput,
} from './rest-schemas';

/** Every REST path starts here (the ATOM integration plan's prefix). */
export const REST_PREFIX = '/salesforce';

const TIMESTAMP_FILTERS = { createdDate: 'datetime', lastModifiedDate: 'datetime' } as const;

interface ResourceSpec {
  /** URL segment and GraphQL list field: `accounts`. */
  plural: string;
  /** GraphQL single-record field: `account`. */
  singular: string;
  typeName: keyof typeof RECORD_SELECTIONS;
  record: z.ZodType;
  filters: Readonly<Record<string, FilterKind>>;
  sortFields: readonly string[];
  create: z.ZodType<Record<string, unknown>>;
  update?: z.ZodType<Record<string, unknown>>;
}

const RESOURCES: readonly ResourceSpec[] = [
  {
    plural: 'accounts',
    singular: 'account',
    typeName: 'Account',
    record: accountRecord,
    filters: {
      id: 'id',
      name: 'string',
      type: 'string',
      industry: 'string',
      annualRevenue: 'float',
      numberOfEmployees: 'int',
      ownerId: 'id',
      parentId: 'id',
      ...TIMESTAMP_FILTERS,
    },
    sortFields: [
      'name',
      'industry',
      'annualRevenue',
      'numberOfEmployees',
      'createdDate',
      'lastModifiedDate',
    ],
    create: accountCreateInput,
    update: accountUpdateInput,
  },
  {
    plural: 'contacts',
    singular: 'contact',
    typeName: 'Contact',
    record: contactRecord,
    filters: {
      id: 'id',
      firstName: 'string',
      lastName: 'string',
      email: 'string',
      title: 'string',
      leadSource: 'string',
      accountId: 'id',
      ownerId: 'id',
      ...TIMESTAMP_FILTERS,
    },
    sortFields: ['lastName', 'firstName', 'email', 'createdDate', 'lastModifiedDate'],
    create: contactCreateInput,
  },
  {
    plural: 'opportunities',
    singular: 'opportunity',
    typeName: 'Opportunity',
    record: opportunityRecord,
    filters: opportunityFilters(),
    sortFields: [
      'name',
      'amount',
      'closeDate',
      'probability',
      'stageName',
      'createdDate',
      'lastModifiedDate',
    ],
    create: opportunityCreateInput,
  },
  {
    plural: 'leads',
    singular: 'lead',
    typeName: 'Lead',
    record: leadRecord,
    filters: {
      id: 'id',
      company: 'string',
      email: 'string',
      status: 'string',
      leadSource: 'string',
      industry: 'string',
      rating: 'string',
      isConverted: 'boolean',
      ownerId: 'id',
      ...TIMESTAMP_FILTERS,
    },
    sortFields: ['lastName', 'company', 'status', 'createdDate', 'lastModifiedDate'],
    create: leadCreateInput,
  },
];

/** Opportunities' filters: the list and the pipeline report share them. */
function opportunityFilters(): Record<string, FilterKind> {
  return {
    id: 'id',
    name: 'string',
    stageName: 'string',
    type: 'string',
    leadSource: 'string',
    amount: 'float',
    probability: 'float',
    closeDate: 'date',
    isClosed: 'boolean',
    isWon: 'boolean',
    accountId: 'id',
    ownerId: 'id',
    ...TIMESTAMP_FILTERS,
  };
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The variables of a list: what rest-query-params parsed, under the GraphQL argument names. */
function listVariables({ query }: RestInput): Record<string, unknown> {
  return { ...query };
}

function rootField(data: Record<string, unknown>, field: string): unknown {
  return data[field];
}

function listAnswer(data: Record<string, unknown>, field: string): RestSuccess {
  const connection = rootField(data, field);
  if (!isRecord(connection) || !isRecord(connection.pageInfo)) {
    throw new Error(`the ${field} connection has no pageInfo`);
  }
  const { hasNextPage, endCursor } = connection.pageInfo;
  const page = {
    hasNextPage: hasNextPage === true,
    endCursor: typeof endCursor === 'string' ? endCursor : null,
  };
  return { status: 200, body: { data: connection.nodes, pageInfo: page }, page };
}

function recordAnswer(data: Record<string, unknown>, field: string): RestSuccess | undefined {
  const record = rootField(data, field);
  return record === null || record === undefined ? undefined : { status: 200, body: record };
}

function resourceRoutes(spec: ResourceSpec): RestRoute[] {
  const { plural, singular, typeName } = spec;
  const selection = RECORD_SELECTIONS[typeName];
  const collection = `${REST_PREFIX}/${plural}`;
  const item = `${collection}/{id}`;
  const list: ListParamsSpec = { filters: spec.filters, sortFields: spec.sortFields, paging: true };
  const read: RestRoute = {
    operationId: `get${typeName}`,
    method: 'GET',
    path: item,
    tag: capitalized(plural),
    summary: `One ${typeName} by id`,
    description:
      `The ${typeName} as \`${singular}(id:)\` reads it. The ETag is a hash of this ` +
      'representation: send it as If-None-Match to get 304 when nothing changed.',
    document: `query Rest${typeName}($id: ID!) { ${singular}(id: $id) { ${selection} } }`,
    variables: ({ path }) => ({ id: path.id }),
    respond: (data) => recordAnswer(data, singular),
    success: { status: 200, description: `The ${typeName}.`, schema: spec.record },
    etag: 'read',
    recordType: typeName,
    errors: [304, 404],
  };
  const routes: RestRoute[] = [
    {
      operationId: `list${capitalized(plural)}`,
      method: 'GET',
      path: collection,
      tag: capitalized(plural),
      summary: `${capitalized(plural)}, filtered, sorted and paged`,
      description:
        `\`${plural}(where:, orderBy:, first:, after:)\`: filter with \`field=value\` or ` +
        '`field[op]=value`, sort with `sort=-field,field`, page with `first` and `after` ' +
        '(the Link header names the next page).',
      document:
        `query RestList${capitalized(plural)}($where: ${typeName}Filter, ` +
        `$orderBy: [${typeName}OrderBy!], $first: Int, $after: String) { ` +
        `${plural}(where: $where, orderBy: $orderBy, first: $first, after: $after) { ` +
        `nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
      list,
      variables: listVariables,
      respond: (data) => listAnswer(data, plural),
      success: { status: 200, description: `A page of ${plural}.`, schema: listPage(spec.record) },
      errors: [],
    },
    {
      operationId: `create${typeName}`,
      method: 'POST',
      path: collection,
      tag: capitalized(plural),
      summary: `Create a ${typeName}`,
      description: `\`create${typeName}(input:)\`; answers 201 with the record and its Location.`,
      document:
        `mutation RestCreate${typeName}($input: ${typeName}CreateInput!) { ` +
        `create${typeName}(input: $input) { ${selection} } }`,
      body: spec.create,
      variables: ({ body }) => ({ input: body }),
      respond: (data) => {
        const created = recordAnswer(data, `create${typeName}`);
        if (!created || !isRecord(created.body) || typeof created.body.id !== 'string') {
          return created;
        }
        return {
          ...created,
          status: 201,
          location: `${collection}/${encodeURIComponent(created.body.id)}`,
        };
      },
      success: { status: 201, description: `The created ${typeName}.`, schema: spec.record },
      etag: 'created',
      errors: [409, 415],
    },
    read,
  ];
  if (spec.update) {
    routes.push({
      operationId: `update${typeName}`,
      method: 'PUT',
      path: item,
      tag: capitalized(plural),
      summary: `Update a ${typeName}`,
      description:
        `\`update${typeName}(id:, input:)\`: the fields given are set (null clears one), the ` +
        'others are left as they are. With If-Match, the record is read from Salesforce first ' +
        'and the update runs only if its ETag matches (else 412); a write landing between that ' +
        'read and the update is not detected.',
      document:
        `mutation RestUpdate${typeName}($id: ID!, $input: ${typeName}UpdateInput!) { ` +
        `update${typeName}(id: $id, input: $input) { ${selection} } }`,
      body: spec.update,
      variables: ({ path, body }) => ({ id: path.id, input: body }),
      respond: (data) => recordAnswer(data, `update${typeName}`),
      success: { status: 200, description: `The updated ${typeName}.`, schema: spec.record },
      etag: 'write',
      recordType: typeName,
      readRoute: read,
      errors: [404, 409, 412, 415],
    });
  }
  return routes;
}

const SEARCH_TYPES = ['account', 'contact', 'lead', 'opportunity'] as const;

const searchRoute: RestRoute = {
  operationId: 'search',
  method: 'GET',
  path: `${REST_PREFIX}/search`,
  tag: 'Search',
  summary: 'Full-text search (SOSL) over accounts, contacts, leads and opportunities',
  description:
    '`search(text:, types:, first:)`: `q` is searched as one literal phrase, in Salesforce ' +
    'relevance order; one Salesforce call.',
  document:
    'query RestSearch($text: String!, $types: [SObjectType!], $first: Int) { ' +
    'search(text: $text, types: $types, first: $first) { __typename ' +
    '... on Account { id name } ... on Contact { id name } ' +
    '... on Lead { id name } ... on Opportunity { id name } } }',
  query: {
    q: {
      schema: z.string().min(2).max(200),
      description: 'The phrase to search (at least 2 characters).',
      required: true,
    },
    types: {
      schema: z
        .string()
        .transform((raw) => raw.split(','))
        .pipe(z.array(z.enum(SEARCH_TYPES)).min(1)),
      description: `Comma-separated types to search: ${SEARCH_TYPES.join(', ')} (all when absent).`,
    },
    first: {
      schema: z.coerce.number().int().min(1).max(200),
      description: 'At most this many hits (1..200, default 20).',
    },
  },
  variables: ({ query }) => ({
    text: query.q,
    ...(Array.isArray(query.types)
      ? { types: query.types.map((type) => toEnumValue(String(type))) }
      : {}),
    ...(query.first !== undefined ? { first: query.first } : {}),
  }),
  respond: (data) => {
    const hits = Array.isArray(data.search) ? data.search : [];
    return {
      status: 200,
      body: {
        data: hits.filter(isRecord).map(({ __typename, id, name }) => ({
          type: __typename,
          id,
          name,
        })),
      },
    };
  },
  success: {
    status: 200,
    description: 'The hits, best first.',
    schema: z.strictObject({ data: z.array(searchHit) }),
  },
  errors: [],
};

const pipelineRoute: RestRoute = {
  operationId: 'pipeline',
  method: 'GET',
  path: `${REST_PREFIX}/analytics/pipeline`,
  tag: 'Analytics',
  summary: 'Open pipeline by stage',
  description:
    '`pipeline(where:)`: open opportunities matching the same filters as ' +
    '/salesforce/opportunities, by stage; one aggregate SOQL query.',
  document: `query RestPipeline($where: OpportunityFilter) { pipeline(where: $where) { ${PIPELINE_SELECTION} } }`,
  list: { filters: opportunityFilters() },
  variables: listVariables,
  respond: (data) => ({ status: 200, body: data.pipeline }),
  success: { status: 200, description: 'The pipeline report.', schema: pipelineReport },
  errors: [],
};

const PERFORMANCE_GROUPS = ['owner', 'leadSource', 'type', 'closeMonth'] as const;

const performanceRoute: RestRoute = {
  operationId: 'salesPerformance',
  method: 'GET',
  path: `${REST_PREFIX}/analytics/performance`,
  tag: 'Analytics',
  summary: 'Won/lost, win rate and deal size of closed opportunities, by group',
  description:
    '`salesPerformance(from:, to:, groupBy:)`: closed opportunities with CloseDate in ' +
    '[from, to] (inclusive UTC dates, open when omitted).',
  document: `query RestSalesPerformance($from: Date, $to: Date, $groupBy: PerformanceGrouping) { salesPerformance(from: $from, to: $to, groupBy: $groupBy) { ${PERFORMANCE_SELECTION} } }`,
  query: {
    from: { schema: z.iso.date(), description: 'First CloseDate counted (YYYY-MM-DD).' },
    to: { schema: z.iso.date(), description: 'Last CloseDate counted (YYYY-MM-DD).' },
    groupBy: {
      schema: z.enum(PERFORMANCE_GROUPS),
      description: `One of ${PERFORMANCE_GROUPS.join(', ')} (default owner).`,
    },
  },
  variables: ({ query }) => ({
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
    ...(query.groupBy !== undefined ? { groupBy: toEnumValue(String(query.groupBy)) } : {}),
  }),
  respond: (data) => ({ status: 200, body: data.salesPerformance }),
  success: { status: 200, description: 'The performance report.', schema: performanceReport },
  errors: [],
};

const SYNC_FIELDS = {
  stripe: 'syncStripePayments',
  zendesk: 'syncZendeskTickets',
  quickbooks: 'syncQuickBooksInvoices',
} as const satisfies Record<(typeof LINKED_SERVICES)[number], string>;

const syncAllRoute: RestRoute = {
  operationId: 'syncAll',
  method: 'POST',
  path: `${REST_PREFIX}/sync`,
  tag: 'Sync',
  summary: 'Sync Stripe payments, Zendesk tickets and QuickBooks invoices into Salesforce',
  description:
    'Runs `syncStripePayments`, `syncZendeskTickets` and `syncQuickBooksInvoices` (or the ' +
    '`services` named) in one operation, one after the other. 409 when a run of the same ' +
    'service and scope is already going on.',
  document:
    'mutation RestSyncAll($accountId: ID, $since: DateTime, $stripe: Boolean!, ' +
    '$zendesk: Boolean!, $quickbooks: Boolean!) { ' +
    LINKED_SERVICES.map(
      (service) =>
        `${service}: ${SYNC_FIELDS[service]}(accountId: $accountId, since: $since) ` +
        `@include(if: $${service}) { ${SYNC_RESULT_SELECTION} }`,
    ).join(' ') +
    ' }',
  body: syncAllInput,
  variables: ({ body }) => {
    const services = Array.isArray(body?.services) ? body.services : LINKED_SERVICES;
    return {
      ...(body?.accountId !== undefined ? { accountId: body.accountId } : {}),
      ...(body?.since !== undefined ? { since: body.since } : {}),
      ...Object.fromEntries(LINKED_SERVICES.map((s) => [s, services.includes(s)])),
    };
  },
  respond: (data, { body }) => {
    const services = Array.isArray(body?.services) ? body.services : LINKED_SERVICES;
    return { status: 200, body: { results: services.map((service) => data[String(service)]) } };
  },
  success: {
    status: 200,
    description: 'One result per service, in the order run.',
    schema: z.strictObject({ results: z.array(syncResult) }),
  },
  errors: [409, 415],
};

function integrationRoute(
  service: (typeof LINKED_SERVICES)[number],
  records: string,
  label: string,
): RestRoute {
  const field = SYNC_FIELDS[service];
  return {
    operationId: field,
    method: 'POST',
    path: `${REST_PREFIX}/integrations/${service}/${records}`,
    tag: 'Integrations',
    summary: `Copy ${label} into Salesforce`,
    description: `\`${field}(accountId:, since:)\`: idempotent, batched and resumable; 409 when a run of the same scope is going on.`,
    document: `mutation Rest${capitalized(field)}($accountId: ID, $since: DateTime) { ${field}(accountId: $accountId, since: $since) { ${SYNC_RESULT_SELECTION} } }`,
    body: syncRunInput,
    variables: ({ body }) => ({ ...body }),
    respond: (data) => ({ status: 200, body: data[field] }),
    success: { status: 200, description: 'What the run wrote.', schema: syncResult },
    errors: [409, 415],
  };
}

const healthRoute: RestRoute = {
  operationId: 'health',
  method: 'GET',
  path: `${REST_PREFIX}/health`,
  tag: 'Health',
  summary: 'Salesforce reachable as you, and the org’s daily API usage',
  description:
    '`viewer` and `apiUsage`: answers 200 only when Salesforce answered both (costs one ' +
    'identity read and one limits call).',
  document: 'query RestHealth { viewer { id name } apiUsage { used max remaining reserve asOf } }',
  variables: () => ({}),
  respond: (data) => ({
    status: 200,
    body: { status: 'ok', viewer: data.viewer, apiUsage: data.apiUsage },
  }),
  success: { status: 200, description: 'Salesforce answered.', schema: healthReport },
  errors: [],
};

/** Every REST endpoint, in the order the OpenAPI document lists them. */
export const REST_ROUTES: readonly RestRoute[] = [
  ...RESOURCES.flatMap(resourceRoutes),
  searchRoute,
  pipelineRoute,
  performanceRoute,
  syncAllRoute,
  integrationRoute('stripe', 'payments', 'Stripe payments (PaymentIntents)'),
  integrationRoute('zendesk', 'tickets', 'Zendesk tickets'),
  integrationRoute('quickbooks', 'invoices', 'QuickBooks invoices'),
  healthRoute,
];

/** The fixed GraphQL documents of the REST routes (trusted-documents allow-lists them). */
export function restOperationDocuments(): string[] {
  return REST_ROUTES.map((route) => route.document);
}
