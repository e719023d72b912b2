'use client';
/**
 * One section, live: opens its Y.Doc, shows the connection state and who is here, and renders the section's
 * body from the registry (structured tools per section type; rich text by default). Editable only when the
 * member may edit; the server enforces the same rule, this only keeps the screen honest.
 */
import { SectionBody } from '@/components/plan/SectionBody';
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
      {provider ? <SectionBody {...props} doc={doc} provider={provider} /> : <div className={styles.editorShell} aria-busy="true" />}
    </div>
  );
}
