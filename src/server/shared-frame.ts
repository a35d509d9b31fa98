import type { GraphQLFormattedError } from 'graphql';
import type { WebSocket } from 'ws';

/**
 * One subscription event's `next` payload, serialized once for every subscriber of a shared
 * execution. graphql-ws stringifies each message itself (`{id, type, payload}`), so the
 * payload goes through its JSON replacer as a placeholder and the socket's `send` splices the
 * ready text in: 1,000 subscribers cost one JSON.stringify of the result, not 1,000.
 */
export class SharedFrame {
  constructor(
    /** The payload's JSON text. */
    readonly text: string,
    /** The formatted errors it carries (metrics), empty when none. */
    readonly errors: readonly GraphQLFormattedError[],
  ) {}
}

export function isSharedFrame(value: unknown): value is SharedFrame {
  return value instanceof SharedFrame;
}

const PLACEHOLDER = '\u0000shared-frame';
/** How the placeholder ends a `next` message once stringified (key order id, type, payload). */
const PLACEHOLDER_TAIL = `"payload":${JSON.stringify(PLACEHOLDER)}}`;

/**
 * graphql-ws stringifies a message and hands it to the socket in the same synchronous step
 * (`socket.send(stringifyMessage(...))`), so the frame the replacer just saw is the one the
 * next `send` carries; nothing else runs in between.
 */
let pending: SharedFrame | undefined;

/** The `jsonMessageReplacer` of the graphql-ws server. */
export function sharedFrameReplacer(key: string, value: unknown): unknown {
  if (key === 'payload' && isSharedFrame(value)) {
    pending = value;
    return PLACEHOLDER;
  }
  return value;
}

/** Makes a socket write a shared frame's text where graphql-ws put the placeholder. */
export function spliceSharedFrames(socket: WebSocket): void {
  const send = socket.send.bind(socket) as (data: unknown, cb?: (err?: Error) => void) => void;
  const splicing = (data: unknown, cb?: (err?: Error) => void): void => {
    const frame = pending;
    pending = undefined;
    if (frame && typeof data === 'string' && data.endsWith(PLACEHOLDER_TAIL)) {
      send(`${data.slice(0, -PLACEHOLDER_TAIL.length)}"payload":${frame.text}}`, cb);
      return;
    }
    send(data, cb);
  };
  socket.send = splicing as WebSocket['send'];
}
