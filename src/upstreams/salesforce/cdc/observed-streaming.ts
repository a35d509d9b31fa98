import type { Connection } from 'jsforce';
import type { StreamingClient, StreamingConnection } from './jsforce-change-event-source';

/**
 * A jsforce Connection as the CDC source sees it, reporting each confirmed CometD
 * subscription: the first GraphQL subscription waits for it, so a write made right after
 * subscribing is not committed before the org's stream is listening.
 */
export function observeStreaming(conn: Connection, onSubscribed: () => void): StreamingConnection {
  return {
    get accessToken() {
      return conn.accessToken;
    },
    streaming: {
      createClient(extensions: unknown[]): StreamingClient {
        const client: StreamingClient = conn.streaming.createClient(extensions as never[]);
        const observed: StreamingClient & { readonly _dispatcher: unknown } = {
          subscribe(channel, listener) {
            const subscription = client.subscribe(channel, listener);
            Promise.resolve(subscription).then(onSubscribed, () => {});
            return subscription;
          },
          disconnect: () => client.disconnect?.(),
          // The source rebuilds the client after a transport failure (replaying from its last
          // processed id), so it must see faye's transport events through this wrapper.
          bind: (event, listener) => client.bind?.(event, listener),
          unbind: (event) => client.unbind?.(event),
          // The source closes faye's dispatcher when the org does not answer the disconnect;
          // hidden behind this wrapper, the dead client would retry its long-poll forever.
          get _dispatcher(): unknown {
            return '_dispatcher' in client ? client._dispatcher : undefined;
          },
        };
        return observed;
      },
    },
    on: (event, listener) => conn.on(event, listener),
    removeListener: (event, listener) => conn.removeListener(event, listener),
  };
}
