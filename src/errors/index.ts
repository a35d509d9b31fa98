export { ErrorCode, ERROR_CODE_DESCRIPTIONS } from './codes';
export {
  GatewayError,
  BadUserInputError,
  NotFoundError,
  ForbiddenError,
  UnauthenticatedError,
  ConflictError,
  UpstreamRateLimitedError,
  UpstreamUnavailableError,
  QueryTooComplexError,
  InternalServerError,
  BadRequestError,
  RateLimitedError,
  PersistedQueryNotFoundError,
  PersistedQueryRequiredError,
  type ErrorExtensions,
} from './gateway-errors';
export { errorCodeForSalesforce } from './salesforce-error-codes';
export {
  toGraphQLError,
  fromSalesforceError,
  hasErrorCode,
  type ErrorMappingOptions,
} from './to-graphql-error';
export { createFormatError, MASKED_MESSAGE, type FormatErrorOptions } from './format-error';
export {
  fromAuthError,
  unauthenticated,
  LOGIN_HINT_PATH,
  type UnauthenticatedDetails,
} from './auth-errors-mapping';
