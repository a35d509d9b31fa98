import type { ExecutionArgs, ExecutionResult } from 'graphql';
import type { ConnectionControl } from '../live/live-change-feed';
import { SLOW_CONSUMER_CLOSE } from '../live/live-change-feed';
import type { SharedFrame } from './shared-frame';

type Started = AsyncIterator<ExecutionResult> | ExecutionResult;

export interface SharedSubscriptionsOptions {
  /** graphql-js `subscribe`: the source stream and one execution per event. */
  subscribe: (args: ExecutionArgs) => Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;
  /** Formats and serializes one result once, for every member (reads the group's context). */
  finalize: (result: ExecutionResult, contextValue: unknown) => SharedFrame;
  /** Frames a member may fall behind before it is dropped as a slow consumer (4008). */
  maxQueue: number;
  /** Counts a subscriber served by another's listener, in the feed's subscriber count. */
  countSubscriber?: () => () => void;
  onError?: (error: unknown) => void;
}

export interface SharedSubscriptionStats {
  /** Executions of subscription selections, one per group and event. */
  executions: number;
  groups: number;
  members: number;
}

/**
 * Writes a frame straight to the member's socket, in the fan-out's own loop; false when the
 * socket was dropped (slow consumer) instead. Without one, frames queue for the member's
 * stream (graphql-ws then writes them, one awaited promise chain per frame and socket).
 */
export type WriteFrame = (frame: SharedFrame) => boolean;

interface Member {
  control: ConnectionControl;
  write: WriteFrame | undefined;
  queue: SharedFrame[];
  wake: (() => void) | undefined;
  ended: boolean;
  failure: { error: unknown } | undefined;
}

interface Group {
  key: string;
  started: Promise<Started>;
  source: AsyncIterator<ExecutionResult> | undefined;
  contextValue: unknown;
  members: Set<Member>;
  /** Releases of `countSubscriber`, one per member beyond the listener's own. */
  counted: (() => void)[];
  pumping: boolean;
  ended: boolean;
}

function isIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function'
  );
}

const DONE: IteratorResult<SharedFrame> = { value: undefined, done: true };

