/**
 * The database: PGlite embedded (a data directory, or in memory for tests) or PostgreSQL when a URL is given.
 * Both speak the same SQL and run the same committed migrations.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions = { url: string } | { dataDir: string } | { memory: true };

const MIGRATIONS = path.resolve(process.cwd(), 'db/migrations');

/** Opens (but does not migrate) a database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // A lost idle connection must not crash the process; the pool replaces it.
    pool.on('error', (err) => console.error('[db] idle client error:', err.message));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS }),
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true });
    client = await PGlite.create(options.dataDir);
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS }),
    close: () => client.close(),
  };
}

const KEY = Symbol.for('onsplan.database');
type WithDatabase = typeof globalThis & { [KEY]?: Database };

/**
 * The process-wide database. PGlite is single-writer, so the server process opens it once and the Next.js
 * route handlers (a separate module graph in the same process) reach the same instance through globalThis.
 */
export function setSharedDatabase(database: Database): void {
  (globalThis as WithDatabase)[KEY] = database;
}

/** Returns the shared database; throws when the server has not opened one. */
export function getSharedDatabase(): Database {
  const database = (globalThis as WithDatabase)[KEY];
  if (!database) throw new Error('Database not opened: start the app with `npm start` (server/main.ts).');
  return database;
}

/** Shorthand for route handlers and services. */
export function getDb(): Db {
  return getSharedDatabase().db;
}
