/**
 * A transaction whose handle has the same type as the database, so queries of `(db, params)` run inside it
 * unchanged. drizzle types the transaction apart from the database although it offers the same query API; this is
 * the one place that says so.
 */
import type { Db } from './client';

export function transaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}
