import type { GraphQLFormattedError } from 'graphql';

/**
 * One subscription event's `next` payload, serialized once for every subscriber of a shared
 * execution: 1,000 subscribers cost one JSON.stringify of the result, not 1,000. The fan-out
 * writes its text into each member's `next` message itself (websocket-server's `frameWriter`).
 */
export class SharedFrame {
  constructor(
    /** The payload's JSON text. */
    readonly text: string,
    /** The formatted errors it carries (metrics), empty when none. */
    readonly errors: readonly GraphQLFormattedError[],
  ) {}
}
