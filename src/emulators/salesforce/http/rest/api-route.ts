import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorContext } from '../../emulator-context';
import { visibleObject } from '../../metadata/field-security';
import { SalesforceError } from '../../model/errors';
import type { EmulatorUser, ObjectDef } from '../../model/types';
import type { HttpReply } from '../http-io';
import type { RouteParams } from '../../../http-kit/router';

/** One authenticated REST API call, already admitted against the daily limit. */
export interface ApiCall {
  ctx: EmulatorContext;
  user: EmulatorUser;
  /** From the path, without the `v`: `59.0`. */
  apiVersion: string;
  params: RouteParams;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ApiRoute {
  /** The name the call is counted under in `/__emulator/stats`. */
  endpoint: string;
  handle(call: ApiCall): HttpReply;
}

export const notFound = (): SalesforceError =>
  new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');

/**
 * Object metadata by any-case name, as the calling user's field-level security shows it;
 * unknown objects are a 404 like Salesforce's.
 */
export function requireObject(call: ApiCall, name: string | undefined): ObjectDef {
  const def = name === undefined ? undefined : call.ctx.store.describe(name);
  if (!def) throw notFound();
  return visibleObject(def, call.user);
}

export function parseJsonBody(call: ApiCall): unknown {
  const text = call.body.toString('utf8');
  if (text.trim() === '') {
    throw new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      'No content to map due to end-of-input at [line:1, column:0]',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      `Unexpected character in JSON body: ${detail}`,
    );
  }
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireJsonObject(value: unknown): Record<string, unknown> {
  if (!isJsonObject(value)) {
    throw new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      'Cannot deserialize instance of object from non-object value at [line:1, column:1]',
    );
  }
  return value;
}

/** Request field values without `attributes`, which Salesforce accepts and ignores. */
export function fieldValues(
  record: Record<string, unknown>,
  omit: string[] = [],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'attributes' || omit.includes(key)) continue;
    values[key] = value;
  }
  return values;
}
