import type { ExecutionArgs, ExecutionResult } from 'graphql';
import type { ConnectionControl } from '../live/live-change-feed';
import type { SharedFrame } from './shared-frame';

type Started = AsyncIterator<ExecutionResult> | ExecutionResult;

export interface SharedSubscriptionsOptions {
  /** graphql-js `subscribe`: the source stream and one execution per event. */
  subscribe: (args: ExecutionArgs) => Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;
  /** Formats and serializes one result once, for every member (reads the group's context). */
  finalize: (result: ExecutionResult, contextValue: unknown) => SharedFrame;
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
 * Writes a frame straight to the member's socket, in the fan-out's own loop (no per-frame
 * promise chain in graphql-ws); false when the socket was dropped (slow consumer) instead.
 */
export type WriteFrame = (frame: SharedFrame) => boolean;

interface Member {
  control: ConnectionControl;
  write: WriteFrame;
  ended: boolean;
  failure: { error: unknown } | undefined;
  /** Resolves `finished` once the member ends. */
  finish: () => void;
  /** What the member's stream waits on: graphql-ws keeps the operation open until then. */
  finished: Promise<void>;
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

const DONE: IteratorResult<never> = { value: undefined, done: true };

/**
 * Subscribers of the same document, variables and visibility scope share one execution: one
 * source stream, one execution of the selection and one serialization per event, whose frame
 * is written to every member's socket. The key carries the scope, so viewers who could see
 * different rows never share. Nothing is queued per member: a socket whose own buffer is past
 * its bound is dropped (4008) by its `WriteFrame`, without holding back the rest of its group.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, Group>();
  private executions = 0;

  constructor(private readonly options: SharedSubscriptionsOptions) {}

  /**
   * Joins (or starts) the group of `key`. `args` (or what it answers, asked only then) runs
   * only when it starts the group, with its
   * context's connection replaced by one that reaches every member. Every frame goes through
   * `write`. Answers the member's stream, or the subscription's own errors (a bad argument)
   * when it could not start. The stream yields nothing: graphql-ws needs an iterator to keep
   * the operation open, and it ends (or throws the group's failure) when the group or the
   * member does; returning it leaves the group.
   */
  async subscribe(
    key: string,
    args: ExecutionArgs | (() => ExecutionArgs),
    control: ConnectionControl,
    write: WriteFrame,
  ): Promise<AsyncIterableIterator<never> | ExecutionResult> {
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
    write: WriteFrame,
  ): AsyncIterableIterator<never> {
    let finish = (): void => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const member: Member = { control, write, ended: false, failure: undefined, finish, finished };
    group.members.add(member);
    this.recount(group);
    if (!group.pumping) {
      group.pumping = true;
      void this.pump(group);
    }
    const leave = async (): Promise<IteratorResult<never>> => {
      this.end(member);
      await this.leave(group, member);
      return DONE;
    };
    return {
      next: async () => {
        await member.finished;
        await this.leave(group, member);
        if (member.failure) throw member.failure.error;
        return DONE;
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

  /** Reads the group's stream: one execution per event, its frame written to every member. */
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
    let written: boolean;
    try {
      // The socket's own bound (bytes queued) decides; nothing waits on this member.
      written = member.write(frame);
    } catch (error) {
      // One broken socket ends its own subscription, not its group's.
      member.failure = { error };
      written = false;
    }
    if (!written) this.end(member);
  }

  private end(member: Member): void {
    member.ended = true;
    member.finish();
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
