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
  return openedInBeforeAll(() => opened, 'the test database is opened in beforeAll; use it inside a test or hook');
}

/** A stand-in for a value a beforeAll hook makes: every property read goes to the value, once it is there. */
export function openedInBeforeAll<T extends object>(current: () => T | undefined, notYet: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const value = current();
      if (!value) throw new Error(notYet);
      const property = value[key as keyof T];
      return typeof property === 'function' ? property.bind(value) : property;
    },
  });
}
