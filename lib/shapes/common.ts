/**
 * Building blocks for the structured content of sections. Items live in `Y.Array`s of `Y.Map`s inside their
 * section's doc; text that people type together is `Y.Text` (merges character by character), long narrative
 * text is a `Y.XmlFragment` (rich text). Each section's shape file declares its zod schema for the JSON form
 * (`readX(doc)`), which the projection and the exports validate before trusting anything.
 */
import * as Y from 'yjs';
import { z } from 'zod';

/** Item ids are made by clients: short, URL-safe, never free text. */
export const ItemId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'ongeldig id');

const SCRIPTISH = /<\s*\/?\s*(script|iframe|object|embed|style)\b|javascript:|on[a-z]+\s*=/i;

/** Plain text typed by people: bounded, and never markup that could run as script anywhere it is shown. */
export const SafeText = (max = 2000) =>
  z
    .string()
    .max(max, `langer dan ${max} tekens`)
    .refine((s) => !SCRIPTISH.test(s), 'bevat code');

/** A calendar date as YYYY-MM-DD, or empty when not set. */
export const OptionalDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'geen datum')]);

/** A new item id (random, URL-safe). */
export function newItemId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'[b & 63];
  return s;
}

/** The text of a Y.Text, or '' for anything else (robust against malformed content). */
export function textOf(value: unknown): string {
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

/** Plain text of a rich-text fragment: the text of its leaves, blocks separated by newlines. */
export function fragmentText(value: unknown): string {
  if (!(value instanceof Y.XmlFragment || value instanceof Y.XmlElement)) return '';
  const out: string[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      out.push(node.toString().replace(/<[^>]*>/g, ''));
      return;
    }
    const before = out.length;
    for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText);
    if (node instanceof Y.XmlElement && out.length > before) out.push('\n');
  };
  walk(value);
  return out
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** A Y.Text holding `initial`. */
export function yText(initial = ''): Y.Text {
  const t = new Y.Text();
  if (initial) t.insert(0, initial);
  return t;
}

/** A Y.Map item with the given fields (Y types are integrated as they are). */
export function yItem(fields: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
}

/** The maps of a Y.Array, skipping anything that is not a map (malformed content). */
export function mapsOf(array: Y.Array<unknown>): Y.Map<unknown>[] {
  return array.toArray().filter((v): v is Y.Map<unknown> => v instanceof Y.Map);
}

/** Finds the index of the item with this id in a Y.Array of maps. */
export function indexOfItem(array: Y.Array<unknown>, id: string): number {
  return array.toArray().findIndex((v) => v instanceof Y.Map && v.get('id') === id);
}

/** Result of validating a section's content: valid items, and what was skipped and why. */
export interface ReadResult<T> {
  value: T;
  problems: string[];
}

/** Validates each raw item with `schema`; invalid ones are skipped and reported, never trusted. */
export function validateItems<T>(raw: unknown[], schema: z.ZodType<T>, label: string): { items: T[]; problems: string[] } {
  const items: T[] = [];
  const problems: string[] = [];
  raw.forEach((r, i) => {
    const parsed = schema.safeParse(r);
    if (parsed.success) items.push(parsed.data);
    else problems.push(`${label}[${i}]: ${parsed.error.issues.map((x) => `${x.path.join('.') || '(item)'} ${x.message}`).join('; ')}`);
  });
  return { items, problems };
}
