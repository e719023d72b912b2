/**
 * Storage of live documents: load every stored row into the room's Y.Doc before the first sync message, and
 * write client updates once each (with the user id), batched per doc, compacting when a doc grows.
 */
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { appendUpdates, compactUpdates, countUpdates, loadUpdates } from '../../db/queries/yjs';

/** Applies all stored updates of a doc to `doc`; returns how many rows there were. */
export async function loadStoredState(db: Db, docName: string, doc: Y.Doc): Promise<number> {
  const rows = await loadUpdates(db, { doc: docName });
  if (rows.length === 0) return 0;
  // One transaction around all rows: a single 'update' event, not thousands. (Applying row by row inside it is
  // ~25× faster than Y.mergeUpdates over 10,000 rows — bench/storage.ts, docs/performance.md.)
  doc.transact(() => {
    for (const r of rows) Y.applyUpdate(doc, r.update);
  }, 'storage');
  return rows.length;
}

/** Merges rows through a real Y.Doc so deleted content is garbage-collected in the snapshot. */
export function mergeThroughDoc(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  const snapshot = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return snapshot;
}

/** Compacts a doc's rows into one snapshot. */
export function compactDoc(db: Db, docName: string) {
  return compactUpdates(db, { doc: docName, merge: mergeThroughDoc });
}

interface Pending {
  update: Uint8Array;
  userId: string | null;
}

/**
 * Batches the updates of one doc and writes them in one statement per flush. Consecutive updates of the same
 * user are merged into one row: each update is stored exactly once, attribution is kept per user.
 */
export class UpdateWriter {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** Number of flushes that reached the database; read by the storage benchmark. */
  writes = 0;

  constructor(
    private readonly db: Db,
    private readonly docName: string,
    private readonly options: {
      flushDelayMs: number;
      compactAfterRows: number;
      onError: (err: unknown) => void;
      /** Called after each batch reached the database (the projection listens). */
      onStored?: () => void;
    },
  ) {}

  /** Rows of this doc in storage as far as this node knows; set after loading, kept up to date by flushes. */
  knownRows = 0;

  /** Queues one client update for storage. */
  add(update: Uint8Array, userId: string | null): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.userId === userId) last.update = Y.mergeUpdates([last.update, update]);
    else this.pending.push({ update, userId });
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushDelayMs);
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Writes everything queued so far; resolves when it is stored. Flushes run one after another. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await appendUpdates(
          this.db,
          batch.map((p) => ({ doc: this.docName, update: p.update, userId: p.userId })),
        );
      } catch (err) {
        // Keep the batch: it is retried on the next flush rather than lost.
        this.pending = [...batch, ...this.pending];
        this.options.onError(err);
        this.timer ??= setTimeout(() => void this.flush(), Math.max(1000, this.options.flushDelayMs));
        return;
      }
      // From here on the batch is stored. What follows may fail without the batch going back in the queue:
      // that would store the same updates twice, and again on every retry.
      this.writes += 1;
      this.knownRows += batch.length;
      try {
        this.options.onStored?.();
      } catch (err) {
        this.options.onError(err);
      }
      if (this.knownRows >= this.options.compactAfterRows) {
        try {
          // Another node may have compacted meanwhile: count before doing the work.
          this.knownRows = await countUpdates(this.db, { doc: this.docName });
          if (this.knownRows >= this.options.compactAfterRows) {
            const { after } = await compactDoc(this.db, this.docName);
            this.knownRows = after;
          }
        } catch (err) {
          // The rows stay as they are (the log is still complete); the next flush past the bound tries again.
          this.options.onError(err);
        }
      }
    });
    return this.flushing;
  }
}
