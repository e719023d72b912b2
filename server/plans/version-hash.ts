/**
 * The hash a signature is on: SHA-256 (hex) over the canonical JSON of a version's snapshot — keys sorted at every
 * level, no whitespace — so the same snapshot always gives the same hash, whatever order its keys were stored in
 * (jsonb does not keep key order).
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256, lowercase hex, of the snapshot's canonical JSON. */
export function hashSnapshot(snapshot: Record<string, string>): string {
  return createHash('sha256').update(canonicalJson(snapshot), 'utf8').digest('hex');
}
