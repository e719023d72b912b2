/**
 * The plan exactly as the requesting member may see it (AVG right of access): household, frame, status and
 * regisseur, then every visible section — its structured content validated by the section's reader (invalid items
 * are left out), its rich text as plain text, and its comments — plus ratings, status history and versions.
 * Sections the member may not see are absent: not their content, not their title, not their comments.
 */
import * as Y from 'yjs';
import { listThreadsForExport, type ExportThread } from '@/db/queries/export';
import { listStatusChanges } from '@/db/queries/lifecycle';
import { listRatings, type RatingKind } from '@/db/queries/ratings';
import { regionSettingsOfPlan } from '@/db/queries/regions';
import { findUserById } from '@/db/queries/users';
import { listVersions } from '@/db/queries/versions';
import { sectionTitle } from '@/lib/bigfive';
import { summariseOutcomes, type Outcomes } from '@/lib/outcomes';
import { can, type Level } from '@/lib/policy';
import type { PlanRole } from '@/lib/roles';
import type { SectionKey } from '@/lib/sections';
import { fragmentText } from '@/lib/shapes/common';
import { SECTION_READERS } from '@/lib/shapes/index';
import nl from '@/messages/nl.json';
import type { ServiceContext } from '../context';
import { accessOf, type Actor } from '../plans/actor';
import { goalTitles } from '../plans/outcomes';
import { loadSectionDoc } from '../plans/section-state';

export interface ExportSection {
  key: SectionKey;
  title: string;
  right: Exclude<Level, 'none'>;
  /** Validated structured content (the section's reader), or null for a rich-text-only section. */
  content: unknown;
  /** How many items failed validation and were left out. */
  skipped: number;
  /** Every rich-text field of the doc as plain text (`body` first). */
  richText: { field: string; text: string }[];
  comments: Omit<ExportThread, 'section'>[];
}

export interface ExportModel {
  format: 'onsplan-export/1';
  exportedAt: string;
  exportedBy: { name: string | null; role: PlanRole };
  plan: {
    id: string;
    household: string;
    people: { name: string; relation: string; birthDate: string | null; gezag: boolean }[];
    status: string;
    kader: string;
    summary: string;
    casusregisseur: string | null;
  };
  sections: ExportSection[];
  ratings: {
    all: {
      kind: string;
      goalId: string | null;
      domain: string | null;
      value: number;
      raterName: string | null;
      raterRole: PlanRole;
      note: string | null;
      createdAt: string;
    }[];
    outcomes: Outcomes;
  } | null;
  statusHistory: { from: string; to: string; reason: string | null; stability: unknown; changedBy: string | null; at: string }[] | null;
  versions: { name: string; createdAt: string; hash: string; signatures: { name: string | null; role: PlanRole; signedAt: string }[] }[];
}

/** True when a root type of the doc holds rich text (tiptap's XML), whether or not it was defined as a fragment yet. */
function isRichText(type: object & { _start: Y.Item | null }): boolean {
  if (type instanceof Y.XmlFragment) return true;
  const start: Y.Item | null = type._start;
  if (type.constructor !== Y.AbstractType) return false; // a Map, Array or Text defined by a reader
  for (let item = start; item; item = item.right) {
    if (item.deleted) continue;
    return item.content instanceof Y.ContentType && (item.content.type instanceof Y.XmlElement || item.content.type instanceof Y.XmlText);
  }
  return false;
}

