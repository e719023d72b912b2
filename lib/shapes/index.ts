/**
 * Section → reader of its structured content. A reader turns a section's Y.Doc into validated JSON (items that
 * fail validation are skipped and listed in `problems`). The projection (server/projection/) and the exports use
 * this registry; a section without a reader is exported as its rich text only. Add one line per section.
 */
import type * as Y from 'yjs';
import type { SectionKey } from '../sections';
import type { ReadResult } from './common';
import { readEvaluation } from './evaluation';
import { readTransition18 } from './transition18';
import { readGoals } from './goals';
import { readFamily } from './family';
import { readNetwork } from './network';
import { readSafety } from './safety';

/** What a reader may need to know beyond the doc: the plan's region's life domains (the Big Five and its own). */
export interface ReaderContext {
  domains?: readonly string[];
}

export type SectionReader = (doc: Y.Doc, context?: ReaderContext) => ReadResult<unknown>;

export const SECTION_READERS: Partial<Record<SectionKey, SectionReader>> = {
  evaluatie: (doc) => readEvaluation(doc),
  overgang18: (doc) => readTransition18(doc),
  doelen: (doc, context) => readGoals(doc, { domains: context?.domains }),
  gezin: (doc) => readFamily(doc),
  netwerk: (doc) => readNetwork(doc),
  veiligheid: (doc) => readSafety(doc),
};
