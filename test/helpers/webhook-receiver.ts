/**
 * A tiny webhook endpoint on 127.0.0.1:0 for the emulators' outgoing webhooks: it keeps every
 * request (raw body and headers) and answers 200, or a status the test queued first (to prove
 * retries). Closed with the file's leftovers.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { leftovers } from './leftovers';
import { waitFor } from './wait-for';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** What the receiver answered. */
  status: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order (answered with a queued status or 200). */
  requests: ReceivedWebhook[];
  /** Requests answered 200. */
  delivered(): ReceivedWebhook[];
  /** The next requests get these statuses, in order. */
  answerNext(...statuses: number[]): void;
  /** Resolves once `count` requests were answered 200. */
  waitForDelivered(count: number): Promise<ReceivedWebhook[]>;
  /** Keeps requests unanswered (and unrecorded) until `release()`. */
  hold(): void;
  release(): void;
  /** Requests waiting for `release()`. */
  held(): number;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const queued: number[] = [];
  let holding = false;
  const parked: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => (holding ? parked.push(answer) : answer()));
    const answer = (): void => {
      const status = queued.shift() ?? 200;
      requests.push({
        path: req.url ?? '/',
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  leftovers.push(
    () => new Promise<void>((resolve) => server.close(() => resolve())),
    () => server.closeAllConnections(),
  );
  const { port } = server.address() as AddressInfo;
  const delivered = () => requests.filter((r) => r.status < 300);
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    delivered,
    answerNext: (...statuses) => queued.push(...statuses),
    waitForDelivered: async (count) => {
      await waitFor(() => delivered().length >= count, 10_000);
      return delivered();
    },
    hold: () => (holding = true),
    release: () => {
      holding = false;
      for (const answer of parked.splice(0)) answer();
    },
    held: () => parked.length,
  };
}

/** The admin API's webhook routes of one emulator, over plain fetch. */
export function webhookAdmin(baseUrl: string) {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}/__emulator/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    configure: (body: unknown) => post('webhooks', body),
    trigger: (body: unknown = {}) => post('webhooks/trigger', body),
    status: async () =>
      (await (await fetch(`${baseUrl}/__emulator/webhooks`)).json()) as Record<string, unknown>,
  };
}

/** A URL where nothing listens (a port just closed): every delivery attempt is refused. */
export async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hooks`;
}
