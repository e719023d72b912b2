/**
 * The one check of a database id (plans, members, threads, versions, users, organisations). Any 8-4-4-4-12 hex
 * string is accepted, as PostgreSQL's uuid type does: a malformed id is refused before it reaches a query.
 */
import { z } from 'zod';

export const Uuid = z.guid();

export function isUuid(value: unknown): value is string {
  return Uuid.safeParse(value).success;
}
