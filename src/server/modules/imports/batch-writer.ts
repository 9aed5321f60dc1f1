// Writes an import's batches side by side on PostgreSQL, where one backend (one CPU core)
// maintaining the indexes is the limit, while committing them strictly in file order: an
// import resumes after a crash from `processed_rows`, which must always count a prefix of
// the file.
//
// Each batch's write receives the commit of the batch before it (`prev`) and awaits it just
// before writing its audit entry and progress, inside its own transaction: the heavy statements overlap,
// the commits do not reorder, and a batch whose predecessor failed rolls back.
//
// Two batches never run together when one could miss the other's rows: a batch sharing a
// duplicate key (email, phone) with a batch in flight waits for it, since the duplicate check
// only sees committed rows. A batch narrows its keys to those of the records it will create
// once it knows them (`narrow`); in duplicate mode `skip` the import first drops the rows
// holding such a key (`creating`), after which the batches no longer share a key.

export interface BatchWriterOptions {
  /** Batches written at once: 1 writes one after the other. */
  writers: number;
}

interface InFlight {
  /** The batch's duplicate keys; once narrowed, those of the records it creates. */
  keys: Set<string>;
  /** Resolves once the keys are narrowed, or the batch is over (never rejects). */
  narrowed: Promise<void>;
  /** Resolves when the batch has committed and its `after` step is done, or failed (never rejects). */
  settled: Promise<void>;
}

export class BatchWriter {
  private readonly inFlightBatches = new Set<InFlight>();
  private last: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  private readonly writers: number;

  constructor(opts: BatchWriterOptions) {
    this.writers = Math.max(1, opts.writers);
  }

  /**
   * Starts writing a batch once a writer is free and no batch in flight shares a key with it.
   * `write(prev, narrow)` commits the batch and must await `prev` (the previous batch's commit,
   * which rejects when that batch failed) before it commits; it may call `narrow` with the keys
   * of the records it will create, once its duplicate check is done. It resolves to what
   * `after` receives; `after` runs once the batch has committed (heartbeat, statistics) and the
   * batch holds its writer until then. Throws the first failure of an earlier batch.
   */
  async start<T>(keys: Set<string>, write: (prev: Promise<void>, narrow: (keys: Set<string>) => void) => Promise<T>, after: (result: T) => Promise<void>): Promise<void> {
    for (;;) {
      this.throwIfFailed();
      const busy = [...this.inFlightBatches];
      if (busy.length < this.writers && !busy.some((b) => overlaps(b.keys, keys))) break;
      await Promise.race(busy.map((b) => b.settled));
    }
    let narrowedNow!: () => void;
    const narrowed = new Promise<void>((resolve) => (narrowedNow = resolve));
    const entry = { keys, narrowed } as InFlight;
    const narrow = (created: Set<string>) => {
      entry.keys = created;
      narrowedNow();
    };
    const result = write(this.last, narrow);
    const committed = result.then(() => {});
    // Handled here: the next batch awaits `committed` only if there is a next batch.
    committed.catch(() => {});
    entry.settled = result.then(after).then(
      () => {},
      (error) => {
        this.failure ??= { error };
      },
    ).finally(() => {
      narrowedNow();
      this.inFlightBatches.delete(entry);
    });
    this.inFlightBatches.add(entry);
    this.last = committed;
  }

  /**
   * Which keys of `keys` a batch in flight creates a record for, once every batch in flight has
   * narrowed its keys. Every batch started later commits after those records, so a later row
   * with such a key duplicates one of them.
   */
  async creating(keys: Iterable<string>): Promise<Set<string>> {
    await Promise.all([...this.inFlightBatches].map((b) => b.narrowed));
    const out = new Set<string>();
    for (const b of this.inFlightBatches) for (const k of keys) if (b.keys.has(k)) out.add(k);
    return out;
  }

  /** Waits for every batch started; throws the first failure. */
  async finish(): Promise<void> {
    await this.drain();
    this.throwIfFailed();
  }

  /** Waits for every batch started, failed or not (used when giving up). */
  async drain(): Promise<void> {
    await Promise.all([...this.inFlightBatches].map((b) => b.settled));
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return true;
  return false;
}
