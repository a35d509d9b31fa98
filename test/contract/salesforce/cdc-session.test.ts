import { request as httpRequest } from 'node:http';
import type { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/lib/api/streaming';
import {
  EventCollector,
  startCdcContractTarget,
  type CdcContractTarget,
} from '../../helpers/salesforce-cdc';

const ALL = '/data/ChangeEvents';

interface Bayeux {
  channel: string;
  successful?: boolean;
  error?: string;
  clientId?: string;
  advice?: Record<string, unknown>;
  ext?: Record<string, unknown>;
  supportedConnectionTypes?: string[];
}

/** Records what the server sends a faye client, without changing it. */
class Wiretap {
  readonly seen: Bayeux[] = [];
  incoming(message: Bayeux, callback: (m: Bayeux) => void): void {
    this.seen.push(message);
    callback(message);
  }
}

describe('CDC sessions: OAuth on every message, channels, dropped clients', () => {
  let target: CdcContractTarget;
  let conn: Connection;

  beforeAll(async () => {
    target = await startCdcContractTarget({ timeoutSeconds: 1 });
    conn = await target.login('admin');
  });
  afterAll(async () => {
    await target.close();
  });

  async function post(path: string, body: unknown, token?: string): Promise<Bayeux[]> {
    const res = await fetch(`${target.cometdUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `OAuth ${token}` }),
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Bayeux[];
  }

  const handshake = {
    channel: '/meta/handshake',
    version: '1.0',
    supportedConnectionTypes: ['long-polling', 'callback-polling', 'websocket'],
  };

  it('a real handshake advertises long-polling only and the replay extension', async () => {
    const [reply] = await post('/cometd/59.0', [handshake], conn.accessToken ?? '');
    expect(reply).toMatchObject({
      channel: '/meta/handshake',
      successful: true,
      clientId: expect.any(String),
      supportedConnectionTypes: ['long-polling'],
      ext: { replay: true, 'payload.format': true },
    });
  });

  it('a handshake without the OAuth header is denied', async () => {
    const [reply] = await post('/cometd/59.0', [handshake]);
    expect(reply).toEqual({
      channel: '/meta/handshake',
      successful: false,
      error: '403::Handshake denied',
      advice: { reconnect: 'none' },
      ext: { sfdc: { failureReason: '401::Request requires authentication' } },
      version: '1.0',
      supportedConnectionTypes: expect.any(Array),
    });
  });

  it('a URL without an API version is refused', async () => {
    const [reply] = await post('/cometd', [handshake], conn.accessToken ?? '');
    expect(reply).toMatchObject({
      successful: false,
      error: "400::API version in the URI is mandatory. URI format: '/cometd/59.0'",
    });
  });

  it('connect over another transport than long-polling is refused', async () => {
    const token = conn.accessToken ?? '';
    const [shake] = await post('/cometd/59.0', [handshake], token);
    const [reply] = await post(
      '/cometd/59.0',
      [{ channel: '/meta/connect', clientId: shake.clientId, connectionType: 'websocket' }],
      token,
    );
    expect(reply).toMatchObject({
      successful: false,
      error: '400::Invalid connection type websocket',
    });
  });

  it('WebSocket upgrades and GET (callback-polling) are not served', async () => {
    const upgrade = await new Promise<number | string>((resolve) => {
      const req = httpRequest(`${target.cometdUrl}/cometd/59.0`, {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('upgrade', () => resolve('upgraded'));
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', (err) => resolve(err.message));
      req.end();
    });
    expect(upgrade).toBe(400);
    const get = await fetch(`${target.cometdUrl}/cometd/59.0?message=[]&jsonp=cb`);
    expect(get.status).toBe(405);
  });

  it('subscribing to a channel the org does not have fails with Salesforce text', async () => {
    const client = target.streamingClient(conn);
    await expect(client.subscribe('/data/FooChangeEvent', () => undefined)).rejects.toMatchObject({
      message:
        '400::The channel you requested to subscribe to does not exist {/data/FooChangeEvent}',
    });
    await expect(client.subscribe('/topic/Whatever', () => undefined)).rejects.toMatchObject({
      message: '400::The channel you requested to subscribe to does not exist {/topic/Whatever}',
    });
  });

  it('a dropped client gets 403::Unknown client, re-handshakes and keeps receiving, without gaps', async () => {
    const tap = new Wiretap();
    const collector = new EventCollector();
    const client = target.streamingClient(conn, [tap, new StreamingExtension.Replay(ALL, -1)]);
    await client.subscribe(ALL, collector.listener);
    await conn.sobject('Account').create({ Name: 'Before drop' });
    await collector.waitFor(1);
    const handshakes = () =>
      tap.seen.filter((m) => m.channel === '/meta/handshake' && m.successful).length;
    expect(handshakes()).toBe(1);

    expect(await target.dropClients()).toBeGreaterThanOrEqual(1);
    // Written while the client has no session: the replay extension must bring it back.
    await conn.sobject('Account').create({ Name: 'During drop' });
    const deadline = Date.now() + 5000;
    while (handshakes() < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(tap.seen).toContainEqual(
      expect.objectContaining({
        channel: '/meta/connect',
        successful: false,
        error: '403::Unknown client',
        advice: expect.objectContaining({ reconnect: 'handshake' }),
      }),
    );
    expect(handshakes()).toBe(2);
    await collector.waitFor(2);
    await conn.sobject('Account').create({ Name: 'After drop' });
    const received = await collector.waitFor(3);
    expect(received.map((e) => e.payload.Name)).toEqual([
      'Before drop',
      'During drop',
      'After drop',
    ]);
    expect(await collector.settle(300)).toHaveLength(3);
  });

  it('an expired token: the live client gets 401::Authentication invalid, a new one is denied', async () => {
    const victim = await target.login('integration');
    const failures: Bayeux[] = [];
    const live = target.streamingClient(victim, [
      new StreamingExtension.AuthFailure((m: Bayeux) => failures.push(m)),
    ]);
    await live.subscribe(ALL, () => undefined);
    const res = await fetch(`${target.emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expireSessions: true }),
    });
    expect(res.status).toBe(200);
    const deadline = Date.now() + 5000;
    while (failures.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(failures[0]).toMatchObject({
      channel: '/meta/connect',
      successful: false,
      error: '401::Authentication invalid',
      advice: { reconnect: 'none', interval: 0 },
    });

    const denied: Bayeux[] = [];
    const fresh = target.streamingClient(victim, [
      new StreamingExtension.AuthFailure((m: Bayeux) => denied.push(m)),
    ]);
    void fresh.subscribe(ALL, () => undefined);
    while (denied.length === 0 && Date.now() < deadline + 3000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(denied[0]).toMatchObject({
      channel: '/meta/handshake',
      successful: false,
      error: '403::Handshake denied',
      advice: { reconnect: 'none' },
      ext: { sfdc: { failureReason: '401::Authentication invalid' } },
    });
  });
});
