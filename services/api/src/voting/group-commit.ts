// Group commit: concurrent writes for the same key (an election) queue up and are written together by one call of
// the writer (one transaction), each caller answered only once that call has settled. At most one batch per key
// is being written at a time; what arrives meanwhile forms the next batch, so batches grow with the load and a
// lone request waits for nobody.

/** One member's outcome in a batch. */
export type Settled<R> =
  { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/**
 * Writes one batch and returns one outcome per item, in order. A thrown error means nothing of the batch was
 * written (its transaction rolled back).
 */
export type BatchWriter<K, T, R> = (key: K, items: readonly T[]) => Promise<readonly Settled<R>[]>;

export interface GroupCommitOptions {
  /** The most items written by one batch. */
  readonly maxBatch: number;
  /** How long the first item of an idle key waits for company before its batch starts (0: the next turn). */
  readonly maxWaitMs: number;
  /**
   * Whether a failed batch of several items is retried item by item, so that one item's fault (a constraint the
   * checks did not foresee) fails that item alone. False for faults that would fail every retry (the database
   * is down): then every member fails with the batch's error at once.
   */
  readonly retryAlone: (error: unknown) => boolean;
}

interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

interface Lane<T, R> {
  queue: Waiting<T, R>[];
  busy: boolean;
}

export class GroupCommit<K, T, R> {
  private readonly lanes = new Map<K, Lane<T, R>>();

  constructor(
    private readonly write: BatchWriter<K, T, R>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Queues `item` for `key`'s next batch; resolves with its value once that batch has committed. */
  submit(key: K, item: T): Promise<R> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { queue: [], busy: false };
      this.lanes.set(key, lane);
    }
    const queued = new Promise<R>((resolve, reject) => lane.queue.push({ item, resolve, reject }));
    if (!lane.busy) {
      lane.busy = true;
      this.later(() => void this.drain(key, lane));
    }
    return queued;
  }

  /** Items queued or being written, over all keys (for tests and metrics). */
  get pending(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.queue.length;
    return n;
  }

  private later(run: () => void): void {
    if (this.options.maxWaitMs > 0) setTimeout(run, this.options.maxWaitMs);
    else setImmediate(run);
  }

  /** Writes batches for `key` until its queue is empty, then lets the lane go idle. */
  private async drain(key: K, lane: Lane<T, R>): Promise<void> {
    while (lane.queue.length > 0) {
      const batch = lane.queue.splice(0, this.options.maxBatch);
      await this.writeBatch(key, batch);
    }
    lane.busy = false;
    this.lanes.delete(key);
  }

  private async writeBatch(key: K, batch: readonly Waiting<T, R>[]): Promise<void> {
    let outcomes: readonly Settled<R>[];
    try {
      outcomes = await this.write(
        key,
        batch.map((w) => w.item),
      );
    } catch (error) {
      if (batch.length > 1 && this.options.retryAlone(error)) {
        for (const member of batch) await this.writeBatch(key, [member]);
      } else {
        for (const member of batch) member.reject(error);
      }
      return;
    }
    batch.forEach((member, i) => {
      const outcome = outcomes[i];
      if (!outcome) member.reject(new Error('the batch writer gave no outcome for this item'));
      else if (outcome.ok) member.resolve(outcome.value);
      else member.reject(outcome.error);
    });
  }
}
