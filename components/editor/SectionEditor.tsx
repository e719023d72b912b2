'use client';
/**
 * The rich-text editor of one section: tiptap bound to the section's Y.Doc (`body` fragment), with every
 * co-editor's caret in their name and colour. Editable only when the member may edit; the server enforces the
 * same rule, this only keeps the screen honest.
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
import { ConnectionStatus } from './ConnectionStatus';
import styles from './editor.module.css';
import { PresenceList } from './PresenceList';
import { useCollabSection } from './useCollabSection';

export interface SectionEditorProps {
  planId: string;
  section: string;
  docName: string;
  /** May start and answer comment threads (comment or edit right). */
  canComment: boolean;
  sectionLabel: string;
  editable: boolean;
  user: { id: string; name: string };
}

export function SectionEditor(props: SectionEditorProps) {
  const { doc, provider, state } = useCollabSection(props.docName);
  return (
    <div className={styles.wrapper}>
      <div className={styles.toolbar}>
        <ConnectionStatus state={state} />
        <PresenceList provider={provider} selfId={props.user.id} />
      </div>
      {provider ? <BoundEditor {...props} doc={doc} provider={provider} /> : <div className={styles.editorShell} aria-busy="true" />}
    </div>
  );
}

function BoundEditor({
  doc,
  provider,
  editable,
  user,
  sectionLabel,
  planId,
  section,
  canComment,
}: SectionEditorProps & { doc: ReturnType<typeof useCollabSection>['doc']; provider: NonNullable<ReturnType<typeof useCollabSection>['provider']> }) {
  const t = useTranslations('editor');
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field: RICH_TEXT_FIELD }),
        CollaborationCaret.configure({ provider, user: { id: user.id, name: user.name, color: colorForUser(user.id) } }),
        CommentHighlights,
      ],
      editorProps: {
        attributes: {
          class: styles.prose ?? '',
          'aria-label': t('label', { section: sectionLabel }),
          'aria-multiline': 'true',
          role: 'textbox',
          'aria-readonly': editable ? 'false' : 'true',
          'data-testid': 'section-editor',
        },
      },
    },
    [doc, provider, editable],
  );
  return (
    <div className={styles.withComments}>
      <div className={styles.wrapper}>
        {!editable && <p className={styles.readOnlyNote}>{t('readOnly')}</p>}
        <div className={styles.editorShell}>
          <EditorContent editor={editor} />
        </div>
      </div>
      <CommentsPanel planId={planId} section={section} editor={editor} doc={doc} provider={provider} canComment={canComment} />
    </div>
  );
}
