import type { KeyObject } from 'node:crypto';
import type { ChangeDataCapture } from './cdc';
import type { ApiUsage } from './http/api-usage';
import type { Outage } from '../http-kit/outage';
import type { QueryLocatorStore } from './http/query-locator-store';
import type { RequestLog } from './http/request-log';
import type { ResolvedEmulatorOptions } from './emulator-options';
import type { SigningKey } from './oauth/jwt';
import type { SessionStore } from './oauth/session-store';
import type { OrgStore } from './store';

/** Everything a request handler of the emulator may touch; one per running emulator. */
export interface EmulatorContext {
  readonly store: OrgStore;
  readonly options: ResolvedEmulatorOptions;
  readonly sessions: SessionStore;
  readonly usage: ApiUsage;
  readonly locators: QueryLocatorStore;
  /** The last requests received (method, path, X-Request-Id), for tests. */
  readonly requests: RequestLog;
  readonly signingKey: SigningKey;
  readonly jwtPublicKey: KeyObject | undefined;
  readonly cdc: ChangeDataCapture;
  /** The `offline` fault: while it lasts, every non-admin request is cut off. */
  readonly outage: Outage;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  baseUrl(): string;
}
