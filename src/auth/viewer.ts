import type { AuthMode } from '../config/config.types';

/** Who a request acts as; resolved once per request (HTTP) or connection (WebSocket). */
export interface Viewer {
  userId: string;
  orgId: string;
  username: string;
  /** demo: the emulator's integration user; integration: a live org's; user: per-user OAuth. */
  mode: AuthMode;
  /** Cross-request cache partition: records cached for one scope are never served to another. */
  cacheScope: string;
  /** integration: the API key entry the caller presented (its rate-limit budget), never the key. */
  apiKeyName?: string;
}
