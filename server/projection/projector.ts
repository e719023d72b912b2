/**
 * The read model (ARCHITECTURE.md): after a section's updates are stored, its structured content is validated by
 * the section's reader (lib/shapes) and projected into SQL rows for dashboards. Invalid items are skipped and
 * reported in the server log, never trusted. Projection is debounced per doc: a burst of edits projects once.
 */
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { domainsOf } from '../../lib/bigfive';
import { SECTION_READERS } from '../../lib/shapes';
import { regionSettingsOfPlan } from '../../db/queries/regions';
import { parseDocName, type SectionKey } from '../../lib/sections';
import { loadStoredState } from '../realtime/persistence';
import { projectEvaluation } from './evaluation';
import { projectGoals } from './goals';
import { projectSafety } from './safety';

type Project = (db: Db, planId: string, value: unknown) => Promise<unknown>;

/** Sections with a read model, and how to project each. */
const PROJECTIONS: Partial<Record<SectionKey, Project>> = {
  doelen: projectGoals,
  veiligheid: projectSafety,
  evaluatie: projectEvaluation,
};

export interface Projector {
  /** Schedules a projection of this doc (called after its updates were stored). */
  schedule(docName: string, doc: Y.Doc): void;
  /** Projects everything scheduled now; resolves when done (tests, shutdown). */
  flush(): Promise<void>;
}

export interface ProjectorOptions {
  db: Db;
  delayMs?: number;
  /** The longest a projection waits while edits keep coming (default 2 s). */
  maxWaitMs?: number;
  log?: (msg: string) => void;
}

/** Projects one doc's content now; returns the problems the reader reported (empty when all was valid). */
export async function projectDoc(db: Db, docName: string, doc: Y.Doc, log: (msg: string) => void = console.warn): Promise<string[]> {
  const target = parseDocName(docName);
  if (!target) return [];
  const project = PROJECTIONS[target.section];
  const read = SECTION_READERS[target.section];
  if (!project || !read) return [];
  // Goals may only use the region's domains: the Big Five and the region's own.
  const domains = domainsOf(await regionSettingsOfPlan(db, { planId: target.planId }));
  const { value, problems } = read(doc, { domains });
  if (problems.length > 0) log(`[projection] ${docName}: skipped invalid content — ${problems.join(' | ')}`);
  await project(db, target.planId, value);
  return problems;
}

export function createProjector(options: ProjectorOptions): Projector {
  const delay = options.delayMs ?? 300;
  const log = options.log ?? ((msg: string) => console.warn(msg));
  const pending = new Map<string, { doc: Y.Doc; timer: NodeJS.Timeout; since: number }>();
  const maxWait = options.maxWaitMs ?? 2000;
  let chain: Promise<void> = Promise.resolve();

  const run = (docName: string, doc: Y.Doc) => {
    // One projection at a time per process keeps SQL transactions from interleaving on the same plan.
    chain = chain
      .then(async () => {
        // The room may have closed meanwhile (its writes were flushed first): project the stored state instead.
        if (!doc.isDestroyed) return projectDoc(options.db, docName, doc, log);
        const stored = new Y.Doc();
        await loadStoredState(options.db, docName, stored);
        try {
          return await projectDoc(options.db, docName, stored, log);
        } finally {
          stored.destroy();
        }
      })
      .then(() => undefined)
      .catch((err: unknown) => log(`[projection] ${docName} failed: ${err instanceof Error ? err.message : String(err)}`));
    return chain;
  };

  return {
    schedule(docName, doc) {
      const target = parseDocName(docName);
      if (!target || !PROJECTIONS[target.section]) return;
      const existing = pending.get(docName);
      // Debounced, but never starved: during continuous typing every flush would restart the wait, so after
      // `maxWait` the projection runs anyway.
      if (existing && Date.now() - existing.since >= maxWait) return;
      if (existing) clearTimeout(existing.timer);
      const timer = setTimeout(() => {
        pending.delete(docName);
        void run(docName, doc);
      }, delay);
      timer.unref?.();
      pending.set(docName, { doc, timer, since: existing?.since ?? Date.now() });
    },
    async flush() {
      for (const [docName, { doc, timer }] of [...pending]) {
        clearTimeout(timer);
        pending.delete(docName);
        void run(docName, doc);
      }
      await chain;
    },
  };
}
