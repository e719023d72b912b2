'use client';
/**
 * Converting between editor positions and Yjs relative positions, so a comment stays on its words while
 * others type before it (relative positions follow the text, absolute ones do not).
 */
import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { RICH_TEXT_FIELD } from '@/lib/richtext';

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

function mappingOf(editor: Editor): Mapping | null {
  const state = ySyncPluginKey.getState(editor.state) as { binding?: { mapping: Mapping } } | undefined;
  return state?.binding?.mapping ?? null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** The current selection as encoded relative positions and its text; null when nothing is selected. */
export function selectionAnchor(editor: Editor, doc: Y.Doc): { anchorStart: string; anchorEnd: string; quote: string } | null {
  const { from, to } = editor.state.selection;
  if (from === to) return null;
  const mapping = mappingOf(editor);
  if (!mapping) return null;
  const type = doc.getXmlFragment(RICH_TEXT_FIELD);
  const start = absolutePositionToRelativePosition(from, type, mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, type, mapping) as Y.RelativePosition;
  return {
    anchorStart: toBase64(Y.encodeRelativePosition(start)),
    anchorEnd: toBase64(Y.encodeRelativePosition(end)),
    quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 500),
  };
}

/** Where an anchored range is now; null when its text was deleted. */
export function resolveAnchor(editor: Editor, doc: Y.Doc, anchorStart: string, anchorEnd: string): { from: number; to: number } | null {
  const mapping = mappingOf(editor);
  if (!mapping) return null;
  const type = doc.getXmlFragment(RICH_TEXT_FIELD);
  try {
    const from = relativePositionToAbsolutePosition(doc, type, Y.decodeRelativePosition(fromBase64(anchorStart)), mapping);
    const to = relativePositionToAbsolutePosition(doc, type, Y.decodeRelativePosition(fromBase64(anchorEnd)), mapping);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null;
  }
}
