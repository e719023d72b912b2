'use client';
/**
 * "Afspraak niet nagekomen": asks whether the concern was discussed with the family first and, if not, why
 * (required). The server records the decision and its audit event first; only then is the agreement marked broken
 * in the live doc, so nothing is shown as recorded that was not. Then it offers to put the case to the table.
 */
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import NextLink from 'next/link';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type * as Y from 'yjs';
import { messageOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { BrokenAgreementRecorded } from '@/lib/api/safety';
import { BrokenAgreementInput } from '@/lib/safety-input';
import { mapsOf } from '@/lib/shapes/common';
import { recordBrokenAgreement, safetyArray } from '@/lib/shapes/safety';
import styles from './safety.module.css';

export interface BrokenAgreementDialogProps {
  planId: string;
  doc: Y.Doc;
  /** The agreement being recorded, or null when the dialog is closed. */
  agreement: { id: string; label: string } | null;
  onClose: () => void;
  /** Called once the server has recorded the decision (to reload the decisions shown to professionals). */
  onRecorded: () => void;
}

/** Today as YYYY-MM-DD in the person's own time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const record = (planId: string, input: BrokenAgreementInput) => postJson<BrokenAgreementRecorded>(`/api/plans/${planId}/safety/broken`, input);

export function BrokenAgreementDialog({ planId, doc, agreement, onClose, onRecorded }: BrokenAgreementDialogProps) {
  return (
    <ModalOverlay
      isOpen={agreement !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className={styles.overlay}
    >
      <Modal className={styles.modal}>
        <Dialog className={styles.dialog} data-testid="broken-dialog">
          {agreement && <DialogContent key={agreement.id} planId={planId} doc={doc} agreement={agreement} onClose={onClose} onRecorded={onRecorded} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function DialogContent({
  planId,
  doc,
  agreement,
  onClose,
  onRecorded,
}: Omit<BrokenAgreementDialogProps, 'agreement'> & { agreement: { id: string; label: string } }) {
  const t = useTranslations('safety');
  const id = useId();
  const [discussed, setDiscussed] = useState<'ja' | 'nee' | ''>('');
  const [reason, setReason] = useState('');
  // What the form finds itself before sending (a missing answer or reason); refusals come through `sending`.
  const [invalid, setInvalid] = useState<string[]>([]);
  const sending = useSubmit(record);
  const [done, setDone] = useState<BrokenAgreementRecorded | null>(null);
  // What was typed stays in the form on any refusal, offline included.
  const errors = invalid.length > 0 ? invalid : sending.error ? [messageOf(sending.error, { offline: t('offline'), failed: t('brokenFailed') })] : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = BrokenAgreementInput.safeParse({
      agreementId: agreement.id,
      discussedWithFamily: discussed === '' ? undefined : discussed === 'ja',
      reason,
    });
    if (!parsed.success) {
      sending.clearError();
      setInvalid([...new Set(parsed.error.issues.map((i) => i.message))]);
      return;
    }
    setInvalid([]);
    const result = await sending.submit(planId, parsed.data);
    if (!result.ok) return;
    recordBrokenAgreement(doc, { agreementId: agreement.id, discussedWithFamily: parsed.data.discussedWithFamily, escalated: false, day: today() });
    onRecorded();
    setDone({ tableHref: result.data.tableHref ?? null });
  }

  const escalate = () => {
    const map = mapsOf(safetyArray(doc, 'agreements')).find((m) => m.get('id') === agreement.id);
    map?.set('escalated', true);
  };

  if (done) {
    return (
      <div className={styles.dialogBody}>
        <Heading slot="title" className={styles.dialogTitle}>
          {t('brokenDoneTitle')}
        </Heading>
        <Paragraph>{t('brokenDone', { agreement: agreement.label })}</Paragraph>
        {done.tableHref ? (
          <>
            <Paragraph>{t('toTableQuestion')}</Paragraph>
            <div className={styles.dialogActions}>
              <NextLink
                href={done.tableHref}
                className={`utrecht-button utrecht-button--primary-action ${styles.linkButton}`}
                onClick={escalate}
                data-testid="to-table"
              >
                {t('toTable')}
              </NextLink>
              <Button type="button" appearance="secondary-action-button" onClick={onClose}>
                {t('notNow')}
              </Button>
            </div>
          </>
        ) : (
          <div className={styles.dialogActions}>
            <Button type="button" appearance="primary-action-button" onClick={onClose}>
              {t('close')}
            </Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <form className={styles.dialogBody} onSubmit={submit} noValidate>
      <Heading slot="title" className={styles.dialogTitle}>
        {t('brokenTitle')}
      </Heading>
      <p className={styles.quote}>{agreement.label}</p>
      {errors.length > 0 && (
        <Alert type="error" role="alert">
          <ul className={styles.errorList}>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('discussedQuestion')}</legend>
        <label className={styles.radio}>
          <input
            type="radio"
            name={`${id}-discussed`}
            value="ja"
            checked={discussed === 'ja'}
            onChange={() => setDiscussed('ja')}
            data-testid="discussed-yes"
          />
          {t('discussedYes')}
        </label>
        <label className={styles.radio}>
          <input
            type="radio"
            name={`${id}-discussed`}
            value="nee"
            checked={discussed === 'nee'}
            onChange={() => setDiscussed('nee')}
            data-testid="discussed-no"
          />
          {t('discussedNo')}
        </label>
      </fieldset>
      {discussed === 'nee' && (
        <div className={styles.field}>
          <label htmlFor={`${id}-reason`} className={styles.legend}>
            {t('reasonLabel')}
          </label>
          <p id={`${id}-reason-hint`} className={styles.hint}>
            {t('reasonHint')}
          </p>
          <textarea
            id={`${id}-reason`}
            className={styles.textarea}
            rows={3}
            value={reason}
            maxLength={1000}
            required
            aria-required="true"
            aria-describedby={`${id}-reason-hint`}
            onChange={(e) => setReason(e.target.value)}
            data-testid="not-discussed-reason"
          />
        </div>
      )}
      <div className={styles.dialogActions}>
        <Button type="submit" appearance="primary-action-button" disabled={sending.busy} data-testid="broken-submit">
          {t('recordBroken')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onClose}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
