/**
 * A section's stored state read on the server, outside the realtime server: all stored rows merged through a
 * fresh Y.Doc (as persistence does), so the lifecycle rule, versions and exports read what storage holds.
 * Edits still in a node's write batch (flushDelayMs, 100 ms) are not yet stored and so not yet seen.
 */
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { loadUpdates } from '@/db/queries/yjs';
import { docNameFor, type SectionKey } from '@/lib/sections';

/** The section's stored state as one Yjs update (an empty doc's state when nothing is stored). */
export async function loadSectionState(db: Db, params: { planId: string; section: SectionKey }): Promise<Uint8Array> {
  const doc = await loadSectionDoc(db, params);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** A fresh Y.Doc holding the section's stored state. The caller owns it (destroy when done). */
export async function loadSectionDoc(db: Db, params: { planId: string; section: SectionKey }): Promise<Y.Doc> {
  const rows = await loadUpdates(db, { doc: docNameFor(params.planId, params.section) });
  return docFromUpdates(rows.map((r) => r.update));
}

/** A fresh Y.Doc from stored updates (or a snapshot's state). */
export function docFromUpdates(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates), 'storage');
  return doc;
}
