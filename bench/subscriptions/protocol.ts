/**
 * The IPC messages between the subscriptions bench's processes: the orchestrator
 * (`run.ts`), the gateway process (`gateway-process.ts`) and the client processes
 * (`client-process.ts`). Plain JSON over `process.send`.
 */

/** Orchestrator → gateway process. */
export type GatewayCommand = { type: 'measure'; id: number } | { type: 'stop' };

export interface GatewayMeasurement {
  type: 'measurement';
  id: number;
  /** After two full collections (the process runs with --expose-gc). */
  rssBytes: number;
  heapUsedBytes: number;
  /** Subscribers the live feed counts (every member of every shared group). */
  subscribers: number;
  sharedGroups: number;
  sharedExecutions: number;
  /** process.cpuUsage(), user + system, microseconds since the process started. */
  cpuMicros: number;
}

/** Gateway process → orchestrator. */
export type GatewayReport =
  { type: 'ready'; gatewayUrl: string; emulatorUrl: string } | GatewayMeasurement;

export interface ClientStart {
  type: 'start';
  /** ws:// URL of the gateway's GraphQL endpoint. */
  url: string;
  subscribers: number;
  query: string;
}

/** Orchestrator → client process. */
export type ClientCommand = ClientStart | { type: 'progress'; id: number } | { type: 'stop' };

export interface ClientProgress {
  type: 'progress';
  id: number;
  /** Events received, duplicates included. */
  received: number;
  /** Events a subscriber received more than once (one per extra copy). */
  duplicates: number;
  /** Sockets closed by the server (slow consumer 4008, errors): each loses what follows. */
  closed: number;
  errors: number;
  /** process.cpuUsage(), user + system, microseconds since the process started. */
  cpuMicros: number;
  /** Latency (commit → receipt) histogram: [milliseconds, count] pairs. */
  histogram: Array<[number, number]>;
}

/** Client process → orchestrator. */
export type ClientReport = { type: 'connected'; subscribers: number } | ClientProgress;
