import { ErrorCode } from '../errors';

const APPLICATION_JSON = /^application\/json\b/i;

function errorCodes(body: string): unknown[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('errors' in parsed)) return undefined;
  const { errors } = parsed;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.map((error: unknown) => {
    if (typeof error !== 'object' || error === null || !('extensions' in error)) return undefined;
    const { extensions } = error;
    return typeof extensions === 'object' && extensions !== null && 'code' in extensions
      ? extensions.code
      : undefined;
  });
}

/**
 * The GraphQL-over-HTTP spec's status for a response Apollo produced. Apollo answers 400 to
 * a document that does not parse or validate, or whose variables do not coerce, whatever the
 * client accepts; the spec wants that only for `application/graphql-response+json`. In
 * `application/json` the request was well formed and the GraphQL response says what went
 * wrong, so the status is 200 (legacy clients read the body only on 200). A 400 for the HTTP
 * request itself (code BAD_REQUEST: CSRF block, missing query, bad parameters) stays.
 */
export function graphQLOverHttpStatus(status: number, contentType: string, body: string): number {
  if (status !== 400 || !APPLICATION_JSON.test(contentType)) return status;
  const codes = errorCodes(body);
  if (codes === undefined || codes.includes(ErrorCode.BAD_REQUEST)) return status;
  return 200;
}
