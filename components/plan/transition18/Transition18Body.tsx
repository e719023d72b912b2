'use client';
/**
 * "Naar 18+": who directs after 18 and, per life domain, what is arranged after 18 — typed together, live.
 * Editors create missing domain texts once the doc has synced (never before: see useSynced), so every field is a
 * shared Y.Text.
 */
import { useTranslations } from 'next-intl';
import { useEffect, useMemo } from 'react';
import * as Y from 'yjs';
import type { SectionBodyProps } from '@/components/editor/section-body';
import { YTextField } from '@/components/live/YTextField';
import { useYDeep } from '@/components/live/useY';
import { useSynced } from '@/components/live/useSynced';
import { BIG_FIVE } from '@/lib/bigfive';
import { arrangedText, transition18Types } from '@/lib/shapes/transition18';
import styles from './transition18.module.css';

export function Transition18Body({ doc, provider, editable }: SectionBodyProps) {
  const t = useTranslations('transition18');
  const tDomains = useTranslations('evaluation.domains');
  const types = useMemo(() => transition18Types(doc), [doc]);
  useYDeep(types.arranged as unknown as Y.AbstractType<unknown>);
  const synced = useSynced(provider);
  useEffect(() => {
    if (!editable || !synced) return;
    const missing = BIG_FIVE.filter((d) => !(types.arranged.get(d) instanceof Y.Text));
    if (missing.length > 0) doc.transact(() => missing.forEach((d) => arrangedText(doc, d)));
  }, [doc, editable, synced, types]);
  const filled = BIG_FIVE.filter((d) => {
    const v = types.arranged.get(d);
    return v instanceof Y.Text && v.toString().trim() !== '';
  }).length;
  return (
    <div className={styles.transition} data-testid="transition18-body">
      <p className={styles.intro}>{t('intro')}</p>
      <YTextField text={types.director} label={t('director')} multiline editable={editable} maxLength={5000} testId="transition18-director" />
      <section className={styles.block} aria-labelledby="transition18-arranged">
        <h3 id="transition18-arranged" className={styles.title}>
          {t('arranged')}
        </h3>
        <p className={styles.count}>{t('filled', { count: filled })}</p>
        <ul className={styles.domains}>
          {BIG_FIVE.map((d) => {
            const text = types.arranged.get(d);
            return (
              <li key={d} className={styles.domain}>
                {text instanceof Y.Text ? (
                  <YTextField text={text} label={tDomains(d)} multiline editable={editable} maxLength={5000} testId={`transition18-${d}`} />
                ) : (
                  <p>{tDomains(d)}: –</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
