import { ErrorCode } from './codes';

/**
 * Salesforce `errorCode` / DML `statusCode` → our code. Salesforce's list:
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#statuscode
 */
const BY_SALESFORCE_CODE: Record<string, ErrorCode> = {
  INVALID_FIELD: ErrorCode.BAD_USER_INPUT,
  MALFORMED_QUERY: ErrorCode.BAD_USER_INPUT,
  MALFORMED_SEARCH: ErrorCode.BAD_USER_INPUT,
  INVALID_SEARCH: ErrorCode.BAD_USER_INPUT,
  INVALID_TYPE: ErrorCode.BAD_USER_INPUT,
  INVALID_QUERY_FILTER_OPERATOR: ErrorCode.BAD_USER_INPUT,
  INVALID_QUERY_LOCATOR: ErrorCode.BAD_USER_INPUT,
  NUMBER_OUTSIDE_VALID_RANGE: ErrorCode.BAD_USER_INPUT,
  REQUIRED_FIELD_MISSING: ErrorCode.BAD_USER_INPUT,
  STRING_TOO_LONG: ErrorCode.BAD_USER_INPUT,
  INVALID_EMAIL_ADDRESS: ErrorCode.BAD_USER_INPUT,
  FIELD_CUSTOM_VALIDATION_EXCEPTION: ErrorCode.BAD_USER_INPUT,
  FIELD_INTEGRITY_EXCEPTION: ErrorCode.BAD_USER_INPUT,
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: ErrorCode.BAD_USER_INPUT,
  INVALID_FIELD_FOR_INSERT_UPDATE: ErrorCode.BAD_USER_INPUT,
  INVALID_FIELD_WHEN_USING_TEMPLATE: ErrorCode.BAD_USER_INPUT,
  MALFORMED_ID: ErrorCode.BAD_USER_INPUT,
  INVALID_ID_FIELD: ErrorCode.BAD_USER_INPUT,
  INVALID_CROSS_REFERENCE_KEY: ErrorCode.BAD_USER_INPUT,
  INVALID_STATUS: ErrorCode.BAD_USER_INPUT,
  JSON_PARSER_ERROR: ErrorCode.BAD_USER_INPUT,
  EXCEEDED_ID_LIMIT: ErrorCode.BAD_USER_INPUT,
  CONVERTED_LEAD_ALREADY_CONVERTED: ErrorCode.BAD_USER_INPUT,
  CANNOT_UPDATE_CONVERTED_LEAD: ErrorCode.BAD_USER_INPUT,
  // Salesforce's HTML 414 as normalize-error names it: the client's filter made the URL too long.
  REQUEST_URI_TOO_LONG: ErrorCode.BAD_USER_INPUT,
  NOT_FOUND: ErrorCode.NOT_FOUND,
  ENTITY_IS_DELETED: ErrorCode.NOT_FOUND,
  INSUFFICIENT_ACCESS_OR_READONLY: ErrorCode.FORBIDDEN,
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: ErrorCode.FORBIDDEN,
  INSUFFICIENT_ACCESS: ErrorCode.FORBIDDEN,
  API_DISABLED_FOR_ORG: ErrorCode.FORBIDDEN,
  DUPLICATE_VALUE: ErrorCode.CONFLICT,
  DUPLICATES_DETECTED: ErrorCode.CONFLICT,
  DUPLICATE_EXTERNAL_ID: ErrorCode.CONFLICT,
  UNABLE_TO_LOCK_ROW: ErrorCode.CONFLICT,
  ENTITY_IS_LOCKED: ErrorCode.CONFLICT,
  REQUEST_LIMIT_EXCEEDED: ErrorCode.UPSTREAM_RATE_LIMITED,
  SERVER_UNAVAILABLE: ErrorCode.UPSTREAM_UNAVAILABLE,
  UNAVAILABLE: ErrorCode.UPSTREAM_UNAVAILABLE,
  TIMEOUT: ErrorCode.UPSTREAM_UNAVAILABLE,
  NETWORK_ERROR: ErrorCode.UPSTREAM_UNAVAILABLE,
  INVALID_SESSION_ID: ErrorCode.UPSTREAM_UNAVAILABLE,
  INVALID_AUTH_HEADER: ErrorCode.UPSTREAM_UNAVAILABLE,
};

/**
 * Codes meaning the org refused the gateway's OWN login (its integration user's JWT or
 * client credentials): they reach the mapping only after jsforce's re-login failed, and a
 * per-user session that ended is reported by the auth layer before them. A server-side
 * configuration fault, not the client's credentials: UPSTREAM_UNAVAILABLE, never
 * UNAUTHENTICATED.
 */
export const GATEWAY_CREDENTIALS_REJECTED: ReadonlySet<string> = new Set([
  'INVALID_SESSION_ID',
  'INVALID_AUTH_HEADER',
]);

/** Our code for a Salesforce error; undefined when nothing specific applies. */
export function errorCodeForSalesforce(
  errorCode: string,
  statusCode: number | undefined,
): ErrorCode | undefined {
  const known = BY_SALESFORCE_CODE[errorCode];
  if (known !== undefined) return known;
  if (statusCode === 429) return ErrorCode.UPSTREAM_RATE_LIMITED;
  if (statusCode !== undefined && statusCode >= 500) return ErrorCode.UPSTREAM_UNAVAILABLE;
  // A body that was no Salesforce error (a proxy's or load balancer's page): not the client's fault.
  if (/^ERROR_HTTP_\d{3}$/.test(errorCode)) return ErrorCode.UPSTREAM_UNAVAILABLE;
  if (statusCode === 404) return ErrorCode.NOT_FOUND;
  return undefined;
}