/** Reads one section doc: structured content through the registry (never trusted raw), then every rich-text field. */
export function readSectionForExport(section: SectionKey, doc: Y.Doc): Pick<ExportSection, 'content' | 'skipped' | 'richText'> {
  let content: unknown = null;
  let skipped = 0;
  const reader = SECTION_READERS[section];
  if (reader) {
    try {
      const result = reader(doc);
      content = result.value;
      skipped = result.problems.length;
    } catch {
      // A doc whose root types do not match the section's shape at all: nothing of it is trusted.
      skipped = 1;
    }
  }
  const names = [...doc.share.keys()].sort((a, b) => (a === 'body' ? -1 : b === 'body' ? 1 : a.localeCompare(b)));
  const richText: ExportSection['richText'] = [];
  for (const name of names) {
    const type = doc.share.get(name);
    if (!type || !isRichText(type)) continue;
    const text = fragmentText(doc.getXmlFragment(name));
    if (text) richText.push({ field: name, text });
  }
  return { content, skipped, richText };
}

/** Builds the export for this member; throws a not_found refusal for anyone who is not an active member. */
export async function buildExport(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor; now?: Date }): Promise<ExportModel> {
  const { db } = ctx;
  const { member, plan, sections } = await accessOf(db, params.actor);
  const planId = plan.id;
  // Titles as the plan's region names its sections, else the Dutch defaults.
  const settings = await regionSettingsOfPlan(db, { planId });
  const defaults = nl.sections as Record<string, string>;
  const titleOf = (key: SectionKey) => sectionTitle(key, settings, (k) => defaults[k] ?? k);
  const threads = await listThreadsForExport(db, { planId, sections: sections.map((s) => s.key) });
  const out: ExportSection[] = [];
  for (const s of sections) {
    const doc = await loadSectionDoc(db, { planId, section: s.key });
    try {
      out.push({
        key: s.key,
        title: titleOf(s.key),
        right: s.level,
        ...readSectionForExport(s.key, doc),
        comments: threads.filter((t) => t.section === s.key).map(({ section: _s, ...t }) => t),
      });
    } finally {
      doc.destroy();
    }
  }
  const visible = (k: SectionKey) => sections.some((s) => s.key === k) && can(member, 'read', k);
  // Ratings follow the section they belong to: goals (and their domains) with doelen, the safety scale with veiligheid.
  const kinds: RatingKind[] = [
    ...(visible('doelen') ? (['voortgang', 'gas', 'zelfredzaamheid'] as const) : []),
    ...(visible('veiligheid') ? (['veiligheid'] as const) : []),
  ];
  const ratingRows = await listRatings(db, { planId, kinds });
  const exportedByName = (await findUserById(db, { id: member.userId }))?.name ?? null;
  return {
    format: 'onsplan-export/1',
    exportedAt: (params.now ?? new Date()).toISOString(),
    exportedBy: { name: exportedByName, role: member.role },
    plan: {
      id: plan.id,
      household: plan.householdName,
      people: plan.people.map((p) => ({ name: p.name, relation: p.relation, birthDate: p.birthDate, gezag: p.gezag })),
      status: plan.status,
      kader: plan.kader,
      summary: plan.summary,
      casusregisseur: plan.casusregisseur?.name ?? null,
    },
    sections: out,
    ratings:
      kinds.length === 0
        ? null
        : {
            all: ratingRows.map((r) => ({
              kind: r.kind,
              goalId: r.goalId,
              domain: r.domain,
              value: r.value,
              raterName: r.raterName,
              raterRole: r.raterRole,
              note: r.note,
              createdAt: r.createdAt.toISOString(),
            })),
            outcomes: summariseOutcomes(ratingRows, visible('doelen') ? await goalTitles(db, { planId }) : new Map()),
          },
    statusHistory: visible('evaluatie')
      ? (await listStatusChanges(db, { planId })).map((c) => ({
          from: c.from,
          to: c.to,
          reason: c.reason,
          stability: c.stability,
          changedBy: c.changedByName,
          at: c.createdAt.toISOString(),
        }))
      : null,
    versions: (await listVersions(db, { planId })).map((v) => ({
      name: v.name,
      createdAt: v.createdAt.toISOString(),
      hash: v.hash,
      signatures: v.signatures.map((s) => ({ name: s.name, role: s.role, signedAt: s.signedAt.toISOString() })),
    })),
  };
}
