import { getEventListeners } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { BoundedTransport } from './bounded-transport';
import { observeCall } from './call-context';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('BoundedTransport', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        if (req.url === '/moved') {
          res.writeHead(302, { location: `${base}/here` });
          res.end();
        } else if (req.url === '/gzipped') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(gzipSync(JSON.stringify({ ok: true, url: req.url, name: 'é' })));
        } else if (req.url === '/slow') {
          // Never answers: the caller's signal or timeout must end it.
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: true, url: req.url }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  it("sends the call's request id and the client name, and a POST body", async () => {
    const transport = new BoundedTransport(5_000);
    const response = await observeCall(
      () =>
        transport.httpRequest({
          method: 'POST',
          url: `${base}/create`,
          headers: { 'content-type': 'application/json', 'content-length': '999' },
          body: '{"Name":"é"}',
        }),
      { requestId: 'req-7' },
    );
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({ ok: true, url: '/create' });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: '{"Name":"é"}',
      headers: { 'x-request-id': 'req-7', 'sforce-call-options': 'client=atom-gateway' },
    });
  });

  it('sends no request id outside a call, and follows redirects when asked', async () => {
    const transport = new BoundedTransport(5_000);
    const response = await transport.httpRequest(
      { method: 'GET', url: `${base}/moved` },
      { followRedirect: true },
    );
    expect(JSON.parse(String(response.body))).toEqual({ ok: true, url: '/here' });
    expect(seen.map((s) => s.url)).toEqual(['/moved', '/here']);
    expect(seen[0]?.headers['x-request-id']).toBeUndefined();
  });

  it('asks for a compressed answer and decodes it', async () => {
    const transport = new BoundedTransport(5_000);
    const response = await transport.httpRequest({ method: 'GET', url: `${base}/gzipped` });
    expect(JSON.parse(String(response.body))).toEqual({ ok: true, url: '/gzipped', name: 'é' });
    expect(seen[0]?.headers['accept-encoding']).toContain('gzip');
  });

  it("aborts the HTTP request when the call's signal aborts, as jsforce's AbortError", async () => {
    const transport = new BoundedTransport(60_000);
    const client = new AbortController();
    const pending = observeCall(
      () => transport.httpRequest({ method: 'GET', url: `${base}/slow` }),
      { signal: client.signal },
    );
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    client.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it("lets go of the call's signal once the answer is read", async () => {
    const transport = new BoundedTransport(60_000);
    const client = new AbortController();
    const response = await observeCall(
      () => transport.httpRequest({ method: 'GET', url: `${base}/done` }),
      { signal: client.signal },
    );
    expect(JSON.parse(String(response.body))).toEqual({ ok: true, url: '/done' });
    expect(getEventListeners(client.signal, 'abort')).toHaveLength(0);
  });

  it('aborts at once when the call was aborted before the request', async () => {
    const transport = new BoundedTransport(60_000);
    const client = new AbortController();
    client.abort();
    await expect(
      observeCall(() => transport.httpRequest({ method: 'GET', url: `${base}/never` }), {
        signal: client.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(0);
  });

  it('aborts a request that outlives its timeout', async () => {
    const transport = new BoundedTransport(100);
    await expect(
      transport.httpRequest({ method: 'GET', url: `${base}/slow` }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a refused connection with its socket code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const transport = new BoundedTransport(5_000);
    await expect(
      transport.httpRequest({ method: 'GET', url: `http://127.0.0.1:${port}/` }),
    ).rejects.toMatchObject({ name: 'FetchError', code: 'ECONNREFUSED' });
  });
});
