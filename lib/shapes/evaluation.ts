/**
 * The `evaluatie` section's live shape (DOMAIN.md "Evaluatie & afsluiten"):
 * - `reviews`: Y.Array of Y.Map {id, date, by, summary: Y.Text} — the periodic reviews;
 * - `stability`: Y.Map domain → Y.Map {stable: boolean, note: Y.Text} — the Big Five check before help lets go;
 * - `aftercare`, `waakvlam`, `closingReason`: Y.Text — nazorg, waakvlam agreements and why the plan closes.
 * The server reads the same doc (lifecycle rule, versions, export) through `readEvaluation`, never trusting raw content.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { BIG_FIVE, DomainKey, type BigFiveDomain } from '../bigfive';
import { ItemId, mapsOf, newItemId, OptionalDate, SafeText, textOf, validateItems, yItem, yText, type ReadResult } from './common';

export const Review = z.object({
  id: ItemId,
  date: OptionalDate,
  by: SafeText(200),
  summary: SafeText(5000),
});
export type Review = z.infer<typeof Review>;

export const StabilityEntry = z.object({ stable: z.boolean(), note: SafeText(1000) });
export type StabilityEntry = z.infer<typeof StabilityEntry>;

export interface Evaluation {
  reviews: Review[];
  /** Domain → its check; a domain without a (valid) entry is not marked stable. */
  stability: Record<string, StabilityEntry>;
  aftercare: string;
  waakvlam: string;
  closingReason: string;
}

const LongText = SafeText(5000);

/** The doc's Y types of this section (created on first access, as Yjs does for root types). */
export function evaluationTypes(doc: Y.Doc) {
  return {
    reviews: doc.getArray<unknown>('reviews'),
    stability: doc.getMap<unknown>('stability'),
    aftercare: doc.getText('aftercare'),
    waakvlam: doc.getText('waakvlam'),
    closingReason: doc.getText('closingReason'),
  };
}

/** Reads and validates the section: invalid reviews and stability entries are skipped and listed in `problems`. */
export function readEvaluation(doc: Y.Doc): ReadResult<Evaluation> {
  const types = evaluationTypes(doc);
  const problems: string[] = [];
  const rawReviews = mapsOf(types.reviews).map((m) => ({
    id: m.get('id'),
    date: m.get('date') ?? '',
    by: textOf(m.get('by')),
    summary: textOf(m.get('summary')),
  }));
  const reviews = validateItems(rawReviews, Review, 'reviews');
  problems.push(...reviews.problems);

  const stability: Record<string, StabilityEntry> = {};
  for (const [domain, value] of types.stability.entries()) {
    if (!DomainKey.safeParse(domain).success || !(value instanceof Y.Map)) {
      problems.push(`stability.${domain}: geen geldig levensdomein`);
      continue;
    }
    const parsed = StabilityEntry.safeParse({ stable: value.get('stable'), note: textOf(value.get('note')) });
    if (parsed.success) stability[domain] = parsed.data;
    else problems.push(`stability.${domain}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }

  const text = (name: 'aftercare' | 'waakvlam' | 'closingReason') => {
    const parsed = LongText.safeParse(types[name].toString());
    if (parsed.success) return parsed.data;
    problems.push(`${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return '';
  };
  return {
    value: { reviews: reviews.items, stability, aftercare: text('aftercare'), waakvlam: text('waakvlam'), closingReason: text('closingReason') },
    problems,
  };
}

/** The Big Five check as the lifecycle rule and the status history need it: every domain, stable or not. */
export function bigFiveStability(evaluation: Pick<Evaluation, 'stability'> | null): Record<BigFiveDomain, StabilityEntry> {
  const out = {} as Record<BigFiveDomain, StabilityEntry>;
  for (const domain of BIG_FIVE) {
    const entry = evaluation?.stability[domain];
    out[domain] = { stable: entry?.stable === true, note: entry?.note ?? '' };
  }
  return out;
}

// --- edits made by the section's tools (clients) and the demo seed ---

/** Adds a review at the top (newest first) and returns it. */
export function addReview(doc: Y.Doc, fields: { date: string; by: string; summary?: string }): Y.Map<unknown> {
  const item = yItem({ id: newItemId(), date: fields.date, by: yText(fields.by), summary: yText(fields.summary ?? '') });
  evaluationTypes(doc).reviews.insert(0, [item]);
  return item;
}

/**
 * The stability entry of one domain, created when missing. Two people creating the same domain's entry at the
 * very same moment keep one of the two (a Y.Map key is last-writer-wins); afterwards both edit the same entry.
 */
function stabilityEntry(doc: Y.Doc, domain: string): Y.Map<unknown> {
  const map = evaluationTypes(doc).stability;
  const existing = map.get(domain);
  if (existing instanceof Y.Map) return existing;
  const entry = yItem({ stable: false, note: yText('') });
  map.set(domain, entry);
  return entry;
}

/** Marks a domain stable or not. */
export function setStable(doc: Y.Doc, domain: string, stable: boolean): void {
  doc.transact(() => stabilityEntry(doc, domain).set('stable', stable));
}

/** The note of a domain's check as a Y.Text (created when missing). */
export function stabilityNote(doc: Y.Doc, domain: string): Y.Text {
  const entry = stabilityEntry(doc, domain);
  const note = entry.get('note');
  if (note instanceof Y.Text) return note;
  const fresh = yText(typeof note === 'string' ? note : '');
  entry.set('note', fresh);
  return fresh;
}
