'use client';
/**
 * A list of short texts that people write together (Y.Array of Y.Map {id, text: Y.Text}): each item is typed in
 * place and merges character by character; editors add and remove items. Read-only for everyone else.
 */
import { Button } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import * as Y from 'yjs';
import { LiveText } from './LiveText';
import { useYDeep } from '@/components/live/useY';
import { mapsOf } from '@/lib/shapes/common';
import styles from './list.module.css';

export interface TextItemListProps {
  array: Y.Array<unknown>;
  title: string;
  /** Shown when the list is empty. */
  empty: string;
  /** Label of each item's field, e.g. "Zorg" (numbered: "Zorg 1"). */
  itemLabel: string;
  addLabel: string;
  editable: boolean;
  add: (text: string) => void;
  remove: (id: string) => void;
  testId: string;
}

export function TextItemList({ array, title, empty, itemLabel, addLabel, editable, add, remove, testId }: TextItemListProps) {
  const t = useTranslations('family');
  useYDeep(array as unknown as Y.AbstractType<unknown>);
  const id = useId();
  const [draft, setDraft] = useState('');
  const items = mapsOf(array).filter((m) => typeof m.get('id') === 'string' && m.get('text') instanceof Y.Text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) return;
    add(draft.trim());
    setDraft('');
  };
  return (
    <section className={styles.list} aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} className={styles.title}>
        {title}
      </h3>
      {items.length === 0 ? (
        <p className={styles.muted}>{empty}</p>
      ) : (
        <ol className={styles.items}>
          {items.map((m, i) => (
            <li key={m.get('id') as string} className={styles.item} data-testid={`${testId}-item`}>
              <LiveText text={m.get('text') as Y.Text} label={`${itemLabel} ${i + 1}`} hideLabel multiline editable={editable} maxLength={1000} />
              {editable && (
                <Button type="button" appearance="subtle-button" className={styles.remove} onClick={() => remove(m.get('id') as string)}>
                  {t('remove')}
                  <span className="visually-hidden">
                    {' '}
                    {itemLabel} {i + 1}
                  </span>
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <form className={styles.addForm} onSubmit={submit}>
          <label htmlFor={`${id}-new`} className="visually-hidden">
            {addLabel}
          </label>
          <input
            id={`${id}-new`}
            className={styles.addInput}
            value={draft}
            maxLength={1000}
            placeholder={addLabel}
            onChange={(e) => setDraft(e.target.value)}
            data-testid={`${testId}-new`}
          />
          <Button type="submit" appearance="secondary-action-button" disabled={!draft.trim()}>
            {t('add')}
          </Button>
        </form>
      )}
    </section>
  );
}
