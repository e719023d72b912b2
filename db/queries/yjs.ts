/** The append-only Yjs update log and its compaction. */
import { and, asc, count, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { yjsUpdates } from '../schema';

export interface StoredUpdate {
  id: number;
  update: Uint8Array;
}

/** Every stored row of a doc, oldest first (a snapshot row, if any, comes first by id). */
export async function loadUpdates(db: Db, params: { doc: string }): Promise<StoredUpdate[]> {
  return db.select({ id: yjsUpdates.id, update: yjsUpdates.update }).from(yjsUpdates).where(eq(yjsUpdates.doc, params.doc)).orderBy(asc(yjsUpdates.id));
}

/** Appends updates (already batched by the caller) in one statement. */
export async function appendUpdates(db: Db, rows: { doc: string; update: Uint8Array; userId: string | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(yjsUpdates).values(rows);
}

export async function countUpdates(db: Db, params: { doc: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(yjsUpdates).where(eq(yjsUpdates.doc, params.doc));
  return Number(row?.n ?? 0);
}

/**
 * Replaces all rows of a doc up to and including `upToId` by one snapshot row, inside one transaction
 * holding an advisory lock on the doc so two nodes never compact the same doc at once.
 * `merge` turns the rows into the snapshot (through a real Y.Doc, so deleted content is collected).
 */
export async function compactUpdates(
  db: Db,
  params: { doc: string; merge: (updates: Uint8Array[]) => Uint8Array },
): Promise<{ before: number; after: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${params.doc}))`);
    const rows = await tx
      .select({ id: yjsUpdates.id, update: yjsUpdates.update })
      .from(yjsUpdates)
      .where(eq(yjsUpdates.doc, params.doc))
      .orderBy(asc(yjsUpdates.id));
    const last = rows[rows.length - 1];
    if (!last || rows.length < 2) return { before: rows.length, after: rows.length };
    const snapshot = params.merge(rows.map((r) => r.update));
    await tx.delete(yjsUpdates).where(and(eq(yjsUpdates.doc, params.doc), lte(yjsUpdates.id, last.id)));
    await tx.insert(yjsUpdates).values({ doc: params.doc, update: snapshot, userId: null, isSnapshot: true });
    const [after] = await tx.select({ n: count() }).from(yjsUpdates).where(eq(yjsUpdates.doc, params.doc));
    return { before: rows.length, after: Number(after?.n ?? 0) };
  });
}
