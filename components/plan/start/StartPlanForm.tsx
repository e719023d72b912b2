'use client';
/**
 * "Plan starten": the household with its people (birth dates, gezag), the legal frame and a first summary.
 * Validation errors come back from the server in plain Dutch and keep everything typed in the form.
 */
import { Button, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { messagesOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { PlanStarted } from '@/lib/api/plans';
import styles from './start.module.css';
import { FormErrors } from '@/components/ui/Field';

type Relation = 'ouder' | 'kind' | 'overig';
interface PersonDraft {
  key: string;
  name: string;
  relation: Relation;
  birthDate: string;
  gezag: boolean;
}

let counter = 0;
const newPerson = (relation: Relation): PersonDraft => ({ key: `p${++counter}`, name: '', relation, birthDate: '', gezag: relation === 'ouder' });

const start = (input: unknown) => postJson<PlanStarted>('/api/plans', input);

export function StartPlanForm() {
  const t = useTranslations('startPlan');
  const router = useRouter();
  const formId = useId();
  const [householdName, setHouseholdName] = useState('');
  const [kader, setKader] = useState<'vrijwillig' | 'drang' | 'dwang'>('vrijwillig');
  const [summary, setSummary] = useState('');
  const [people, setPeople] = useState<PersonDraft[]>(() => [newPerson('ouder'), newPerson('kind')]);
  const { submit: send, busy, error } = useSubmit(start);
  // Every field's problem as the server words it (the form keeps everything typed).
  const errors = error ? messagesOf(error, { offline: t('failed'), failed: t('failed') }) : [];
  const errorRef = useRef<HTMLDivElement>(null);

  // Move focus to the error summary, so a person at the bottom of a long form (or using a screen reader) hears it.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const update = (key: string, patch: Partial<PersonDraft>) => setPeople((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await send({
      householdName,
      kader,
      summary,
      people: people.map((p) => ({ name: p.name, relation: p.relation, birthDate: p.birthDate || null, gezag: p.gezag })),
    });
    if (result.ok) router.push(`/plannen/${result.data.id}`);
  }

  return (
    <form onSubmit={submit} className={styles.form} aria-describedby={errors.length ? `${formId}-errors` : undefined} noValidate>
      {errors.length > 0 && (
        <div ref={errorRef} tabIndex={-1} className={styles.errors} data-testid="form-errors">
          <FormErrors id={`${formId}-errors`} intro={t('fixThis')} errors={errors} />
        </div>
      )}
      <FormField>
        <Paragraph>
          <FormLabel htmlFor={`${formId}-name`}>{t('householdName')}</FormLabel>
        </Paragraph>
        <Textbox id={`${formId}-name`} value={householdName} onChange={(e) => setHouseholdName(e.target.value)} placeholder={t('householdNameExample')} />
      </FormField>

      <Fieldset>
        <FieldsetLegend>{t('people')}</FieldsetLegend>
        <ul className={styles.people}>
          {people.map((p, i) => (
            <li key={p.key} className={styles.person}>
              <div className={styles.personGrid}>
                <label className={styles.field}>
                  <span>{t('personName', { n: i + 1 })}</span>
                  <Textbox value={p.name} onChange={(e) => update(p.key, { name: e.target.value })} />
                </label>
                <label className={styles.field}>
                  <span>{t('relation')}</span>
                  <select
                    className="utrecht-select utrecht-select--html-select"
                    value={p.relation}
                    onChange={(e) => update(p.key, { relation: e.target.value as Relation, gezag: e.target.value === 'ouder' })}
                  >
                    <option value="ouder">{t('relation_ouder')}</option>
                    <option value="kind">{t('relation_kind')}</option>
                    <option value="overig">{t('relation_overig')}</option>
                  </select>
                </label>
                <label className={styles.field}>
                  <span>{t('birthDate')}</span>
                  <Textbox type="date" value={p.birthDate} onChange={(e) => update(p.key, { birthDate: e.target.value })} />
                </label>
                {p.relation !== 'kind' && (
                  <label className={styles.check}>
                    <input type="checkbox" checked={p.gezag} onChange={(e) => update(p.key, { gezag: e.target.checked })} />
                    <span>{t('gezag')}</span>
                  </label>
                )}
              </div>
              {people.length > 1 && (
                <Button type="button" appearance="subtle-button" onClick={() => setPeople((list) => list.filter((x) => x.key !== p.key))}>
                  {t('removePerson', { name: p.name || t('personName', { n: i + 1 }) })}
                </Button>
              )}
            </li>
          ))}
        </ul>
        <div className={styles.row}>
          <Button type="button" appearance="secondary-action-button" onClick={() => setPeople((list) => [...list, newPerson('ouder')])}>
            {t('addParent')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => setPeople((list) => [...list, newPerson('kind')])}>
            {t('addChild')}
          </Button>
        </div>
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>{t('kader')}</FieldsetLegend>
        {(['vrijwillig', 'drang', 'dwang'] as const).map((k) => (
          <label key={k} className={styles.check}>
            <input type="radio" name="kader" value={k} checked={kader === k} onChange={() => setKader(k)} />
            <span>{t(`kader_${k}`)}</span>
          </label>
        ))}
      </Fieldset>

      <FormField>
        <Paragraph>
          <FormLabel htmlFor={`${formId}-summary`}>{t('summary')}</FormLabel>
        </Paragraph>
        <Textarea id={`${formId}-summary`} rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </FormField>

      <Button type="submit" appearance="primary-action-button" disabled={busy} aria-busy={busy}>
        {busy ? t('starting') : t('submit')}
      </Button>
    </form>
  );
}
