import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { SalesforceError } from '../model/errors';
import { to18 } from '../model/ids';
import type { ChangeEvent } from '../model/types';
import {
  ALL_CHANGE_EVENTS_CHANNEL,
  cdcEntity,
  entityChannel,
  resolveChannel,
} from './cdc-channels';
import type {
  ChangeDataCapture,
  ChangeDataCaptureDeps,
  GapChangeType,
  StoredEvent,
} from './cdc-types';
import { ChangeEventFactory, type UnnumberedEvent } from './change-event-factory';
import { CometdEngine } from './cometd-engine';
import { CometdProtocolExtension } from './cometd-protocol.extension';
import { createNodeAdapter } from './faye-adapter';
import { REPLAY_NEW, RetainedEventLog } from './retained-event-log';

const GAP_KINDS: readonly GapChangeType[] = [
  'GAP_CREATE',
  'GAP_UPDATE',
  'GAP_DELETE',
  'GAP_UNDELETE',
  'GAP_OVERFLOW',
];
const DEFAULT_RETENTION_HOURS = 72;
const DEFAULT_TIMEOUT_SECONDS = 110;

export function isGapChangeType(value: unknown): value is GapChangeType {
  return typeof value === 'string' && (GAP_KINDS as readonly string[]).includes(value);
}

/**
 * Change Data Capture for the emulated org: every committed write of a CDC-enabled object
 * becomes a change event on `/data/ChangeEvents` and `/data/<Object>ChangeEvent`, retained
 * for replay and served over CometD (faye) at `/cometd/<version>`, long-polling only.
 */
export function createChangeDataCapture(deps: ChangeDataCaptureDeps): ChangeDataCapture {
  const { store, clock } = deps;
  const log = new RetainedEventLog({
    clock,
    retentionHours: deps.retentionHours ?? DEFAULT_RETENTION_HOURS,
    seed: deps.seed ?? 1,
  });
  const factory = new ChangeEventFactory({
    describe: (name) => store.describe(name),
    apiVersion: deps.apiVersion ?? '59.0',
  });
  const engine = new CometdEngine();
  const adapter = createNodeAdapter({
    mount: '/cometd',
    timeout: deps.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    engine: { type: engine.factory },
  });
  const replayFrom = new Map<string, number>();
  const replayKey = (clientId: string, channel: string): string => `${clientId} ${channel}`;

  adapter.addExtension(
    new CometdProtocolExtension({
      authenticate: deps.authenticate,
      isReplayable: (from) => log.isReplayable(from),
      setReplayFrom: (clientId, channel, from) =>
        replayFrom.set(replayKey(clientId, channel), from),
      dropClient: (clientId) => engine.destroyClient(clientId),
    }),
  );
  engine.onSubscribe((clientId, channel) => {
    const key = replayKey(clientId, channel);
    const from = replayFrom.get(key) ?? REPLAY_NEW;
    replayFrom.delete(key);
    const history = log.replay(from, resolveChannel(channel)?.entityName) ?? [];
    engine.enqueue(
      clientId,
      history.map((e) => ({ channel, data: e.data })),
    );
  });

  function publish(event: UnnumberedEvent, entityName: string): StoredEvent {
    const stored: StoredEvent = {
      replayId: log.nextReplayId(),
      entityName,
      storedAt: clock().getTime(),
      data: { ...event, event: { replayId: 0 } },
    };
    stored.data.event.replayId = stored.replayId;
    log.append(stored);
    for (const channel of [ALL_CHANGE_EVENTS_CHANNEL, entityChannel(entityName)]) {
      engine.publish({ channel, data: stored.data }, [channel]);
    }
    return stored;
  }

  const stopListening = store.onChange((change: ChangeEvent) => {
    const entityName = cdcEntity(change.entityName);
    if (entityName) publish(factory.fromChange(change), entityName);
  });

  return {
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      if (!isCometdPath(req.url)) return false;
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' });
        res.end('CometD is served over long-polling POST only');
        return true;
      }
      adapter.handle(req, res);
      return true;
    },

    rejectUpgrade(req: IncomingMessage, socket: Duplex): boolean {
      if (!isCometdPath(req.url)) return false;
      socket.end(
        'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n' +
          'Invalid connection type websocket',
      );
      return true;
    },

    emitGap(kind: GapChangeType, entityName: string, recordIds: string[]): StoredEvent {
      if (!isGapChangeType(kind)) {
        throw new SalesforceError(
          400,
          'INVALID_INPUT',
          `changeType must be one of ${GAP_KINDS.join(', ')}`,
        );
      }
      const entity = cdcEntity(entityName);
      if (!entity) {
        throw new SalesforceError(
          400,
          'INVALID_TYPE',
          `${entityName} is not enabled for Change Data Capture`,
        );
      }
      const ids = recordIds.map((id) => to18(id));
      if (kind !== 'GAP_OVERFLOW' && (ids.length === 0 || ids.some((id) => id === undefined))) {
        throw new SalesforceError(400, 'MALFORMED_ID', 'recordIds must be one or more record Ids');
      }
      const commitUser = store.users().find((u) => u.viewAllData)?.Id ?? '';
      const event = factory.gap(
        kind,
        entity,
        ids.filter((id): id is string => id !== undefined),
        clock().getTime(),
        commitUser,
      );
      return publish(event, entity);
    },

    dropClient(clientId?: string): number {
      const ids = clientId === undefined ? engine.clientIds() : [clientId];
      let dropped = 0;
      for (const id of ids) {
        if (!engine.clientIds().includes(id)) continue;
        engine.destroyClient(id);
        dropped++;
      }
      return dropped;
    },

    detachConnections: () => engine.detachConnections(),

    clients: () => engine.clientIds(),

    events: () => log.all(),

    async close(): Promise<void> {
      stopListening();
      adapter.close();
      engine.disconnect();
    },
  };
}

function isCometdPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return path === '/cometd' || path.startsWith('/cometd/');
}
