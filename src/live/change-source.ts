/**
 * The plug between the live-changes core and an upstream's change stream. The bridge depends
 * on this interface only (ARCHITECTURE.md: transport-agnostic core); each upstream implements
 * it beside its own client (`upstreams/salesforce/cdc/`), and the server plugs it in. It is
 * also the one module of the core that upstream adapters import (types only).
 */
import type { NormalizedChange } from './normalized-change';

export type {
  ChangeTypeName,
  GapKind,
  NormalizedChange,
  SObjectTypeName,
} from './normalized-change';

/**
 * Where a stream starts: a stored position (the events after it), `-1` only new events,
 * `-2` every event the upstream still retains.
 */
export type ReplayFrom = string | -1 | -2;

/** One upstream event, delivered in stream order. */
export interface ChangeEvent {
  /**
   * Opaque and increasing: dedupe key, and what is persisted once the event is published.
   * Undefined for a signal the source raises itself, outside the upstream's stream (it had to
   * subscribe again with no position to resume from): neither deduped nor persisted.
   */
  position: string | undefined;
  /**
   * The event in the contract's vocabulary; none for objects the gateway does not publish.
   * Called only for events that are not duplicates, because it may read the upstream (a
   * Salesforce GAP event is resolved by re-reading its records).
   */
  changes(): Promise<readonly NormalizedChange[]>;
}

/**
 * A source delivers events one at a time: it waits for `onEvent`'s promise before handing
 * over the next, and a reconnect resumes after the last event whose promise resolved.
 */
export type ChangeEventHandler = (event: ChangeEvent) => Promise<void> | void;

/** A running upstream subscription. */
export interface ChangeSubscription {
  /**
   * Resolves once the upstream confirmed the subscription (for CometD, the subscribe was
   * acknowledged): from then on a write cannot be committed unseen. Never rejects; failures
   * go to `onError` while the source keeps trying.
   */
  readonly ready: Promise<void>;
  /** Resolves once no more `onEvent` calls will be made. */
  stop(): Promise<void>;
}

export interface ChangeSource {
  start(
    from: ReplayFrom,
    onEvent: ChangeEventHandler,
    onError: (error: Error) => void,
  ): ChangeSubscription;
  /**
   * The contract field names a key of `NormalizedChange.values` belongs to (the values keep
   * the upstream's own field names): the access filter sends a subscriber only the values of
   * fields they may read.
   */
  valueFieldNames(key: string): readonly string[];
}
