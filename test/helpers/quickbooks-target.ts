import OAuthClient from 'intuit-oauth';
import QuickBooks from 'node-quickbooks';
import {
  DEMO_QUICKBOOKS,
  startQuickBooksEmulator,
  type QuickBooksEmulatorOptions,
  type RunningQuickBooksEmulator,
} from '../../src/emulators/quickbooks';
import { leftovers } from './leftovers';

/** The seed's "today" in the contract suite, so due dates are the same on every run. */
export const QBO_TEST_NOW = '2025-06-30T12:00:00.000Z';

/** Starts an emulator on port 0 whose `stop` is flushed with the file's leftovers. */
export async function startQuickBooks(
  options: QuickBooksEmulatorOptions = {},
): Promise<RunningQuickBooksEmulator> {
  const emulator = await startQuickBooksEmulator({ now: QBO_TEST_NOW, ...options });
  leftovers.push(() => emulator.stop());
  return emulator;
}

/** intuit-oauth pointed at the emulator's token endpoint (a static of the library). */
export function oauthClient(
  emulator: RunningQuickBooksEmulator,
  credentials: { clientId?: string; clientSecret?: string } = {},
): OAuthClient {
  OAuthClient.tokenEndpoint = emulator.tokenUrl;
  return new OAuthClient({
    clientId: credentials.clientId ?? DEMO_QUICKBOOKS.clientId,
    clientSecret: credentials.clientSecret ?? DEMO_QUICKBOOKS.clientSecret,
    environment: 'sandbox',
    redirectUri: 'http://localhost:4000/auth/quickbooks/callback',
  });
}

/** node-quickbooks (OAuth 2) against the emulator, with the given access token. */
export function qboClient(
  emulator: RunningQuickBooksEmulator,
  accessToken: string,
  options: { realmId?: string; minorversion?: string } = {},
): QuickBooks {
  QuickBooks.TOKEN_URL = emulator.tokenUrl;
  const qbo = new QuickBooks(
    DEMO_QUICKBOOKS.clientId,
    DEMO_QUICKBOOKS.clientSecret,
    accessToken,
    false,
    options.realmId ?? emulator.realmId,
    true,
    false,
    options.minorversion ?? '75',
    '2.0',
    DEMO_QUICKBOOKS.refreshToken,
  );
  qbo.endpoint = emulator.endpoint;
  return qbo;
}

/** An access token from the demo refresh token, through intuit-oauth's `refreshUsingToken`. */
export async function accessToken(emulator: RunningQuickBooksEmulator): Promise<string> {
  const response = await oauthClient(emulator).refreshUsingToken(DEMO_QUICKBOOKS.refreshToken);
  return (response.getJson() as { access_token: string }).access_token;
}

export async function connectQuickBooks(emulator: RunningQuickBooksEmulator): Promise<QuickBooks> {
  return qboClient(emulator, await accessToken(emulator));
}

type NodeCallback<T> = (err: unknown, data?: T) => void;

/** node-quickbooks is callback-only. */
export function call<T>(invoke: (callback: NodeCallback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    invoke((err, data) => (err ? reject(err) : resolve(data as T))),
  );
}

/** What node-quickbooks rejects with on an HTTP error: axios' error with the response. */
export interface HttpFailure {
  response?: { status: number; headers: Record<string, string>; data: Record<string, unknown> };
  code?: string;
  message?: string;
}

export async function failure(promise: Promise<unknown>): Promise<HttpFailure> {
  try {
    await promise;
  } catch (err) {
    return err as HttpFailure;
  }
  throw new Error('expected the call to fail');
}

/** The data-service Fault of a failed call: `{Fault:{Error:[...], type}, time}`. */
export function faultOf(err: HttpFailure): {
  status: number;
  type: string;
  error: { Message: string; Detail?: string; code: string };
} {
  const body = err.response?.data as
    | { Fault: { type: string; Error: Array<{ Message: string; Detail?: string; code: string }> } }
    | undefined;
  if (!body?.Fault)
    throw new Error(`no Fault in ${JSON.stringify(err.response?.data ?? err.message)}`);
  return { status: err.response?.status ?? 0, type: body.Fault.type, error: body.Fault.Error[0]! };
}

/** The gateway-level fault (401/403/429): `{fault:{error:[{message, detail, code}], type}}`. */
export function gatewayFaultOf(err: HttpFailure): {
  status: number;
  type: string;
  error: { message: string; detail: string | null; code: string };
} {
  const body = err.response?.data as
    | {
        fault: {
          type: string;
          error: Array<{ message: string; detail: string | null; code: string }>;
        };
      }
    | undefined;
  if (!body?.fault)
    throw new Error(`no fault in ${JSON.stringify(err.response?.data ?? err.message)}`);
  return { status: err.response?.status ?? 0, type: body.fault.type, error: body.fault.error[0]! };
}

export async function admin(
  emulator: RunningQuickBooksEmulator,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

export interface QboStats {
  total: number;
  byEndpoint: Record<string, number>;
  oauth: Record<string, number>;
}

export async function stats(emulator: RunningQuickBooksEmulator): Promise<QboStats> {
  return (await admin(emulator, 'stats')).json as unknown as QboStats;
}
