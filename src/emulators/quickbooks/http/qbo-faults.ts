import { qboDateTime } from '../seed/qbo-time';
import type { HttpReply } from './http-io';
import { jsonReply } from './http-io';

export interface FaultError {
  Message: string;
  Detail?: string;
  code: string;
  element?: string;
}

/** A data-service Fault: `{"Fault":{"Error":[...],"type"},"time"}` (e.g. ValidationFault). */
export function fault(status: number, type: string, error: FaultError, now: Date): HttpReply {
  return jsonReply(status, { Fault: { Error: [error], type }, time: qboDateTime(now.getTime()) });
}

/**
 * What QBO's API gateway answers before the request reaches the company (bad or expired
 * token, wrong realm, throttling): a different, lower-case envelope. Observed from the real
 * service, e.g. routablehq/python-quickbooks#250 and intuit/oauth-jsclient#2.
 */
export function gatewayFault(
  status: number,
  type: 'AUTHENTICATION' | 'SERVICE',
  message: string,
  code: string,
  detail: string | null,
  now: Date,
  headers: Record<string, string> = {},
): HttpReply {
  return jsonReply(
    status,
    {
      warnings: null,
      intuitObject: null,
      fault: { error: [{ message, detail, code, element: null }], type },
      report: null,
      queryResponse: null,
      batchItemResponse: [],
      attachableResponse: [],
      syncErrorResponse: null,
      requestId: null,
      time: now.getTime(),
      status: null,
      cdcresponse: [],
    },
    headers,
  );
}

export const authenticationFailed = (detail: string, now: Date): HttpReply =>
  gatewayFault(
    401,
    'AUTHENTICATION',
    'message=AuthenticationFailed; errorCode=003200; statusCode=401',
    '3200',
    detail,
    now,
  );

export const authorizationFailed = (now: Date): HttpReply =>
  gatewayFault(
    403,
    'SERVICE',
    'message=AuthorizationFailed; errorCode=003100; statusCode=403',
    '3100',
    null,
    now,
  );

export const throttled = (retryAfterSeconds: number, now: Date): HttpReply =>
  gatewayFault(
    429,
    'SERVICE',
    'message=ThrottleExceeded; errorCode=003001; statusCode=429',
    '3001',
    'The request limit was reached.',
    now,
    { 'Retry-After': String(retryAfterSeconds) },
  );

export const systemFault = (status: number, now: Date): HttpReply =>
  fault(
    status,
    'SystemFault',
    {
      Message: 'An application error has occurred while processing your request',
      Detail: 'System Failure Error: Service temporarily unavailable',
      code: '10000',
    },
    now,
  );

export const objectNotFound = (entity: string, id: string, now: Date): HttpReply =>
  fault(
    400,
    'ValidationFault',
    {
      Message: 'Object Not Found',
      Detail: `Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees. (${entity} ${id})`,
      code: '610',
      element: 'Id',
    },
    now,
  );

export const unsupportedOperation = (path: string, now: Date): HttpReply =>
  fault(
    400,
    'ValidationFault',
    {
      Message: 'Unsupported Operation',
      Detail: `Operation Could not find resource for relative : ${path} is not supported.`,
      code: '500',
    },
    now,
  );
