import type { HttpReply } from '../../../http-kit/http-io';
import type { RouteParams } from '../../../http-kit/router';
import type { User } from '../../model/types';
import type { ZendeskStore } from '../../store/zendesk-store';
import type { ZendeskEventSink } from '../../webhooks/zendesk-events';
import { recordNotFound, ZendeskApiError } from '../zendesk-replies';

/** One authenticated API call as a handler sees it. */
export interface ApiRequest {
  store: ZendeskStore;
  /** `http://host/api/v2` as the client addressed it: the base of `url`s and page links. */
  apiBase: string;
  params: RouteParams;
  query: URLSearchParams;
  user: User;
  now: Date;
  /** The raw request body (JSON for writes). */
  body: Buffer;
  /** Where writes report their data changes (webhook events). */
  events: ZendeskEventSink;
}

export interface ApiRoute {
  /** The key `/__emulator/stats` counts calls under. */
  endpoint: string;
  handle(req: ApiRequest): HttpReply;
}

/** A numeric path id; anything else is a record that cannot exist. */
export function idParam(req: ApiRequest, name = 'id'): number {
  const raw = req.params[name] ?? '';
  if (!/^\d+$/.test(raw)) throw new ZendeskApiError(recordNotFound());
  return Number(raw);
}

/** Zendesk's `show_many` lists take up to 100 values; the rest are ignored. */
export const SHOW_MANY_LIMIT = 100;

export function listParam(query: URLSearchParams, name: string): string[] {
  return (query.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .slice(0, SHOW_MANY_LIMIT);
}

export function found<T>(record: T | undefined): T {
  if (record === undefined) throw new ZendeskApiError(recordNotFound());
  return record;
}
