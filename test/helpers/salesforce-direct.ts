import type { Connection } from 'jsforce';
import type { SalesforceEmulatorOptions } from '../../src/emulators/salesforce';
import { startTestGateway, type TestGateway } from './gateway';
import { connectToEmulator } from './salesforce-target';

/** A record as a direct jsforce query returns it. */
export type SalesforceRow = Record<string, unknown> & { Id: string };

/** A direct jsforce session as the gateway's demo user, to read what the answers must be. */
export function directConnection(emulatorUrl: string): Promise<Connection> {
  return connectToEmulator(emulatorUrl, 'integration');
}

/** Every row `soql` matches, following `nextRecordsUrl` past jsforce's default 10,000. */
export async function queryAll(conn: Connection, soql: string): Promise<SalesforceRow[]> {
  const result = await conn.query<SalesforceRow>(soql, { autoFetch: true, maxFetch: 100_000 });
  return result.records;
}

/**
 * The gateway over a fresh emulated org and a direct session on that org. The gateway helper
 * stops both servers in its own `afterAll`.
 */
export async function startGatewayWithDirectSession(
  emulator: SalesforceEmulatorOptions,
): Promise<{ gw: TestGateway; sf: Connection }> {
  const gw = await startTestGateway({ emulator });
  return { gw, sf: await directConnection(gw.emulatorUrl) };
}
