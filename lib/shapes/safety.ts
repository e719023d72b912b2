/**
 * The shape of the safety plan: worries about harm, what already keeps the children safe, safety goals, the
 * concrete agreements (who does what, when, and what happens if not), the safety network that watches, and the
 * plan's status and review date in the map `meta`. The 0–10 safety scale is not here: ratings are server-side
 * rows (table `ratings`, kind `veiligheid`), never overwritten. The rich text `body` holds notes and comments.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { fragmentText, indexOfItem, ItemId, mapsOf, newItemId, OptionalDate, SafeText, validateItems, yItem, yText, type ReadResult } from './common';
import { RICH_TEXT_FIELD } from '../richtext';

export const SAFETY_TEXT_LISTS = ['worries', 'strengths', 'goals'] as const;
export type SafetyTextList = (typeof SAFETY_TEXT_LISTS)[number];

export const AGREEMENTS = 'agreements';
export const WATCHERS = 'watchers';
export const META = 'meta';

export const AGREEMENT_STATUSES = ['geldt', 'verbroken'] as const;

export const SAFETY_PLAN_STATUSES = ['concept', 'afgesproken', 'verbroken'] as const;
export type SafetyPlanStatus = (typeof SAFETY_PLAN_STATUSES)[number];

export const SafetyText = z.object({ id: ItemId, text: SafeText(1000) });
export type SafetyText = z.infer<typeof SafetyText>;

export const SafetyAgreement = z.object({
  id: ItemId,
  what: SafeText(1000),
  who: SafeText(200),
  when: SafeText(200),
  ifNot: SafeText(1000),
  status: z.enum(AGREEMENT_STATUSES),
  brokenAt: OptionalDate,
  discussedWithFamily: z.boolean().nullable(),
  /**
   * Left empty by the app: why a concern was not discussed with the family is recorded on the server only
   * (audit event, shown to professionals), because parents, young people and network read this doc.
   */
  notDiscussedReason: SafeText(1000),
  escalated: z.boolean(),
});
export type SafetyAgreement = z.infer<typeof SafetyAgreement>;

export const SafetyWatcher = z.object({ id: ItemId, name: SafeText(200), role: SafeText(200) });
export type SafetyWatcher = z.infer<typeof SafetyWatcher>;

export const SafetyMeta = z.object({ status: z.enum(SAFETY_PLAN_STATUSES), reviewDate: OptionalDate });
export type SafetyMeta = z.infer<typeof SafetyMeta>;

export interface SafetyContent {
  meta: SafetyMeta;
  worries: SafetyText[];
  strengths: SafetyText[];
  goals: SafetyText[];
  agreements: SafetyAgreement[];
  watchers: SafetyWatcher[];
  /** Notes below the plan (plain text of `body`). */
  notes: string;
}

export function safetyArray(doc: Y.Doc, name: SafetyTextList | typeof AGREEMENTS | typeof WATCHERS): Y.Array<unknown> {
  return doc.getArray(name);
}

export function safetyMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META);
}

function findItem(doc: Y.Doc, name: Parameters<typeof safetyArray>[1], id: string): Y.Map<unknown> | undefined {
  return mapsOf(safetyArray(doc, name)).find((m) => m.get('id') === id);
}

/** Adds a worry, a strength or a goal; returns its id. */
export function addSafetyText(doc: Y.Doc, list: SafetyTextList, text = ''): string {
  const id = newItemId();
  doc.transact(() => safetyArray(doc, list).push([yItem({ id, text: yText(text) })]));
  return id;
}

/** Adds an agreement that holds (`geldt`); returns its id. */
export function addAgreement(doc: Y.Doc, params: { what?: string; who?: string; when?: string; ifNot?: string } = {}): string {
  const id = newItemId();
  const item = yItem({
    id,
    what: yText(params.what ?? ''),
    who: params.who ?? '',
    when: params.when ?? '',
    ifNot: yText(params.ifNot ?? ''),
    status: 'geldt',
    brokenAt: '',
    discussedWithFamily: null,
    notDiscussedReason: '',
    escalated: false,
  });
  doc.transact(() => safetyArray(doc, AGREEMENTS).push([item]));
  return id;
}

