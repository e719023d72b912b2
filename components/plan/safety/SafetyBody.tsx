'use client';
/**
 * The safety plan: its status and review date, worries about harm, what already keeps the children safe, safety
 * goals, the concrete agreements, the safety network, every party's safety scale, and notes with comments.
 * Editors (local team, GI, casusregisseur) change it; parents, young people and network read and comment, and
 * give the safety scale their own number.
 */
import { Button } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useState } from 'react';
import { RichTextBody } from '@/components/editor/RichTextBody';
import type { SectionBodyProps } from '@/components/editor/section-body';
import type * as Y from 'yjs';
import { api } from '@/components/api/client';
import { useYDeep, useYMapValue } from '@/components/live/useY';
import type { BrokenAgreementDecision, BrokenDecisionsResponse } from '@/lib/api/safety';
import { mapsOf } from '@/lib/shapes/common';
import { addAgreement, addSafetyText, removeSafetyItem, SAFETY_PLAN_STATUSES, safetyArray, safetyMeta, type SafetyPlanStatus } from '@/lib/shapes/safety';
import { MapDateField, MapSelectField, TextItemList } from '../item-fields';
import { AgreementCard } from './AgreementCard';
import { BrokenAgreementDialog } from './BrokenAgreementDialog';
import { SafetyScale } from './SafetyScale';
import { WatcherList } from './WatcherList';
import styles from './safety.module.css';

export function SafetyBody(props: SectionBodyProps) {
  const { doc, editable, planId, provider } = props;
  const t = useTranslations('safety');
  const id = useId();
  const meta = safetyMeta(doc);
  const status = (useYMapValue<string>(meta, 'status') ?? 'concept') as SafetyPlanStatus;
  const agreements = safetyArray(doc, 'agreements');
  useYDeep(agreements as unknown as Y.AbstractType<unknown>);
  const [breaking, setBreaking] = useState<{ id: string; label: string } | null>(null);
  const items = mapsOf(agreements).filter((m) => typeof m.get('id') === 'string');
  const brokenKey = items
    .filter((m) => m.get('status') === 'verbroken')
    .map((m) => m.get('id'))
    .join(',');
  const { decisions, reload } = useBrokenDecisions(planId, brokenKey);
  const statusOptions = SAFETY_PLAN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
  return (
    <div className={styles.safety}>
      <div className={styles.statusBar} data-testid="safety-status" data-status={status}>
        <p className={styles.statusNow}>
          {t('statusNow')}{' '}
          <span className={`${styles.statusBadge} ${styles[`status_${status}`] ?? ''}`}>
            {t(`status.${SAFETY_PLAN_STATUSES.includes(status) ? status : 'concept'}`)}
          </span>
        </p>
        <div className={styles.statusFields}>
          {editable && (
            <MapSelectField map={meta} field="status" label={t('statusLabel')} editable={editable} options={statusOptions} testId="safety-status-select" />
          )}
          <MapDateField map={meta} field="reviewDate" label={t('reviewDate')} editable={editable} testId="safety-review-date" />
        </div>
      </div>

      <div className={styles.threeCols}>
        {(['worries', 'strengths', 'goals'] as const).map((list) => (
          <TextItemList
            key={list}
            array={safetyArray(doc, list)}
            title={t(`${list}.title`)}
            empty={t(`${list}.empty`)}
            itemLabel={t(`${list}.item`)}
            addLabel={t(`${list}.add`)}
            editable={editable}
            add={(text) => addSafetyText(doc, list, text)}
            remove={(itemId) => removeSafetyItem(doc, list, itemId)}
            testId={`safety-${list}`}
          />
        ))}
      </div>

      <section className={styles.block} aria-labelledby={`${id}-agreements`} data-testid="safety-agreements">
        <h3 id={`${id}-agreements`} className={styles.blockTitle}>
          {t('agreements')}
        </h3>
        <p className={styles.hint}>{t('agreementsHint')}</p>
        {items.length === 0 && <p className={styles.muted}>{t('noAgreements')}</p>}
        <ol className={styles.agreements}>
          {items.map((m, i) => (
            <AgreementCard
              key={m.get('id') as string}
              doc={doc}
              map={m}
              index={i}
              editable={editable}
              onBroken={setBreaking}
              decision={decisions.get(m.get('id') as string)}
            />
          ))}
        </ol>
        {editable && (
          <div>
            <Button type="button" appearance="secondary-action-button" onClick={() => addAgreement(doc)} data-testid="agreement-add">
              {t('addAgreement')}
            </Button>
          </div>
        )}
      </section>

      <WatcherList doc={doc} editable={editable} />
      <SafetyScale planId={planId} provider={provider} />

      <section className={styles.block} aria-labelledby={`${id}-notes`}>
        <h3 id={`${id}-notes`} className={styles.blockTitle}>
          {t('notes')}
        </h3>
        <p className={styles.hint}>{t('notesHint')}</p>
        <RichTextBody {...props} />
      </section>

      <BrokenAgreementDialog planId={planId} doc={doc} agreement={breaking} onClose={() => setBreaking(null)} onRecorded={reload} />
    </div>
  );
}

/**
 * The server's records of broken agreements (professionals only; others get none), the latest per agreement.
 * Reloaded when an agreement breaks on anyone's screen (`brokenKey` changes) and after recording one here.
 */
function useBrokenDecisions(planId: string, brokenKey: string) {
  const [decisions, setDecisions] = useState<Map<string, BrokenAgreementDecision>>(new Map());
  const reload = useCallback(async () => {
    const result = await api<BrokenDecisionsResponse>(`/api/plans/${planId}/safety/broken`);
    // Offline or refused: the doc still shows what was recorded; the reasons come back with the connection.
    if (result.ok) setDecisions(new Map(result.data.decisions.map((d) => [d.agreementId, d])));
  }, [planId]);
  useEffect(() => {
    if (brokenKey) void reload(); // eslint-disable-line react-hooks/set-state-in-effect -- server data for the broken agreements
  }, [brokenKey, reload]);
  return { decisions, reload: () => void reload() };
}
