import 'server-only';
/** Liveness and what this node runs on (GET /api/health): database kind, bus kind, version. */
import { sql } from 'drizzle-orm';
import { getSharedDatabase, type Database } from '../db/client';
import { getRuntime } from './runtime';
import { appVersion } from './version';

export interface Health {
  status: 'ok' | 'degraded';
  database: Database['kind'];
  databaseOk: boolean;
  bus: 'local' | 'redis';
  version: string;
}

/** The node's health; `databaseOk: false` (and `degraded`) when the database does not answer. */
export async function health(): Promise<Health> {
  const database = getSharedDatabase();
  let databaseOk = true;
  try {
    await database.db.execute(sql`select 1`);
  } catch {
    databaseOk = false;
  }
  const bus = getRuntime()?.busKind ?? 'local';
  return { status: databaseOk ? 'ok' : 'degraded', database: database.kind, databaseOk, bus, version: appVersion() };
}
