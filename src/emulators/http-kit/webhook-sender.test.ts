import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../../../test/helpers/wait-for';
import { WebhookSender } from './webhook-sender';

/** A receiver that parks every request until `release` (or answers `status` at once). */
async function receiver(status = 200) {
  const bodies: string[] = [];
  const parked: Array<() => void> = [];
  let holding = false;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const answer = () => {
        bodies.push(body);
        res.writeHead(status).end();
      };
      if (holding) parked.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    bodies,
    parked: () => parked.length,
    hold: () => (holding = true),
    release: () => {
      holding = false;
      for (const answer of parked.splice(0)) answer();
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('WebhookSender', () => {
  it('signs each attempt with the target secret and one delivery id per event', async () => {
    const target = await receiver();
    const seen: Array<[string, string, string]> = [];
    const sender = new WebhookSender({
      userAgent: 'test',
      sign: (rawBody, secret, deliveryId) => {
        seen.push([rawBody, secret, deliveryId]);
        return {};
      },
    });
    sender.configure({ url: target.url, secret: 's1' });
    const first = sender.send({ n: 1 });
    const second = sender.send({ n: 2 });
    await sender.idle();
    expect(target.bodies).toEqual(['{"n":1}', '{"n":2}']);
    expect(seen).toEqual([
      ['{"n":1}', 's1', first],
      ['{"n":2}', 's1', second],
    ]);
    expect(first).not.toBe(second);
    await target.close();
  });

  it('drops the queued events when the target changes, and sends nothing without one', async () => {
    const target = await receiver();
    const sender = new WebhookSender({ userAgent: 'test', sign: () => ({}) });
    expect(sender.send({ n: 0 })).toBeUndefined();
    sender.configure({ url: target.url, secret: 's' });
    target.hold();
    sender.send({ n: 1 });
    sender.send({ n: 2 });
    sender.send({ n: 3 });
    await waitFor(() => target.parked() === 1, 5000);
    expect(sender.status().pending).toBe(3);
    sender.configure(undefined);
    expect(sender.status().pending).toBe(1);
    target.release();
    await sender.idle();
    // The event under way when the target changed still completes; the queued two do not.
    expect(target.bodies).toEqual(['{"n":1}']);
    expect(sender.status()).toMatchObject({ url: null, sent: 1, pending: 0 });
    await target.close();
  });

  it('close() abandons a delivery waiting to retry', async () => {
    const failing = await receiver(500);
    const sender = new WebhookSender({
      userAgent: 'test',
      sign: () => ({}),
      retryDelaysMs: [60_000],
    });
    sender.configure({ url: failing.url, secret: 's' });
    sender.send({ n: 1 });
    // The 500 came back and the minute-long wait before the retry has begun.
    await waitFor(() => sender.status().retried === 1, 5000);
    await sender.close();
    expect(failing.bodies).toHaveLength(1);
    expect(sender.status()).toMatchObject({ sent: 0, retried: 1, lastStatus: 500, pending: 0 });
    await failing.close();
  });
});
