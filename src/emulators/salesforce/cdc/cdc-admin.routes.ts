import { SalesforceError } from '../model/errors';
import type { ChangeDataCapture } from './cdc-types';
import { isGapChangeType } from './change-data-capture';

export interface CdcAdminReply {
  status: number;
  body: unknown;
}

const ROUTES = ['/__emulator/cdc/gap', '/__emulator/cdc/drop-clients', '/__emulator/cdc/events'];

/**
 * The CDC knobs under `/__emulator/cdc/`: `POST gap` `{changeType, entityName, recordIds}`,
 * `POST drop-clients` (optional `{clientId}`), `GET events`. Undefined for any other path, so
 * the emulator's admin router can fall through to its own routes.
 */
export function handleCdcAdminRequest(
  cdc: ChangeDataCapture,
  method: string,
  path: string,
  body: Buffer,
): CdcAdminReply | undefined {
  const normalized = path.replace(/\/$/, '');
  if (!ROUTES.includes(normalized)) return undefined;
  const route = `${method} ${normalized}`;
  if (route === 'GET /__emulator/cdc/events') {
    return { status: 200, body: { clients: cdc.clients(), events: cdc.events() } };
  }
  const input = parseObject(body);
  if (typeof input === 'string') return { status: 400, body: { error: input } };
  if (route === 'POST /__emulator/cdc/drop-clients') {
    const { clientId } = input;
    if (clientId !== undefined && typeof clientId !== 'string') {
      return { status: 400, body: { error: 'clientId must be a string' } };
    }
    return { status: 200, body: { dropped: cdc.dropClient(clientId) } };
  }
  if (route === 'POST /__emulator/cdc/gap') {
    const { changeType, entityName, recordIds } = input;
    if (!isGapChangeType(changeType)) {
      return {
        status: 400,
        body: {
          error:
            'changeType must be GAP_CREATE, GAP_UPDATE, GAP_DELETE, GAP_UNDELETE or GAP_OVERFLOW',
        },
      };
    }
    if (typeof entityName !== 'string') {
      return { status: 400, body: { error: 'entityName must be a string' } };
    }
    const ids = recordIds ?? [];
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
      return { status: 400, body: { error: 'recordIds must be an array of Ids' } };
    }
    try {
      return { status: 200, body: cdc.emitGap(changeType, entityName, ids as string[]) };
    } catch (error) {
      if (error instanceof SalesforceError) return { status: 400, body: { error: error.message } };
      throw error;
    }
  }
  return { status: 405, body: { error: `method ${method} not allowed` } };
}

function parseObject(body: Buffer): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return 'body must be JSON';
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : 'body must be a JSON object';
}
