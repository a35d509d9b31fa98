import type { z } from 'zod';
import type { ListParamsSpec } from './rest-query-params';

export type RestMethod = 'GET' | 'POST' | 'PUT';

/** A query parameter of a non-list route: its schema coerces and checks the raw string. */
export interface QueryParamSpec {
  schema: z.ZodType;
  description: string;
  required?: boolean;
}

/** What a route's operation receives from the request, parsed and validated. */
export interface RestInput {
  /** `{id}` and other path segments, by name. */
  path: Readonly<Record<string, string>>;
  /** The query parameters parsed by `list` or `query`. */
  query: Readonly<Record<string, unknown>>;
  /** The JSON body parsed by `body`; undefined without one. */
  body: Readonly<Record<string, unknown>> | undefined;
}

/** What a route answers with once its operation succeeded. */
export interface RestSuccess {
  status: number;
  body: unknown;
  /** `Location` of a created record (201). */
  location?: string;
  /** The list page, for the `Link` header. */
  page?: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * One REST endpoint: the fixed GraphQL operation that serves it, how the request becomes its
 * variables and its data the answer, and the schemas of both. The router and the OpenAPI
 * document are both made from the table of these (rest-route-table.ts).
 */
export interface RestRoute {
  operationId: string;
  method: RestMethod;
  /** OpenAPI path template: `/salesforce/accounts/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description: string;
  /** The GraphQL document, run through the same Apollo server as /graphql. */
  document: string;
  /** Filters, `sort` and paging of a list or report (rest-query-params.ts). */
  list?: ListParamsSpec;
  /** The named query parameters of any other route. */
  query?: Readonly<Record<string, QueryParamSpec>>;
  /** The JSON body: required when set; a route without one takes none. */
  body?: z.ZodType<Record<string, unknown>>;
  variables(input: RestInput): Record<string, unknown>;
  /** The answer from the operation's `data`; null data of the root field is a 404. */
  respond(data: Record<string, unknown>, input: RestInput): RestSuccess | undefined;
  success: { status: number; description: string; schema: z.ZodType };
  /**
   * `read`: a single record; the answer carries an ETag and honours If-None-Match.
   * `write`: an update; If-Match is checked against the record read by `readRoute` first.
   */
  etag?: 'read' | 'write' | 'created';
  /** The GraphQL type of the record a `{id}` route reads or writes (its 404 names it). */
  recordType?: string;
  /** The read route of the same record, for If-Match. */
  readRoute?: RestRoute;
  /** Error statuses besides the ones every route may answer (400, 401, 403, 429, 5xx). */
  errors: readonly number[];
}
