import type { ChangeDataCapture, StoredEvent } from './cdc-types';
import { handleCdcAdminRequest } from './cdc-admin.routes';

function fakeCdc(): ChangeDataCapture & { gaps: unknown[][] } {
  const gaps: unknown[][] = [];
  return {
    gaps,
    handle: () => false,
    rejectUpgrade: () => false,
    emitGap: (...args) => {
      gaps.push(args);
      return { replayId: 3 } as StoredEvent;
    },
    dropClient: (id) => (id === undefined ? 2 : 1),
    detachConnections: () => undefined,
    clients: () => ['c1', 'c2'],
    events: () => [],
    close: async () => undefined,
  };
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe('handleCdcAdminRequest', () => {
  it('leaves other admin paths to the emulator', () => {
    expect(
      handleCdcAdminRequest(fakeCdc(), 'GET', '/__emulator/stats', Buffer.alloc(0)),
    ).toBeUndefined();
  });

  it('emits a gap from {changeType, entityName, recordIds}', () => {
    const cdc = fakeCdc();
    const reply = handleCdcAdminRequest(
      cdc,
      'POST',
      '/__emulator/cdc/gap',
      json({ changeType: 'GAP_DELETE', entityName: 'Lead', recordIds: ['00Q000000000001AAA'] }),
    );
    expect(reply).toEqual({ status: 200, body: { replayId: 3 } });
    expect(cdc.gaps).toEqual([['GAP_DELETE', 'Lead', ['00Q000000000001AAA']]]);
  });

  it('answers 400 for bad input and 405 for a wrong method', () => {
    const cdc = fakeCdc();
    const post = (body: Buffer) => handleCdcAdminRequest(cdc, 'POST', '/__emulator/cdc/gap', body);
    expect(post(Buffer.from('{'))?.status).toBe(400);
    expect(post(json({ changeType: 'UPDATE', entityName: 'Account', recordIds: [] }))?.status).toBe(
      400,
    );
    expect(post(json({ changeType: 'GAP_UPDATE', entityName: 7 }))?.status).toBe(400);
    expect(
      post(json({ changeType: 'GAP_UPDATE', entityName: 'Account', recordIds: [1] }))?.status,
    ).toBe(400);
    expect(cdc.gaps).toEqual([]);
    expect(handleCdcAdminRequest(cdc, 'GET', '/__emulator/cdc/gap', Buffer.alloc(0))?.status).toBe(
      405,
    );
  });

  it('drops one or all clients and lists events with the live client ids', () => {
    const cdc = fakeCdc();
    const drop = (body: unknown) =>
      handleCdcAdminRequest(cdc, 'POST', '/__emulator/cdc/drop-clients', json(body));
    expect(drop({})).toEqual({ status: 200, body: { dropped: 2 } });
    expect(drop({ clientId: 'c1' })).toEqual({ status: 200, body: { dropped: 1 } });
    expect(drop({ clientId: 5 })?.status).toBe(400);
    expect(handleCdcAdminRequest(cdc, 'GET', '/__emulator/cdc/events/', Buffer.alloc(0))).toEqual({
      status: 200,
      body: { clients: ['c1', 'c2'], events: [] },
    });
  });
});
