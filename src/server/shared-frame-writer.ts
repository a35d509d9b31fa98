import type { GraphQLFormattedError } from 'graphql';
import type { WriteFrame } from './shared-subscriptions';

/** The part of a `ws` socket a frame writer uses. */
export interface FrameSocket {
  readonly readyState: number;
  readonly OPEN: number;
  /** Bytes `send` has queued but the kernel has not taken yet. */
  readonly bufferedAmount: number;
  send(data: string): void;
}

export interface FrameWriterOptions {
  /** Bytes queued on the socket beyond which its client is a slow consumer. */
  maxBufferedBytes: number;
  /** Drops the socket as a slow consumer (4008). */
  dropSlow: () => void;
  /** Metrics: the formatted errors a frame carried to this operation. */
  sent?: (errors: GraphQLFormattedError[]) => void;
}

/**
 * A shared frame written straight from the group's fan-out: the `next` message graphql-ws
 * would send (same key order, the payload already serialized), without its per-socket
 * promise chain, `onNext` and stringify per frame. The slow-consumer bound `onNext` applies
 * is applied here, before each write.
 */
export function frameWriter(
  socket: FrameSocket,
  id: string,
  options: FrameWriterOptions,
): WriteFrame {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return (frame) => {
    if (socket.readyState !== socket.OPEN) return true;
    if (socket.bufferedAmount > options.maxBufferedBytes) {
      options.dropSlow();
      return false;
    }
    if (frame.errors.length > 0) options.sent?.([...frame.errors]);
    socket.send(`${head}${frame.text}}`);
    return true;
  };
}
