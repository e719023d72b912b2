'use client';
/** The safety network: who watches over the agreements (a name and their role for the family). */
import { Button } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import type * as Y from 'yjs';
import { useYDeep } from '@/components/live/useY';
import { mapsOf } from '@/lib/shapes/common';
import { addWatcher, removeSafetyItem, safetyArray } from '@/lib/shapes/safety';
import { MapStringField } from '../item-fields';
import styles from './safety.module.css';

export function WatcherList({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const t = useTranslations('safety');
  const array = safetyArray(doc, 'watchers');
  useYDeep(array as unknown as Y.AbstractType<unknown>);
  const id = useId();
  const [name, setName] = useState('');
  const items = mapsOf(array).filter((m) => typeof m.get('id') === 'string');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    addWatcher(doc, { name: name.trim() });
    setName('');
  };
  return (
    <section className={styles.block} aria-labelledby={`${id}-title`} data-testid="safety-watchers">
      <h3 id={`${id}-title`} className={styles.blockTitle}>
        {t('watchers')}
      </h3>
      <p className={styles.hint}>{t('watchersHint')}</p>
      {items.length === 0 && <p className={styles.muted}>{t('noWatchers')}</p>}
      {editable ? (
        <ul className={styles.watchers}>
          {items.map((m, i) => (
            <li key={m.get('id') as string} className={styles.watcher} data-testid="watcher">
              <MapStringField map={m} field="name" label={t('watcherName', { n: i + 1 })} editable />
              <MapStringField map={m} field="role" label={t('watcherRole', { n: i + 1 })} editable />
              <Button
                type="button"
                appearance="subtle-button"
                className={styles.watcherRemove}
                onClick={() => removeSafetyItem(doc, 'watchers', m.get('id') as string)}
              >
                {t('remove')}
                <span className="visually-hidden"> {String(m.get('name') ?? '')}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <ul className={styles.watchersRead}>
          {items.map((m) => {
            const name = typeof m.get('name') === 'string' ? (m.get('name') as string) : '';
            const role = typeof m.get('role') === 'string' ? (m.get('role') as string) : '';
            return (
              <li key={m.get('id') as string} data-testid="watcher">
                <strong>{name || '—'}</strong>
                {role && <span className={styles.watcherRole}> — {role}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {editable && (
        <form className={styles.addForm} onSubmit={add}>
          <label htmlFor={`${id}-new`} className="visually-hidden">
            {t('addWatcher')}
          </label>
          <input
            id={`${id}-new`}
            className={styles.addInput}
            value={name}
            maxLength={200}
            placeholder={t('addWatcher')}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" appearance="secondary-action-button" disabled={!name.trim()}>
            {t('add')}
          </Button>
        </form>
      )}
    </section>
  );
}
