'use client';
/** A tiptap extension that marks commented text ranges, so readers see where a thread belongs. */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights');

export interface HighlightRange {
  id: string;
  from: number;
  to: number;
}

export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, old) {
            const next = tr.getMeta(commentHighlightsKey) as HighlightRange[] | undefined;
            if (next) {
              return DecorationSet.create(
                tr.doc,
                next.map((r) => Decoration.inline(r.from, r.to, { class: 'comment-anchor', 'data-thread': r.id })),
              );
            }
            return old.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations(state) {
            return commentHighlightsKey.getState(state);
          },
        },
      }),
    ];
  },
});
