/**
 * What jsforce throws, narrowed from `unknown`: REST errors are HttpApiError with
 * `errorCode` (= `name`) and `data` (the `{message, errorCode, fields}` object); OAuth
 * errors are plain Errors whose `name` is the OAuth `error` (`invalid_grant`) and whose
 * message is `error_description`.
 */
export interface SalesforceCallError {
  errorCode: string;
  message: string;
  fields: string[];
  data: unknown;
}

function fieldsOf(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const fields = (data as { fields?: unknown }).fields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}

export function toSalesforceCallError(error: unknown): SalesforceCallError {
  if (!(error instanceof Error)) {
    throw new Error(`expected jsforce to throw an Error, got ${String(error)}`);
  }
  const { errorCode, data } = error as Error & { errorCode?: unknown; data?: unknown };
  return {
    errorCode: typeof errorCode === 'string' ? errorCode : error.name,
    message: error.message,
    fields: fieldsOf(data),
    data,
  };
}

/** Awaits a jsforce call that must fail and returns what it threw. */
export async function catchSalesforceError(
  call: PromiseLike<unknown>,
): Promise<SalesforceCallError> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    return toSalesforceCallError(error);
  }
  throw new Error(
    `expected the call to fail, it returned ${JSON.stringify(result)?.slice(0, 500)}`,
  );
}

export async function expectSalesforceError(
  call: PromiseLike<unknown>,
  errorCode: string,
  message?: RegExp,
): Promise<SalesforceCallError> {
  const error = await catchSalesforceError(call);
  expect({ errorCode: error.errorCode, message: error.message }).toEqual({
    errorCode,
    message: message ? expect.stringMatching(message) : expect.any(String),
  });
  return error;
}

/** A per-record error of a collection/convertLead result (`statusCode`, not `errorCode`). */
export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

export function recordErrorsOf(result: unknown): RecordError[] {
  if (typeof result !== 'object' || result === null) return [];
  const errors = (result as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e: unknown) => {
    const item = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    return {
      statusCode: typeof item.statusCode === 'string' ? item.statusCode : String(item.errorCode),
      message: typeof item.message === 'string' ? item.message : '',
      fields: fieldsOf(item),
    };
  });
}
