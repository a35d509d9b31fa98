import { z } from 'zod';
import { ErrorCode } from '../../errors';

/**
 * The JSON shapes of the REST API, as zod schemas: request bodies are validated with them,
 * and the OpenAPI document's schemas are generated from them (z.toJSONSchema, draft
 * 2020-12, which OpenAPI 3.1 uses as is). Records are the GraphQL selections of the fixed
 * operations, camelCase as the graph names them.
 */

const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();
const nullableString = z.string().nullable();

const reference = z
  .strictObject({ id: z.string(), name: z.string() })
  .nullable()
  .describe('A related record, or null when there is none (or it is not visible).');

const address = z
  .strictObject({
    street: nullableString,
    city: nullableString,
    state: nullableString,
    postalCode: nullableString,
    country: nullableString,
  })
  .nullable();

const addressInput = z
  .strictObject({
    street: nullableString.optional(),
    city: nullableString.optional(),
    state: nullableString.optional(),
    postalCode: nullableString.optional(),
    country: nullableString.optional(),
  })
  .nullable();

const timestamps = {
  createdDate: dateTime,
  lastModifiedDate: dateTime,
};

export const accountRecord = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: nullableString,
  industry: nullableString,
  annualRevenue: z.number().nullable(),
  numberOfEmployees: z.number().int().nullable(),
  phone: nullableString,
  website: nullableString,
  billingAddress: address,
  owner: reference,
  parent: reference,
  ...timestamps,
});

export const contactRecord = z.strictObject({
  id: z.string(),
  name: z.string(),
  firstName: nullableString,
  lastName: z.string(),
  email: nullableString,
  phone: nullableString,
  title: nullableString,
  leadSource: nullableString,
  mailingAddress: address,
  account: reference,
  owner: reference,
  ...timestamps,
});

export const opportunityRecord = z.strictObject({
  id: z.string(),
  name: z.string(),
  stageName: z.string(),
  amount: z.number().nullable(),
  probability: z.number().nullable().describe('Percent, 0–100.'),
  expectedRevenue: z.number().nullable(),
  closeDate: date,
  type: nullableString,
  leadSource: nullableString,
  forecastCategory: nullableString,
  isClosed: z.boolean(),
  isWon: z.boolean(),
  account: reference,
  owner: reference,
  ...timestamps,
});

export const leadRecord = z.strictObject({
  id: z.string(),
  name: z.string(),
  firstName: nullableString,
  lastName: z.string(),
  company: z.string(),
  email: nullableString,
  phone: nullableString,
  title: nullableString,
  status: z.string(),
  leadSource: nullableString,
  industry: nullableString,
  rating: nullableString,
  annualRevenue: z.number().nullable(),
  isConverted: z.boolean(),
  convertedDate: date.nullable(),
  owner: reference,
  ...timestamps,
});

const ADDRESS_SELECTION = '{ street city state postalCode country }';
const REFERENCE_SELECTION = '{ id name }';

/** The GraphQL selection of each record shape above: the fields, in the same order. */
export const RECORD_SELECTIONS = {
  Account: `id name type industry annualRevenue numberOfEmployees phone website billingAddress ${ADDRESS_SELECTION} owner ${REFERENCE_SELECTION} parent ${REFERENCE_SELECTION} createdDate lastModifiedDate`,
  Contact: `id name firstName lastName email phone title leadSource mailingAddress ${ADDRESS_SELECTION} account ${REFERENCE_SELECTION} owner ${REFERENCE_SELECTION} createdDate lastModifiedDate`,
  Opportunity: `id name stageName amount probability expectedRevenue closeDate type leadSource forecastCategory isClosed isWon account ${REFERENCE_SELECTION} owner ${REFERENCE_SELECTION} createdDate lastModifiedDate`,
  Lead: `id name firstName lastName company email phone title status leadSource industry rating annualRevenue isConverted convertedDate owner ${REFERENCE_SELECTION} createdDate lastModifiedDate`,
} as const;

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const salesforceId = z.string().min(15).max(18);

/** `null` clears a field in an update; an absent field is left as it is. */
export const accountCreateInput = z.strictObject({
  name: z.string().min(1),
  type: optional(z.string()),
  industry: optional(z.string()),
  annualRevenue: optional(z.number()),
  numberOfEmployees: optional(z.number().int()),
  phone: optional(z.string()),
  website: optional(z.string()),
  billingAddress: addressInput.optional(),
  ownerId: optional(salesforceId),
  parentId: optional(salesforceId),
});

export const accountUpdateInput = accountCreateInput.partial().extend({
  name: z.string().min(1).optional(),
});

