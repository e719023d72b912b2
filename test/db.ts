/**
 * A fresh, migrated database per test file (or per test): PGlite in memory by default, or — when DATABASE_URL is
 * set, as in CI's second run — a throw-away PostgreSQL database created next to the one the URL names and dropped
 * on close. Tests never mock the database: the real one answers in milliseconds.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';

/** True when the suite runs against PostgreSQL (DATABASE_URL set). */
export const usingPostgres = Boolean(process.env.DATABASE_URL);

/** Runs one statement on a short-lived connection to the server's maintenance database. */
async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Opens a migrated database; `close()` ends it (and drops it on PostgreSQL). */
export async function openTestDatabase(): Promise<Database> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const database = await openDatabase({ memory: true });
    await database.migrate();
    return database;
  }
  // Identifiers cannot be bound parameters; the name is ours (hex only), so it is safe to interpolate.
  const name = `onsplan_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ url: url.toString() });
    await database.migrate();
  } catch (err) {
    await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    throw err;
  }
  const closePool = database.close;
  let closed: Promise<void> | null = null;
  return {
    ...database,
    close() {
      closed ??= (async () => {
        await closePool();
        // FORCE: a connection a failed test left behind must not keep the database alive.
        await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      })();
      return closed;
    },
  };
}
