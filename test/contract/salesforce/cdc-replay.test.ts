import type { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/lib/api/streaming';
import {
  EventCollector,
  startCdcContractTarget,
  type CdcContractTarget,
} from '../../helpers/salesforce-cdc';

const ALL = '/data/ChangeEvents';
const invalidReplay = (id: number): string =>
  `400::The replayId {${id}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`;

describe('CDC replay extension (StreamingExtension.Replay)', () => {
  let target: CdcContractTarget;
  let conn: Connection;
  let now = Date.parse('2030-03-01T09:00:00.000Z');
  const HOUR = 3_600_000;

  beforeAll(async () => {
    target = await startCdcContractTarget({
      clock: () => new Date(now),
      accessTokenTtlSeconds: 30 * 24 * 3600,
    });
    conn = await target.login('admin');
  });
  afterAll(async () => {
    await target.close();
  });

  async function subscribe(channel: string, replayId: number): Promise<EventCollector> {
    const collector = new EventCollector();
    const client = target.streamingClient(conn, [new StreamingExtension.Replay(channel, replayId)]);
    await client.subscribe(channel, collector.listener);
    return collector;
  }

  async function createAccounts(...names: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const Name of names) {
      ids.push(((await conn.sobject('Account').create({ Name })) as { id: string }).id);
    }
    return ids;
  }

  it('-2 replays every retained event in order, then keeps streaming', async () => {
    await createAccounts('Replay A', 'Replay B');
    await conn.sobject('Contact').create({ LastName: 'Replay C' });
    const retained = await target.events();
    expect(retained.length).toBeGreaterThanOrEqual(3);
    const collector = await subscribe(ALL, -2);
    const replayed = await collector.waitFor(retained.length);
    expect(replayed.map((e) => e.event.replayId)).toEqual(retained.map((e) => e.replayId));
    expect(replayed.map((e) => e.payload.ChangeEventHeader.entityName).slice(-3)).toEqual([
      'Account',
      'Account',
      'Contact',
    ]);
    await createAccounts('Replay live');
    const [live] = (await collector.waitFor(retained.length + 1)).slice(-1);
    expect(live.payload.Name).toBe('Replay live');
  });

  it('-2 on an object channel replays only that object', async () => {
    const collector = await subscribe('/data/ContactChangeEvent', -2);
    const retainedContacts = (await target.events()).filter((e) => e.entityName === 'Contact');
    const replayed = await collector.waitFor(retainedContacts.length);
    expect(replayed.map((e) => e.event.replayId)).toEqual(retainedContacts.map((e) => e.replayId));
    expect(await collector.settle(200)).toHaveLength(retainedContacts.length);
  });

  it('a stored replay id returns exactly the later events: no loss, no duplicates', async () => {
    await createAccounts('Resume 1');
    const stored = (await target.events()).at(-1)?.replayId;
    if (stored === undefined) throw new Error('no event retained');
    // Written while "our" subscriber is away.
    await createAccounts('Resume 2', 'Resume 3');
    const collector = await subscribe(ALL, stored);
    const missed = await collector.waitFor(2);
    expect(missed.map((e) => e.payload.Name)).toEqual(['Resume 2', 'Resume 3']);
    expect(missed.every((e) => e.event.replayId > stored)).toBe(true);
    await createAccounts('Resume 4');
    const after = await collector.waitFor(3);
    expect(after.map((e) => e.payload.Name)).toEqual(['Resume 2', 'Resume 3', 'Resume 4']);
    expect(await collector.settle(200)).toHaveLength(3);
  });

  it('-1 delivers only events published after the subscription', async () => {
    const collector = await subscribe(ALL, -1);
    expect(await collector.settle(200)).toEqual([]);
    await createAccounts('Only new');
    const [event] = await collector.waitFor(1);
    expect(event.payload.Name).toBe('Only new');
  });

  it('an unknown replay id fails the subscription with Salesforce 400 text', async () => {
    const latest = (await target.events()).at(-1)?.replayId ?? 0;
    const client = target.streamingClient(conn, [
      new StreamingExtension.Replay(ALL, latest + 1_000_000),
    ]);
    await expect(client.subscribe(ALL, () => undefined)).rejects.toMatchObject({
      message: invalidReplay(latest + 1_000_000),
    });
  });

  it('events older than the retention window are neither replayed nor accepted as replay ids', async () => {
    const [oldId] = await createAccounts('Expiring');
    const oldEvent = (await target.events()).find(
      (e) => e.data.payload.ChangeEventHeader.recordIds[0] === oldId,
    );
    if (!oldEvent) throw new Error('event not retained');
    now += 73 * HOUR;
    await createAccounts('Fresh');
    const retained = await target.events();
    expect(retained.map((e) => e.data.payload.Name)).toEqual(['Fresh']);

    const collector = await subscribe(ALL, -2);
    const [only] = await collector.waitFor(1);
    expect(only.payload.Name).toBe('Fresh');
    expect(await collector.settle(200)).toHaveLength(1);

    const client = target.streamingClient(conn, [
      new StreamingExtension.Replay(ALL, oldEvent.replayId),
    ]);
    await expect(client.subscribe(ALL, () => undefined)).rejects.toMatchObject({
      message: invalidReplay(oldEvent.replayId),
    });
  });
});
