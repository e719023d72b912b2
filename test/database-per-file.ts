/**
 * One test database per test file: opened before the file's first test, closed after its last. Returns the
 * database once it is open; reading it before `beforeAll` ran is a mistake in the test and throws.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../db/client';
import { openTestDatabase } from './db';

export function databasePerFile(): Database {
  let opened: Database | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(async () => {
    await opened?.close();
  });
  return new Proxy({} as Database, {
    get(_target, key) {
      if (!opened) throw new Error('the test database is opened in beforeAll; use it inside a test or hook');
      const value = opened[key as keyof Database];
      return typeof value === 'function' ? value.bind(opened) : value;
    },
  });
}
