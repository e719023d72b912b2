'use client';
/**
 * Comment threads of a section, next to its text. Anyone who may read sees them live; those who may comment
 * select text and add a thread, reply, or mark a thread done. Anchors follow the text as others type.
 */
import type { Editor } from '@tiptap/core';
import { Button, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { messageOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { CommentDone, ThreadStarted } from '@/lib/api/comments';
import styles from '../editor.module.css';
import { resolveAnchor, selectionAnchor } from './anchors';
import { commentHighlightsKey, type HighlightRange } from './highlights';
import { useThreads, type Thread } from './useThreads';

export interface CommentsPanelProps {
  planId: string;
  section: string;
  editor: Editor | null;
  doc: Y.Doc;
  provider: WebsocketProvider;
  canComment: boolean;
}

const startThread = (url: string, body: unknown) => postJson<ThreadStarted>(url, body);
const postToThread = (url: string, body: unknown) => postJson<CommentDone>(url, body);

export function CommentsPanel({ planId, section, editor, doc, provider, canComment }: CommentsPanelProps) {
  const t = useTranslations('comments');
  const base = `/api/plans/${planId}/sections/${section}/comments`;
  const { threads, failed, reload } = useThreads(base, provider);
  const [hasSelection, setHasSelection] = useState(false);
  const [draft, setDraft] = useState('');
  const [anchor, setAnchor] = useState<ReturnType<typeof selectionAnchor>>(null);
  const placing = useSubmit(startThread);

  // Track whether text is selected, to enable "comment on this".
  useEffect(() => {
    if (!editor) return;
    const onSelection = () => setHasSelection(!editor.state.selection.empty);
    editor.on('selectionUpdate', onSelection);
    return () => {
      editor.off('selectionUpdate', onSelection);
    };
  }, [editor]);

  // Mark commented ranges in the text; recompute when threads change.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const ranges: HighlightRange[] = [];
    for (const th of threads) {
      const r = resolveAnchor(editor, doc, th.anchorStart, th.anchorEnd);
      if (r) ranges.push({ id: th.id, ...r });
    }
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, ranges));
  }, [editor, doc, threads]);

  const startComment = () => {
    if (!editor) return;
    setAnchor(selectionAnchor(editor, doc));
    placing.clearError();
  };

  const submitThread = async () => {
    if (!anchor) return;
    const result = await placing.submit(base, { ...anchor, body: draft });
    if (!result.ok) return; // keep the draft: nothing typed is lost
    setDraft('');
    setAnchor(null);
    await reload();
  };

  const showInText = (th: Thread) => {
    if (!editor) return;
    const r = resolveAnchor(editor, doc, th.anchorStart, th.anchorEnd);
    if (r) editor.chain().focus().setTextSelection(r).scrollIntoView().run();
  };

  return (
    <aside className={styles.comments} aria-labelledby={`comments-${section}`} data-testid="comments">
      <h3 id={`comments-${section}`} className={styles.commentsTitle}>
        {t('title', { count: threads.length })}
      </h3>
      {canComment && !anchor && (
        <Button type="button" appearance="secondary-action-button" disabled={!hasSelection} onClick={startComment} data-testid="comment-start">
          {hasSelection ? t('commentOnSelection') : t('selectFirst')}
        </Button>
      )}
      {anchor && (
        <div className={styles.commentForm}>
          <blockquote className={styles.quote}>{anchor.quote}</blockquote>
          <label htmlFor={`new-comment-${section}`} className={styles.label}>
            {t('yourComment')}
          </label>
          <Textarea id={`new-comment-${section}`} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="comment-body" />
          {placing.error && <Paragraph role="alert">{messageOf(placing.error, { offline: t('offline') })}</Paragraph>}
          <div className={styles.row}>
            <Button type="button" appearance="primary-action-button" onClick={() => void submitThread()} data-testid="comment-submit">
              {t('place')}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={() => setAnchor(null)}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
      {failed && <Paragraph role="alert">{t('loadFailed')}</Paragraph>}
      <ul className={styles.threads}>
        {threads.map((th) => (
          <ThreadItem key={th.id} thread={th} base={base} canComment={canComment} onShow={() => showInText(th)} onChanged={reload} />
        ))}
      </ul>
    </aside>
  );
}

function ThreadItem({
  thread,
  base,
  canComment,
  onShow,
  onChanged,
}: {
  thread: Thread;
  base: string;
  canComment: boolean;
  onShow: () => void;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations('comments');
  const format = useFormatter();
  const [reply, setReply] = useState('');
  const sending = useSubmit(postToThread);
  const send = async (path: string, body: unknown, after: () => void) => {
    const result = await sending.submit(`${base}/${thread.id}/${path}`, body);
    if (!result.ok) return;
    after();
    await onChanged();
  };
  return (
    <li className={styles.thread} data-testid="comment-thread">
      <button type="button" className={styles.quoteButton} onClick={onShow} title={t('showInText')}>
        “{thread.quote}”
      </button>
      <ul className={styles.commentList}>
        {thread.comments.map((c) => (
          <li key={c.id}>
            <span className={styles.commentMeta}>
              {c.authorName} · {format.dateTime(new Date(c.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
            </span>
            <p className={styles.commentBody}>{c.body}</p>
          </li>
        ))}
      </ul>
      {canComment && (
        <div className={styles.replyRow}>
          <label className="visually-hidden" htmlFor={`reply-${thread.id}`}>
            {t('reply')}
          </label>
          <Textarea id={`reply-${thread.id}`} rows={2} placeholder={t('reply')} value={reply} onChange={(e) => setReply(e.target.value)} />
          <div className={styles.row}>
            <Button
              type="button"
              appearance="secondary-action-button"
              disabled={!reply.trim()}
              onClick={() => void send('replies', { body: reply }, () => setReply(''))}
            >
              {t('send')}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={() => void send('resolve', {}, () => undefined)}>
              {t('resolve')}
            </Button>
          </div>
        </div>
      )}
      {sending.error && <Paragraph role="alert">{messageOf(sending.error, { offline: t('offline') })}</Paragraph>}
    </li>
  );
}