/**
 * Subscribers of the same document, variables and visibility scope share one execution: one
 * source stream, one execution of the selection and one serialization per event, whose frame
 * every member's socket then writes. The key carries the scope, so viewers who could see
 * different rows never share; each member keeps its own queue, and a member that falls
 * `maxQueue` frames behind is dropped (4008) without holding back the rest of its group.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, Group>();
  private executions = 0;

  constructor(private readonly options: SharedSubscriptionsOptions) {}

  /**
   * Joins (or starts) the group of `key`. `args` (or what it answers, asked only then) runs
   * only when it starts the group, with its
   * context's connection replaced by one that reaches every member. Answers the member's
   * stream, or the subscription's own errors (a bad argument) when it could not start. With
   * `write`, the stream yields nothing: it ends when the group or the member does, and every
   * frame goes through `write` instead.
   */
  async subscribe(
    key: string,
    args: ExecutionArgs | (() => ExecutionArgs),
    control: ConnectionControl,
    write?: WriteFrame,
  ): Promise<AsyncIterableIterator<SharedFrame> | ExecutionResult> {
    for (;;) {
      const group =
        this.groups.get(key) ?? this.start(key, typeof args === 'function' ? args() : args);
      const started = await group.started;
      if (!isIterableIterator(started)) return started;
      // It ended while this member waited: start (or join) the next one.
      if (group.ended) continue;
      return this.join(group, control, write);
    }
  }

  stats(): SharedSubscriptionStats {
    let members = 0;
    for (const group of this.groups.values()) members += group.members.size;
    return { executions: this.executions, groups: this.groups.size, members };
  }

  private start(key: string, args: ExecutionArgs): Group {
    const group: Group = {
      key,
      started: Promise.resolve(undefined as unknown as Started),
      source: undefined,
      contextValue: args.contextValue,
      members: new Set(),
      counted: [],
      pumping: false,
      ended: false,
    };
    const reachAll: ConnectionControl = {
      close: (code, reason) => {
        for (const member of group.members) member.control.close(code, reason);
      },
    };
    const contextValue = args.contextValue;
    if (typeof contextValue === 'object' && contextValue !== null) {
      // The resolvers' slow-consumer guard closes through it: the group's own stream fell
      // behind, so every member did.
      Object.assign(contextValue, { connection: reachAll });
    }
    group.started = (async (): Promise<Started> => {
      try {
        const result = await this.options.subscribe(args);
        if (!isIterable(result)) {
          this.forget(group);
          return result;
        }
        group.source = result[Symbol.asyncIterator]();
        return group.source;
      } catch (error) {
        this.forget(group);
        throw error;
      }
    })();
    this.groups.set(key, group);
    return group;
  }

  private join(
    group: Group,
    control: ConnectionControl,
    write: WriteFrame | undefined,
  ): AsyncIterableIterator<SharedFrame> {
    const member: Member = {
      control,
      write,
      queue: [],
      wake: undefined,
      ended: false,
      failure: undefined,
    };
    group.members.add(member);
    this.recount(group);
    if (!group.pumping) {
      group.pumping = true;
      void this.pump(group);
    }
    const leave = async (): Promise<IteratorResult<SharedFrame>> => {
      this.end(member);
      await this.leave(group, member);
      return DONE;
    };
    return {
      next: async () => {
        for (;;) {
          const frame = member.queue.shift();
          if (frame) return { value: frame, done: false };
          if (member.failure) throw member.failure.error;
          if (member.ended) {
            await this.leave(group, member);
            return DONE;
          }
          await new Promise<void>((resolve) => {
            member.wake = resolve;
          });
        }
      },
      return: leave,
      throw: async (error: unknown) => {
        await leave();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Reads the group's stream: one execution per event, its frame queued for every member. */
  private async pump(group: Group): Promise<void> {
    const source = group.source;
    if (!source) return;
    try {
      for (;;) {
        const result = await source.next();
        if (result.done) break;
        this.executions += 1;
        const frame = this.options.finalize(result.value, group.contextValue);
        for (const member of group.members) this.deliver(member, frame);
      }
      this.forget(group);
      for (const member of group.members) this.end(member);
    } catch (error) {
      this.forget(group);
      for (const member of group.members) {
        member.failure = { error };
        this.end(member);
      }
    }
  }

  private deliver(member: Member, frame: SharedFrame): void {
    if (member.ended) return;
    if (member.write) {
      // The socket's own bound (bytes queued) decides; nothing waits on this member.
      if (!member.write(frame)) this.end(member);
      return;
    }
    if (member.queue.length >= this.options.maxQueue) {
      // Behind by a whole queue: this socket only, the rest of the group reads on.
      member.queue.length = 0;
      member.control.close(SLOW_CONSUMER_CLOSE.code, SLOW_CONSUMER_CLOSE.reason);
      this.end(member);
      return;
    }
    member.queue.push(frame);
    this.wake(member);
  }

  private end(member: Member): void {
    member.ended = true;
    this.wake(member);
  }

  private wake(member: Member): void {
    const wake = member.wake;
    member.wake = undefined;
    wake?.();
  }

  private async leave(group: Group, member: Member): Promise<void> {
    if (!group.members.delete(member)) return;
    this.recount(group);
    if (group.members.size > 0) return;
    this.forget(group);
    try {
      await group.source?.return?.();
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** No new member joins it; the next subscriber of its key starts a fresh group. */
  private forget(group: Group): void {
    group.ended = true;
    if (this.groups.get(group.key) === group) this.groups.delete(group.key);
  }

  /** One feed subscriber per member: the listener counts one, the rest are counted here. */
  private recount(group: Group): void {
    const countSubscriber = this.options.countSubscriber;
    if (!countSubscriber) return;
    const wanted = Math.max(0, group.members.size - 1);
    while (group.counted.length < wanted) group.counted.push(countSubscriber());
    while (group.counted.length > wanted) group.counted.pop()?.();
  }
}

function isIterableIterator(value: Started): value is AsyncIterator<ExecutionResult> {
  return typeof (value as Partial<AsyncIterator<unknown>>).next === 'function';
}
