import {
  startSalesforceEmulator,
  type EmulatorStats,
  type RunningSalesforceEmulator,
  type SalesforceEmulatorOptions,
} from '../../../src/emulators/salesforce';
import { leftovers } from '../../helpers/leftovers';

const INTEGRATION_USERNAME = 'integration@atom-demo.org';

/** `POST /__emulator/faults`, as README "Knobs and admin API" lists them. */
export interface FaultKnobs {
  serverUnavailable?: number;
  expireSessions?: boolean;
  exhaustLimit?: boolean;
  latencyMs?: number;
  offline?: number;
}

/** An emulated org standing in for a real one, driven only through its HTTP admin API. */
export interface ReliabilityOrg {
  url: string;
  faults(knobs: FaultKnobs): Promise<void>;
  stats(): Promise<EmulatorStats>;
  resetStats(): Promise<void>;
  /** Data, daily counter and faults back to the seed; `sessions` also revokes every grant. */
  reset(options?: { sessions?: boolean }): Promise<void>;
  dropCometdClients(): Promise<number>;
  cometdClients(): Promise<string[]>;
}

async function admin(url: string, method: 'GET' | 'POST', body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A fresh org per scenario, in the test's process, on 127.0.0.1:0; stopped with the file's
 * leftovers (after the gateway that talks to it).
 */
export async function startOrg(
  options: SalesforceEmulatorOptions = {},
): Promise<ReliabilityOrg & { emulator: RunningSalesforceEmulator }> {
  const emulator = await startSalesforceEmulator({
    port: 0,
    scale: 1,
    clientCredentialsUsername: INTEGRATION_USERNAME,
    ...options,
  });
  leftovers.push(() => emulator.stop());
  return { ...orgAt(emulator.url), emulator };
}

/** The admin API of an org at `url`, wherever it runs (the demo one lives in the gateway). */
export function orgAt(url: string): ReliabilityOrg {
  const base = `${url}/__emulator`;
  return {
    url,
    faults: async (knobs) => {
      await admin(`${base}/faults`, 'POST', knobs);
    },
    stats: async () => (await admin(`${base}/stats`, 'GET')) as EmulatorStats,
    resetStats: async () => {
      await admin(`${base}/stats/reset`, 'POST', {});
    },
    reset: async (resetOptions = {}) => {
      await admin(`${base}/reset${resetOptions.sessions ? '?sessions=1' : ''}`, 'POST', {});
    },
    dropCometdClients: async () =>
      ((await admin(`${base}/cdc/drop-clients`, 'POST', {})) as { dropped: number }).dropped,
    cometdClients: async () =>
      ((await admin(`${base}/cdc/events`, 'GET')) as { clients: string[] }).clients,
  };
}
