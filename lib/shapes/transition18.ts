/**
 * The `overgang18` section's live shape (DOMAIN.md "Naar 18+"): who directs after 18 (`director`, Y.Text) and,
 * per life domain, what is arranged after 18 (`arranged`: Y.Map domain → Y.Text).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { DomainKey } from '../bigfive';
import { SafeText, textOf, yText, type ReadResult } from './common';

export interface Transition18 {
  director: string;
  /** Domain → what is arranged after 18; domains with nothing written are absent. */
  arranged: Record<string, string>;
}

const Text = SafeText(5000);

export function transition18Types(doc: Y.Doc) {
  return { director: doc.getText('director'), arranged: doc.getMap<unknown>('arranged') };
}

/** Reads and validates the section: invalid entries are skipped and listed in `problems`. */
export function readTransition18(doc: Y.Doc): ReadResult<Transition18> {
  const types = transition18Types(doc);
  const problems: string[] = [];
  const director = Text.safeParse(types.director.toString());
  if (!director.success) problems.push(`director: ${director.error.issues.map((i) => i.message).join('; ')}`);
  const arranged: Record<string, string> = {};
  for (const [domain, value] of types.arranged.entries()) {
    const parsed = z.object({ domain: DomainKey, text: Text }).safeParse({ domain, text: value instanceof Y.Text ? value.toString() : value });
    if (!parsed.success) {
      problems.push(`arranged.${domain}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      continue;
    }
    if (parsed.data.text.trim()) arranged[domain] = parsed.data.text;
  }
  return { value: { director: director.success ? director.data : '', arranged }, problems };
}

/** The Y.Text of one domain (created when missing; see stabilityEntry for the simultaneous-create caveat). */
export function arrangedText(doc: Y.Doc, domain: string): Y.Text {
  const map = transition18Types(doc).arranged;
  const existing = map.get(domain);
  if (existing instanceof Y.Text) return existing;
  const fresh = yText(textOf(existing));
  map.set(domain, fresh);
  return fresh;
}
