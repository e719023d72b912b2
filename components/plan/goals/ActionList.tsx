'use client';
/**
 * A goal's actions — wie doet wat wanneer: what (typed together), who, when, and done. An action past its date
 * and not done says so in words and stands out; editing only for those who may edit the goals.
 */
import { Button, Checkbox } from '@utrecht/component-library-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';
import * as Y from 'yjs';
import { YTextField } from '@/components/live/YTextField';
import { mapsOf } from '@/lib/shapes/common';
import { addAction, isActionOverdue, removeAction, setActionDone, setActionField } from '@/lib/shapes/goals';
import { MapDateInput, MapTextInput } from './MapField';
import styles from './goals.module.css';

export interface ActionListProps {
  doc: Y.Doc;
  goalId: string;
  actions: Y.Array<Y.Map<unknown>> | null;
  editable: boolean;
  today: string;
}

function ActionRow({ doc, goalId, action, editable, today }: { doc: Y.Doc; goalId: string; action: Y.Map<unknown>; editable: boolean; today: string }) {
  const t = useTranslations('goals');
  const format = useFormatter();
  const doneId = useId();
  const id = String(action.get('id') ?? '');
  const what = action.get('what');
  const due = typeof action.get('due') === 'string' ? (action.get('due') as string) : '';
  const done = action.get('done') === true;
  const overdue = isActionOverdue({ due, done }, today);
  const whatText = what instanceof Y.Text ? what.toString() : '';
  return (
    <li
      className={styles.action}
      data-testid="action-row"
      data-action-id={id}
      data-overdue={overdue ? 'true' : undefined}
      data-done={done ? 'true' : undefined}
      aria-label={t('actionLabel', { what: whatText || '…' })}
    >
      <div className={styles.actionDone}>
        <Checkbox
          id={doneId}
          appearance="html"
          checked={done}
          disabled={!editable}
          onChange={(e) => setActionDone(doc, goalId, id, e.target.checked)}
          data-testid="action-done"
        />
        <label htmlFor={doneId} className={styles.label}>
          {t('actionDone')}
        </label>
      </div>
      <div className={styles.actionWhat}>
        {what instanceof Y.Text && <YTextField text={what} label={t('actionWhat')} multiline editable={editable} maxLength={500} testId="action-what" />}
      </div>
      <div className={styles.actionOwner}>
        <MapTextInput
          map={action}
          field="owner"
          label={t('actionOwner')}
          editable={editable}
          onSet={(v) => setActionField(doc, goalId, id, 'owner', v)}
          testId="action-owner"
        />
      </div>
      <div className={styles.actionDue}>
        <MapDateInput
          map={action}
          field="due"
          label={t('actionDue')}
          editable={editable}
          invalid={overdue}
          onSet={(v) => setActionField(doc, goalId, id, 'due', v)}
          testId="action-due"
        />
      </div>
      {editable && (
        <div className={styles.actionRemove}>
          <Button
            type="button"
            appearance="subtle-button"
            onClick={() => removeAction(doc, goalId, id)}
            data-testid="remove-action"
            aria-label={`${t('removeAction')}: ${whatText || '…'}`}
          >
            {t('removeAction')}
          </Button>
        </div>
      )}
      {overdue && (
        <p className={styles.overdueText} data-testid="badge-overdue">
          <span className={styles.badgeError}>{t('overdue')}</span>{' '}
          {t('actionOverdue', { date: format.dateTime(new Date(`${due}T12:00:00`), { dateStyle: 'medium' }) })}
        </p>
      )}
    </li>
  );
}

export function ActionList({ doc, goalId, actions, editable, today }: ActionListProps) {
  const t = useTranslations('goals');
  const headingId = useId();
  const rows = actions ? mapsOf(actions as Y.Array<unknown>) : [];
  return (
    <section className={styles.actions} aria-labelledby={headingId}>
      <h5 id={headingId} className={styles.subheading}>
        {t('actions')}
      </h5>
      {rows.length === 0 ? (
        <p className={styles.muted}>{t('noActions')}</p>
      ) : (
        <ul className={styles.actionList}>
          {rows.map((a) => (
            <ActionRow key={String(a.get('id'))} doc={doc} goalId={goalId} action={a} editable={editable} today={today} />
          ))}
        </ul>
      )}
      {editable && (
        <div>
          <Button
            type="button"
            appearance="secondary-action-button"
            data-testid="add-action"
            onClick={() => {
              const id = addAction(doc, goalId);
              // Straight on to typing what needs doing.
              requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-action-id="${id}"] [data-testid="action-what"]`)?.focus());
            }}
          >
            {t('addAction')}
          </Button>
        </div>
      )}
    </section>
  );
}