export const contactCreateInput = z.strictObject({
  lastName: z.string().min(1),
  firstName: optional(z.string()),
  email: optional(z.string()),
  phone: optional(z.string()),
  title: optional(z.string()),
  leadSource: optional(z.string()),
  mailingAddress: addressInput.optional(),
  accountId: optional(salesforceId),
  ownerId: optional(salesforceId),
});

export const opportunityCreateInput = z.strictObject({
  name: z.string().min(1),
  stageName: z.string().min(1),
  closeDate: date,
  amount: optional(z.number()),
  probability: optional(z.number().min(0).max(100)),
  type: optional(z.string()),
  leadSource: optional(z.string()),
  accountId: optional(salesforceId),
  ownerId: optional(salesforceId),
});

export const leadCreateInput = z.strictObject({
  lastName: z.string().min(1),
  company: z.string().min(1),
  firstName: optional(z.string()),
  email: optional(z.string()),
  phone: optional(z.string()),
  title: optional(z.string()),
  status: optional(z.string()),
  leadSource: optional(z.string()),
  industry: optional(z.string()),
  rating: optional(z.string()),
  annualRevenue: optional(z.number()),
  ownerId: optional(salesforceId),
});

export const syncRunInput = z.strictObject({
  accountId: salesforceId
    .optional()
    .describe('Only this Account; without it, every linked Account you can see.'),
  since: dateTime.optional().describe('Only source records changed since then.'),
});

export const LINKED_SERVICES = ['stripe', 'zendesk', 'quickbooks'] as const;

export const syncAllInput = syncRunInput.extend({
  services: z
    .array(z.enum(LINKED_SERVICES))
    .min(1)
    .refine((services) => new Set(services).size === services.length, 'lists a service twice')
    .optional()
    .describe('The services to sync, in this order; all three when absent.'),
});

export const syncResult = z.strictObject({
  source: z.enum(LINKED_SERVICES),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.string()),
  syncedAt: dateTime,
});

export const SYNC_RESULT_SELECTION = 'source created updated unchanged failed errors syncedAt';

export const pageInfo = z.strictObject({
  hasNextPage: z.boolean(),
  endCursor: z
    .string()
    .nullable()
    .describe('Send it as `after` for the next page (the Link header does so).'),
});

export function listPage<T extends z.ZodType>(record: T) {
  return z.strictObject({ data: z.array(record), pageInfo });
}

export const searchHit = z.strictObject({
  type: z.enum(['Account', 'Contact', 'Lead', 'Opportunity']),
  id: z.string(),
  name: z.string(),
});

const money = z.number();

export const pipelineReport = z.strictObject({
  amount: money,
  weightedAmount: money,
  count: z.number().int(),
  asOf: dateTime,
  stages: z.array(
    z.strictObject({
      stageName: z.string(),
      amount: money,
      weightedAmount: money,
      count: z.number().int(),
    }),
  ),
});

const performanceRow = z.strictObject({
  key: z.string(),
  label: z.string(),
  wonCount: z.number().int(),
  lostCount: z.number().int(),
  winRate: z.number(),
  wonAmount: money,
  averageDealSize: money,
  averageSalesCycleDays: z.number().nullable(),
});

export const performanceReport = z.strictObject({
  from: date.nullable(),
  to: date.nullable(),
  total: performanceRow,
  rows: z.array(performanceRow),
});

const PERFORMANCE_ROW_SELECTION =
  '{ key label wonCount lostCount winRate wonAmount averageDealSize averageSalesCycleDays }';
export const PERFORMANCE_SELECTION = `from to total ${PERFORMANCE_ROW_SELECTION} rows ${PERFORMANCE_ROW_SELECTION}`;
export const PIPELINE_SELECTION =
  'amount weightedAmount count asOf stages { stageName amount weightedAmount count }';

export const healthReport = z.strictObject({
  status: z.literal('ok'),
  viewer: z.strictObject({ id: z.string(), name: z.string() }),
  apiUsage: z.strictObject({
    used: z.number().int(),
    max: z.number().int(),
    remaining: z.number().int(),
    reserve: z.number().int(),
    asOf: dateTime,
  }),
});

export const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(ErrorCode),
    message: z.string(),
    requestId: z.string(),
    fields: z
      .record(z.string(), z.string())
      .optional()
      .describe('What is wrong with each query parameter or body field (JSON path).'),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("The GraphQL error's other extensions (reason, retryAfterSeconds, …)."),
  }),
});

export type ErrorBody = z.infer<typeof errorBody>;
