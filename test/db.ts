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

export interface TestDatabase extends Database {
  /**
   * How another process reaches this database: the PostgreSQL URL, or the PGlite data directory (null in
   * memory). A PGlite directory may be open in one process at a time: close this handle before handing it on.
   */
  target: string | null;
}

/**
 * Opens a migrated database; `close()` ends it (and drops it on PostgreSQL). With `dataDir` and no DATABASE_URL,
 * PGlite keeps its files there (for tests that hand the database to a child process).
 */
export async function openTestDatabase(options: { dataDir?: string } = {}): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const database = await openDatabase(options.dataDir ? { dataDir: options.dataDir } : { memory: true });
    await database.migrate();
    return { ...database, target: options.dataDir ?? null };
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
    target: url.toString(),
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

/** Opens a database a test prepared and another process used (PGlite directory or PostgreSQL URL) again. */
export async function reopenTestDatabase(target: string): Promise<Database> {
  return openDatabase(/^postgres(ql)?:\/\//.test(target) ? { url: target } : { dataDir: target });
}
