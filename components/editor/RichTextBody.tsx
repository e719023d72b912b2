'use client';
/**
 * A section's rich text: tiptap bound to one XmlFragment of the section's Y.Doc, with every co-editor's caret in
 * their name and colour, and the comment threads anchored in it beside the text.
 */
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslations } from 'next-intl';
import { RICH_TEXT_FIELD } from '@/lib/richtext';
import { colorForUser } from './colors';
import { CommentsPanel } from './comments/CommentsPanel';
import { CommentHighlights } from './comments/highlights';
import styles from './editor.module.css';
import type { SectionBodyProps } from './section-body';

export interface RichTextBodyProps extends SectionBodyProps {
  /** Which XmlFragment of the doc (default `body`). */
  field?: string;
  /** Show co-editors' carets (one rich-text area per section may; awareness has one caret per person). */
  withCaret?: boolean;
  /** Show the comment threads beside the text (default true). */
  withComments?: boolean;
  /** Accessible name of the text area (default: the section's label). */
  label?: string;
}

export function RichTextBody(props: RichTextBodyProps) {
  const {
    doc,
    provider,
    editable,
    user,
    sectionLabel,
    planId,
    section,
    canComment,
    field = RICH_TEXT_FIELD,
    withCaret = true,
    withComments = true,
    label,
  } = props;
  const t = useTranslations('editor');
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field }),
        ...(withCaret ? [CollaborationCaret.configure({ provider, user: { id: user.id, name: user.name, color: colorForUser(user.id) } })] : []),
        CommentHighlights,
      ],
      editorProps: {
        attributes: {
          class: styles.prose ?? '',
          'aria-label': label ?? t('label', { section: sectionLabel }),
          'aria-multiline': 'true',
          role: 'textbox',
          'aria-readonly': editable ? 'false' : 'true',
          'data-testid': field === RICH_TEXT_FIELD ? 'section-editor' : `rich-${field}`,
        },
      },
    },
    [doc, provider, editable, field, withCaret],
  );
  const text = (
    <div className={styles.wrapper}>
      {!editable && <p className={styles.readOnlyNote}>{t('readOnly')}</p>}
      <div className={styles.editorShell}>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
  if (!withComments) return text;
  return (
    <div className={styles.withComments}>
      {text}
      <CommentsPanel planId={planId} section={section} editor={editor} doc={doc} provider={provider} canComment={canComment} />
    </div>
  );
}