/** Sets who and when of an agreement; returns whether it exists. */
export function updateAgreement(doc: Y.Doc, id: string, values: Partial<Pick<SafetyAgreement, 'who' | 'when'>>): boolean {
  const map = findItem(doc, AGREEMENTS, id);
  if (!map) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) map.set(key, value);
  });
  return true;
}

export interface BrokenAgreement {
  agreementId: string;
  discussedWithFamily: boolean;
  escalated: boolean;
  /** The day it was recorded, YYYY-MM-DD. */
  day: string;
}

/**
 * Records that an agreement was broken and whether the concern was discussed with the family; the plan as a whole
 * becomes `verbroken`. One transaction, so nobody sees half of it. The reason for not discussing it never goes
 * into the doc (the family reads it): the server keeps it. Returns whether the agreement exists.
 */
export function recordBrokenAgreement(doc: Y.Doc, params: BrokenAgreement): boolean {
  const map = findItem(doc, AGREEMENTS, params.agreementId);
  if (!map) return false;
  doc.transact(() => {
    map.set('status', 'verbroken');
    map.set('brokenAt', params.day);
    map.set('discussedWithFamily', params.discussedWithFamily);
    map.set('notDiscussedReason', '');
    map.set('escalated', params.escalated);
    safetyMeta(doc).set('status', 'verbroken');
  });
  return true;
}

/** Marks a broken agreement as holding again (the record of the break stays in the history of the doc). */
export function restoreAgreement(doc: Y.Doc, id: string): boolean {
  const map = findItem(doc, AGREEMENTS, id);
  if (!map) return false;
  doc.transact(() => map.set('status', 'geldt'));
  return true;
}

/** Adds a person of the safety network; returns their id. */
export function addWatcher(doc: Y.Doc, params: { name?: string; role?: string } = {}): string {
  const id = newItemId();
  doc.transact(() => safetyArray(doc, WATCHERS).push([yItem({ id, name: params.name ?? '', role: params.role ?? '' })]));
  return id;
}

/** Removes an item from one of the safety plan's lists; returns whether it was there. */
export function removeSafetyItem(doc: Y.Doc, list: Parameters<typeof safetyArray>[1], id: string): boolean {
  const array = safetyArray(doc, list);
  const index = indexOfItem(array, id);
  if (index < 0) return false;
  array.delete(index, 1);
  return true;
}

/** Sets the plan's status and/or review date. */
export function setSafetyMeta(doc: Y.Doc, values: Partial<SafetyMeta>): void {
  const meta = safetyMeta(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) meta.set(key, value);
  });
}

/** The safety plan as validated JSON; invalid items are skipped, an invalid status reads as `concept`. */
export function readSafety(doc: Y.Doc): ReadResult<SafetyContent> {
  const problems: string[] = [];
  const read = <T>(name: Parameters<typeof safetyArray>[1], schema: z.ZodType<T>): T[] => {
    const { items, problems: p } = validateItems(
      mapsOf(safetyArray(doc, name)).map((m) => m.toJSON()),
      schema,
      name,
    );
    problems.push(...p);
    return items;
  };
  const rawMeta = safetyMeta(doc).toJSON() as Record<string, unknown>;
  const meta = SafetyMeta.safeParse({ status: rawMeta.status ?? 'concept', reviewDate: rawMeta.reviewDate ?? '' });
  if (!meta.success) problems.push(`meta: ${meta.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
  const validMeta: SafetyMeta = meta.success
    ? meta.data
    : {
        status: SafetyMeta.shape.status.safeParse(rawMeta.status).data ?? 'concept',
        reviewDate: OptionalDate.safeParse(rawMeta.reviewDate).data ?? '',
      };
  return {
    value: {
      meta: validMeta,
      worries: read('worries', SafetyText),
      strengths: read('strengths', SafetyText),
      goals: read('goals', SafetyText),
      agreements: read(AGREEMENTS, SafetyAgreement),
      watchers: read(WATCHERS, SafetyWatcher),
      notes: fragmentText(doc.getXmlFragment(RICH_TEXT_FIELD)),
    },
    problems,
  };
}
