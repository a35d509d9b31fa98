/**
 * A subscriptions bench client process: `subscribers` graphql-ws clients, one socket and one
 * subscription each, on the gateway of another process. Records, per event and subscriber,
 * emulator commit → receipt (the same machine clock) and whether that subscriber already had
 * the event, and reports totals and a latency histogram over IPC.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ClientCommand, ClientReport, ClientStart } from './protocol';

/** Sockets opened at once: more would overflow the gateway's accept backlog. */
const CONNECT_BATCH = 250;

interface Change {
  replayId: string;
  commitTimestamp: string;
}

function send(report: ClientReport): void {
  process.send?.(report);
}

const clients: Client[] = [];
const histogram = new Map<number, number>();
let received = 0;
let duplicates = 0;
let closed = 0;
let errors = 0;
let stopping = false;

function record(seen: Set<string>, change: Change): void {
  received += 1;
  if (seen.has(change.replayId)) duplicates += 1;
  else seen.add(change.replayId);
  const ms = Math.max(0, Date.now() - Date.parse(change.commitTimestamp));
  histogram.set(ms, (histogram.get(ms) ?? 0) + 1);
}

async function start({ url, subscribers, query }: ClientStart): Promise<void> {
  for (let first = 0; first < subscribers; first += CONNECT_BATCH) {
    const batch = Math.min(CONNECT_BATCH, subscribers - first);
    const connected: Array<Promise<void>> = [];
    for (let i = 0; i < batch; i += 1) {
      const seen = new Set<string>();
      let onConnected: () => void = () => {};
      connected.push(new Promise<void>((resolve) => (onConnected = resolve)));
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        on: {
          connected: () => onConnected(),
          closed: () => {
            if (!stopping) closed += 1;
            onConnected();
          },
        },
      });
      clients.push(client);
      client.subscribe<{ accountChanged: Change }>(
        { query },
        {
          next: (result) => {
            const change = result.data?.accountChanged;
            if (change) record(seen, change);
            else errors += 1;
          },
          error: () => {
            if (!stopping) errors += 1;
          },
          complete: () => {},
        },
      );
    }
    await Promise.all(connected);
  }
  send({ type: 'connected', subscribers });
}

process.on('message', (command: ClientCommand) => {
  if (command.type === 'start') {
    start(command).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else if (command.type === 'progress') {
    send({
      type: 'progress',
      id: command.id,
      received,
      duplicates,
      closed,
      errors,
      cpuMicros: process.cpuUsage().user + process.cpuUsage().system,
      histogram: [...histogram],
    });
  } else {
    stopping = true;
    void Promise.all(clients.map((client) => client.dispose())).finally(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
