/**
 * The gateway's own updates come back as change events moments later. Their invalidation is
 * already done (before the mutation returned), and doing it again drops the entries read
 * since, including the record the mutation itself read back. This ledger recognises those
 * echoes.
 *
 * Why skipping is safe: events arrive in commit order. An expectation is armed only once the
 * write has returned and its invalidation is done; an event matching it (same records, no
 * field beyond the write's) is the first event on that record since the write returned, so
 * it is the write's own or was committed before it, and everything read before the write's
 * invalidation is already dropped. Any event on the record settles its expectations (an
 * event while the write is in flight may be its echo: nothing is skipped after it). Each
 * expectation expires, so a lost echo cannot hide a later change for long.
 */
interface Expectation {
  fields: ReadonlySet<string>;
  armed: boolean;
  expiresAt: number;
}

export interface EchoHandle {
  /** The write returned and its invalidation is done: its echo may now be skipped. */
  arm(): void;
  /** The write failed: no echo is owed. */
  cancel(): void;
}

export class EchoLedger {
  private readonly pending = new Map<string, Expectation[]>();
  private calls = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Before the write is sent: `fields` (lower case) of `ids` are about to change. */
  expect(type: string, ids: readonly string[], fields: readonly string[]): EchoHandle {
    this.calls += 1;
    if (this.calls % 256 === 0) this.prune();
    const expectation: Expectation = {
      fields: new Set(fields),
      armed: false,
      expiresAt: Number.POSITIVE_INFINITY,
    };
    const keys = ids.map((id) => `${type}:${id}`);
    for (const key of keys) this.pending.set(key, [...(this.pending.get(key) ?? []), expectation]);
    const remove = () => {
      for (const key of keys) this.drop(key, expectation);
    };
    return {
      arm: () => {
        expectation.armed = true;
        expectation.expiresAt = this.now() + this.ttlMs;
        if (![...keys].every((key) => this.pending.get(key)?.includes(expectation))) remove();
      },
      cancel: remove,
    };
  }

  /**
   * Whether the change event (an update of `ids` naming `fields`, lower case, audit fields
   * left out) is an echo already invalidated. Any event on a record settles every
   * expectation of that record: the first event after a write may be its echo, so none can
   * vouch for a later one.
   */
  isEcho(type: string, ids: readonly string[], fields: readonly string[]): boolean {
    if (ids.length === 0) return false;
    const now = this.now();
    let echo = true;
    for (const id of ids) {
      const key = `${type}:${id}`;
      const list = this.pending.get(key) ?? [];
      this.pending.delete(key);
      const covered = list.some(
        (e) => e.armed && e.expiresAt > now && fields.every((field) => e.fields.has(field)),
      );
      if (!covered) echo = false;
    }
    return echo;
  }

  /**
   * An event on `ids` that is not a plain update (a create, delete, GAP): it settles their
   * expectations like any event does. Without ids (an overflow, a lost resume) any record may
   * have changed unseen, so nothing vouches any more.
   */
  settle(type: string, ids: readonly string[]): void {
    if (ids.length === 0) {
      this.clear();
      return;
    }
    for (const id of ids) this.pending.delete(`${type}:${id}`);
  }

  /** The change stream stopped: events may have been missed, nothing vouches any more. */
  clear(): void {
    this.pending.clear();
  }

  /** Expectations whose echo never came (a lost event, a write that changed nothing). */
  private prune(): void {
    const now = this.now();
    for (const [key, list] of this.pending) {
      const live = list.filter((e) => e.expiresAt > now);
      if (live.length === 0) this.pending.delete(key);
      else if (live.length < list.length) this.pending.set(key, live);
    }
  }

  private drop(key: string, expectation: Expectation): void {
    const rest = (this.pending.get(key) ?? []).filter((e) => e !== expectation);
    if (rest.length === 0) this.pending.delete(key);
    else this.pending.set(key, rest);
  }
}
