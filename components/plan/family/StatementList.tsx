'use client';
/**
 * One list of "Ons gezin" (what goes well, or worries): each point shows who wrote it and on which side
 * ("door het gezin" / "door een professional"); the side comes from the author's role when the point is made.
 */
import { Button } from '@utrecht/component-library-react';
import { useFormatter, useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import * as Y from 'yjs';
import { LiveText } from '../item-fields';
import { useYDeep } from '@/components/live/useY';
import type { PlanRole } from '@/lib/roles';
import { mapsOf } from '@/lib/shapes/common';
import { addFamilyStatement, familyList, removeFamilyStatement, type AuthorSide, type FamilyList } from '@/lib/shapes/family';
import styles from './family.module.css';

export interface StatementListProps {
  doc: Y.Doc;
  list: FamilyList;
  editable: boolean;
  /** The viewer's side; null until known (then nothing can be added or changed). */
  side: AuthorSide | null;
  role: PlanRole | null;
  user: { id: string; name: string };
}

export function StatementList({ doc, list, editable, side, role, user }: StatementListProps) {
  const t = useTranslations('family');
  const format = useFormatter();
  const array = familyList(doc, list);
  useYDeep(array as unknown as Y.AbstractType<unknown>);
  const id = useId();
  const [draft, setDraft] = useState('');
  const items = mapsOf(array).filter((m) => typeof m.get('id') === 'string' && m.get('text') instanceof Y.Text);
  const canAdd = editable && role !== null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim() || !role) return;
    addFamilyStatement(doc, list, { text: draft.trim(), role, authorName: user.name });
    setDraft('');
  };
  const title = t(list === 'strengths' ? 'strengths' : 'worries');
  return (
    <section
      className={`${styles.list} ${list === 'worries' ? styles.worries : styles.strengths}`}
      aria-labelledby={`${id}-title`}
      data-testid={`family-${list}`}
    >
      <h3 id={`${id}-title`} className={styles.blockTitle}>
        {title}
      </h3>
      {items.length === 0 && <p className={styles.muted}>{t('emptyList')}</p>}
      <ul className={styles.items}>
        {items.map((m, i) => {
          const by: AuthorSide = m.get('by') === 'professional' ? 'professional' : 'gezin';
          const mine = editable && side === by;
          const createdAt = typeof m.get('createdAt') === 'string' ? new Date(m.get('createdAt') as string) : null;
          const authorName = typeof m.get('authorName') === 'string' ? (m.get('authorName') as string) : '';
          return (
            <li
              key={m.get('id') as string}
              className={`${styles.item} ${by === 'gezin' ? styles.itemFamily : styles.itemPro}`}
              data-testid="statement"
              data-by={by}
            >
              <LiveText text={m.get('text') as Y.Text} label={`${title} ${i + 1}`} hideLabel multiline editable={mine} maxLength={1000} />
              <div className={styles.itemMeta}>
                <span className={by === 'gezin' ? styles.badgeFamily : styles.badgePro}>{by === 'gezin' ? t('byFamily') : t('byProfessional')}</span>
                <span className={styles.author}>
                  {authorName}
                  {createdAt && !Number.isNaN(createdAt.getTime()) && `, ${format.dateTime(createdAt, { day: 'numeric', month: 'short', year: 'numeric' })}`}
                </span>
                {mine && (
                  <Button type="button" appearance="subtle-button" onClick={() => removeFamilyStatement(doc, list, m.get('id') as string)}>
                    {t('remove')}
                    <span className="visually-hidden">
                      {' '}
                      {title} {i + 1}
                    </span>
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {canAdd && (
        <form className={styles.addForm} onSubmit={submit}>
          <label htmlFor={`${id}-new`} className="visually-hidden">
            {t(list === 'strengths' ? 'addStrength' : 'addWorry')}
          </label>
          <input
            id={`${id}-new`}
            className={styles.addInput}
            value={draft}
            maxLength={1000}
            placeholder={t(list === 'strengths' ? 'addStrength' : 'addWorry')}
            onChange={(e) => setDraft(e.target.value)}
            data-testid={`family-${list}-new`}
          />
          <Button type="submit" appearance="secondary-action-button" disabled={!draft.trim()}>
            {t('add')}
          </Button>
        </form>
      )}
    </section>
  );
}
