/**
 * The read model of seeded plans. The demo seed writes documents straight into the update log, without the realtime
 * server, so nothing projects them; this writes their projected rows (goals, actions, safety plan, agreements,
 * evaluation) from the same readers the projection uses (lib/shapes), in one statement per table, so the overzicht
 * and the region view are right on a fresh start. Seeded actions that are done get the moment they were done.
 */
import * as Y from 'yjs';
import type { Db } from '../client';
import { loadUpdates } from '../queries/yjs';
import { projectedActions, projectedAgreements, projectedEvaluation, projectedGoals, projectedSafety } from '../schema';
import { docNameFor } from '../../lib/sections';
import { readEvaluation } from '../../lib/shapes/evaluation';
import { readGoals } from '../../lib/shapes/goals';
import { readSafety } from '../../lib/shapes/safety';

export interface SeedDocs {
  planId: string;
  doelen?: Y.Doc;
  veiligheid?: Y.Doc;
  evaluatie?: Y.Doc;
}

export interface ReadModelRows {
  goals: (typeof projectedGoals.$inferInsert)[];
  actions: (typeof projectedActions.$inferInsert)[];
  safety: (typeof projectedSafety.$inferInsert)[];
  agreements: (typeof projectedAgreements.$inferInsert)[];
  evaluation: (typeof projectedEvaluation.$inferInsert)[];
}

export const emptyReadModel = (): ReadModelRows => ({ goals: [], actions: [], safety: [], agreements: [], evaluation: [] });

const dateOrNull = (d: string) => (d === '' ? null : d);
const title = (s: string) => (s.length > 300 ? `${s.slice(0, 299)}…` : s);
/** A done action without a known moment: the day it was due (at ten in the morning), or `fallback`. */
const dueMoment = (due: string, fallback: Date) => (due ? new Date(`${due}T10:00:00+01:00`) : fallback);

/** Adds the projected rows of one plan's docs to `out`. `doneAt` names the moment a done action was done. */
export function addReadModel(out: ReadModelRows, docs: SeedDocs, options: { now: Date; doneAt?: Map<string, Date> }): void {
  const { planId } = docs;
  if (docs.doelen) {
    const goals = readGoals(docs.doelen).value;
    const seen = new Set<string>();
    goals.forEach((g, position) => {
      out.goals.push({
        planId,
        goalId: g.id,
        domain: g.domain,
        title: title(g.words),
        forWhom: g.forWhom,
        owner: g.owner,
        status: g.status,
        reviewDate: dateOrNull(g.reviewDate),
        position,
      });
      for (const a of g.actions) {
        if (seen.has(a.id)) continue;
        seen.add(a.id);
        out.actions.push({
          planId,
          actionId: a.id,
          goalId: g.id,
          title: title(a.what),
          owner: a.owner,
          dueDate: dateOrNull(a.due),
          done: a.done,
          doneAt: a.done ? (options.doneAt?.get(a.id) ?? dueMoment(a.due, options.now)) : null,
        });
      }
    });
  }
  if (docs.veiligheid) {
    const safety = readSafety(docs.veiligheid).value;
    out.safety.push({
      planId,
      status: safety.meta.status,
      reviewDate: dateOrNull(safety.meta.reviewDate),
      agreements: safety.agreements.length,
      brokenAgreements: safety.agreements.filter((a) => a.status === 'verbroken').length,
    });
    for (const a of safety.agreements) {
      const broken = a.status === 'verbroken';
      out.agreements.push({
        planId,
        agreementId: a.id,
        what: a.what.slice(0, 300),
        who: a.who,
        status: a.status,
        brokenAt: broken && a.brokenAt ? a.brokenAt : null,
        escalated: broken && a.escalated,
      });
    }
  }
  if (docs.evaluatie) {
    const evaluation = readEvaluation(docs.evaluatie).value;
    const dates = evaluation.reviews
      .map((r) => r.date)
      .filter((d) => d !== '')
      .sort();
    out.evaluation.push({
      planId,
      stability: Object.fromEntries(Object.entries(evaluation.stability).map(([domain, e]) => [domain, e.stable])),
      reviews: evaluation.reviews.length,
      latestReviewDate: dates[dates.length - 1] ?? null,
    });
  }
}

/** Writes the rows, one statement per table (chunked, so a large seed stays under the parameter limit). */
export async function insertReadModel(db: Db, rows: ReadModelRows): Promise<void> {
  const chunks = <T>(list: T[], size = 500) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  for (const c of chunks(rows.goals)) await db.insert(projectedGoals).values(c);
  for (const c of chunks(rows.actions)) await db.insert(projectedActions).values(c);
  for (const c of chunks(rows.safety)) await db.insert(projectedSafety).values(c);
  for (const c of chunks(rows.agreements)) await db.insert(projectedAgreements).values(c);
  for (const c of chunks(rows.evaluation)) await db.insert(projectedEvaluation).values(c);
}

/** Loads a plan's stored docs (the written demo families), for `addReadModel`. */
export async function storedDocs(db: Db, planId: string): Promise<SeedDocs> {
  const load = async (section: 'doelen' | 'veiligheid' | 'evaluatie') => {
    const rows = await loadUpdates(db, { doc: docNameFor(planId, section) });
    if (rows.length === 0) return undefined;
    const doc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(doc, r.update);
    return doc;
  };
  return { planId, doelen: await load('doelen'), veiligheid: await load('veiligheid'), evaluatie: await load('evaluatie') };
}
