'use client';
/**
 * One safety agreement: what, who, when, and what happens if it is not kept — written together live — and, once
 * broken, when, whether it was discussed with the family (or why not) and whether it went to the table.
 */
import { Button } from '@utrecht/component-library-react';
import { useFormatter, useTranslations } from 'next-intl';
import * as Y from 'yjs';
import { LiveText, MapStringField } from '../item-fields';
import { useYDeep } from '@/components/live/useY';
import type { BrokenAgreementDecision } from '@/lib/api/safety';
import { textOf } from '@/lib/shapes/common';
import { removeSafetyItem, restoreAgreement } from '@/lib/shapes/safety';
import styles from './safety.module.css';

export interface AgreementCardProps {
  doc: Y.Doc;
  map: Y.Map<unknown>;
  index: number;
  editable: boolean;
  onBroken: (agreement: { id: string; label: string }) => void;
  /** The server's record of the break (only professionals get one): why it was not discussed, and by whom. */
  decision?: Pick<BrokenAgreementDecision, 'reason' | 'actorName'>;
}

export function AgreementCard({ doc, map, index, editable, onBroken, decision }: AgreementCardProps) {
  const t = useTranslations('safety');
  const format = useFormatter();
  useYDeep(map as unknown as Y.AbstractType<unknown>);
  const id = map.get('id') as string;
  const what = map.get('what');
  const ifNot = map.get('ifNot');
  const broken = map.get('status') === 'verbroken';
  const discussed = map.get('discussedWithFamily');
  const brokenAt = typeof map.get('brokenAt') === 'string' ? (map.get('brokenAt') as string) : '';
  const title = t('agreementN', { n: index + 1 });
  const summary = textOf(what) || title;
  return (
    <li
      className={`${styles.agreement} ${broken ? styles.agreementBroken : ''}`}
      data-testid="agreement"
      data-status={broken ? 'verbroken' : 'geldt'}
      aria-label={title}
    >
      <div className={styles.agreementHead}>
        <h4 className={styles.agreementTitle}>{title}</h4>
        <span className={broken ? styles.badgeBroken : styles.badgeHolds} data-testid="agreement-status">
          {broken ? t('agreementBroken') : t('agreementHolds')}
        </span>
      </div>
      {what instanceof Y.Text && <LiveText text={what} label={t('what')} multiline editable={editable} maxLength={1000} testId="agreement-what" />}
      <div className={styles.twoCols}>
        <MapStringField map={map} field="who" label={t('who')} editable={editable} testId="agreement-who" />
        <MapStringField map={map} field="when" label={t('when')} editable={editable} testId="agreement-when" />
      </div>
      {ifNot instanceof Y.Text && <LiveText text={ifNot} label={t('ifNot')} multiline editable={editable} maxLength={1000} testId="agreement-ifnot" />}
      {broken && (
        <div className={styles.brokenRecord} data-testid="broken-record">
          <p className={styles.brokenLine}>
            {brokenAt && /^\d{4}-\d{2}-\d{2}$/.test(brokenAt)
              ? t('brokenOn', { date: format.dateTime(new Date(`${brokenAt}T12:00:00`), { day: 'numeric', month: 'long', year: 'numeric' }) })
              : t('agreementBroken')}
          </p>
          <p className={styles.brokenLine}>{discussed === true ? t('wasDiscussed') : discussed === false ? t('wasNotDiscussed') : t('discussedUnknown')}</p>
          {discussed === false && decision?.reason && (
            <p className={styles.brokenLine} data-testid="broken-reason">
              {t('reasonForPros', { reason: decision.reason })}
            </p>
          )}
          {decision?.actorName && <p className={styles.brokenLine}>{t('recordedBy', { name: decision.actorName })}</p>}
          {map.get('escalated') === true && <p className={styles.brokenLine}>{t('wasEscalated')}</p>}
        </div>
      )}
      {editable && (
        <div className={styles.cardActions}>
          {broken ? (
            <Button type="button" appearance="secondary-action-button" onClick={() => restoreAgreement(doc, id)}>
              {t('holdsAgain')}
            </Button>
          ) : (
            <Button type="button" appearance="secondary-action-button" onClick={() => onBroken({ id, label: summary })} data-testid="agreement-broken">
              {t('markBroken')}
            </Button>
          )}
          <Button type="button" appearance="subtle-button" onClick={() => removeSafetyItem(doc, 'agreements', id)}>
            {t('removeAgreement', { n: index + 1 })}
          </Button>
        </div>
      )}
    </li>
  );
}
