import type { Connection } from 'jsforce';
import { JsforceChangeEventSource } from './jsforce-change-event-source';
import { observeStreaming } from './observed-streaming';

/** A faye client as jsforce returns it: `_dispatcher` is what really ends its long-polls. */
function fakeConnection() {
  const dispatcher = { close: jest.fn() };
  const client = {
    subscribe: jest.fn(() => Promise.resolve()),
    // The org is gone: /meta/disconnect is never answered.
    disconnect: jest.fn(() => new Promise<never>(() => {})),
    _dispatcher: dispatcher,
  };
  const conn = {
    accessToken: 'token-1',
    streaming: { createClient: jest.fn(() => client) },
    on: jest.fn(),
    removeListener: jest.fn(),
  };
  return { conn: conn as unknown as Connection, client, dispatcher };
}

describe('observeStreaming', () => {
  it('reports each confirmed CometD subscription', async () => {
    const { conn, client } = fakeConnection();
    const onSubscribed = jest.fn();
    const observed = observeStreaming(conn, onSubscribed);
    expect(observed.accessToken).toBe('token-1');
    await observed.streaming.createClient([]).subscribe('/data/ChangeEvents', () => {});
    await Promise.resolve();
    expect(client.subscribe).toHaveBeenCalledWith('/data/ChangeEvents', expect.any(Function));
    expect(onSubscribed).toHaveBeenCalledTimes(1);
  });

  it("lets the CDC source close faye's transport when the org does not answer the disconnect", async () => {
    const { conn, client, dispatcher } = fakeConnection();
    const source = new JsforceChangeEventSource({
      getConnection: async () => observeStreaming(conn, () => {}),
      refresh: async () => {},
      disconnectTimeoutMs: 10,
    });
    const stop = source.start(
      -1,
      () => {},
      () => {},
    );
    for (let i = 0; i < 50 && client.subscribe.mock.calls.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(client.subscribe).toHaveBeenCalledTimes(1);
    await stop();
    expect(client.disconnect).toHaveBeenCalledTimes(1);
    // Otherwise faye retries the dead client's long-poll forever, a second client at the org.
    expect(dispatcher.close).toHaveBeenCalledTimes(1);
  });
});
