'use client';
/**
 * The Big Five check before help lets go: per life domain, stable or not, with a note. Editors create missing
 * entries once the doc has synced (never before: an entry made on an empty doc would overwrite the stored one),
 * so every note is a shared Y.Text from the start.
 */
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import * as Y from 'yjs';
import { YTextField } from '@/components/live/YTextField';
import { useYDeep } from '@/components/live/useY';
import { BIG_FIVE } from '@/lib/bigfive';
import { evaluationTypes, setStable, stabilityNote } from '@/lib/shapes/evaluation';
import styles from './evaluation.module.css';

export function StabilityCheck({ doc, editable, synced }: { doc: Y.Doc; editable: boolean; synced: boolean }) {
  const t = useTranslations('evaluation');
  const stability = evaluationTypes(doc).stability;
  useYDeep(stability as unknown as Y.AbstractType<unknown>);
  useEffect(() => {
    if (!editable || !synced) return;
    const missing = BIG_FIVE.filter((d) => !(stability.get(d) instanceof Y.Map) || !((stability.get(d) as Y.Map<unknown>).get('note') instanceof Y.Text));
    if (missing.length > 0) doc.transact(() => missing.forEach((d) => stabilityNote(doc, d)));
  }, [doc, editable, synced, stability]);
  const entries = BIG_FIVE.map((d) => {
    const entry = stability.get(d);
    const map = entry instanceof Y.Map ? entry : null;
    return { domain: d, stable: map?.get('stable') === true, note: map?.get('note') };
  });
  const count = entries.filter((e) => e.stable).length;
  return (
    <section className={styles.block} aria-labelledby="evaluation-stability">
      <h3 id="evaluation-stability" className={styles.title}>
        {t('stability')}
      </h3>
      <p className={styles.help}>{t('stabilityIntro')}</p>
      <p className={styles.count} data-testid="stable-count" aria-live="polite">
        {t('stableCount', { count })}
      </p>
      <ul className={styles.domains}>
        {entries.map(({ domain, stable, note }) => {
          const label = t(`domains.${domain}`);
          return (
            <li key={domain} className={styles.domain} data-stable={stable} data-testid={`stability-${domain}`}>
              <label className={styles.check}>
                <input
                  type="checkbox"
                  checked={stable}
                  disabled={!editable}
                  onChange={(e) => setStable(doc, domain, e.target.checked)}
                  data-testid={`stable-${domain}`}
                  aria-describedby={`hint-${domain}`}
                />
                {t('stable', { domain: label })}
              </label>
              <p id={`hint-${domain}`} className={styles.help}>
                {t(`domainHints.${domain}`)}
              </p>
              {note instanceof Y.Text && <YTextField text={note} label={t('note', { domain: label })} multiline editable={editable} maxLength={1000} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
