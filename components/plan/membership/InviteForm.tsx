'use client';
/**
 * "Iemand uitnodigen": a role, an address and a name — for a parent or child, a person of the household; for a
 * professional, their organisation (of the kind that fits the role). Errors come back in plain Dutch and keep
 * everything typed.
 */
import { Alert, Button, Paragraph, Select, Textbox } from '@utrecht/component-library-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { messagesOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { InviteResponse } from '@/lib/api/membership';
import { PLAN_ROLES, isProfessionalRole, type PlanRole } from '@/lib/roles';
import styles from './membership.module.css';
import { Field, FormErrors, Options } from '@/components/ui/Field';

export interface InviteFormProps {
  planId: string;
  organisations: { id: string; name: string; kind: string }[];
  people: { id: string; name: string; relation: string }[];
}

export function InviteForm({ planId, organisations, people }: InviteFormProps) {
  const t = useTranslations('members');
  const tRoles = useTranslations('roles');
  const router = useRouter();
  const id = useId();
  const [role, setRole] = useState<PlanRole>('aanbieder');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [person, setPerson] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [hoofdaanbieder, setHoofdaanbieder] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const send = useCallback((body: unknown) => postJson<InviteResponse>(`/api/plans/${planId}/members`, body), [planId]);
  const { submit: post, busy, error } = useSubmit(send);
  const errors = error ? messagesOf(error, { failed: t('failed') }) : [];

  const family = role === 'ouder' || role === 'jeugdige';
  const professional = isProfessionalRole(role);
  const fittingPeople = people.filter((p) => (role === 'jeugdige' ? p.relation === 'kind' : p.relation !== 'kind'));
  const fittingOrganisations = organisations.filter((o) => o.kind === role);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSent(null);
    const result = await post({
      email,
      name: family ? person : name,
      role,
      organisationId: professional ? organisationId || null : null,
      hoofdaanbieder: role === 'aanbieder' && hoofdaanbieder,
    });
    if (!result.ok) return;
    setSent(email.trim());
    setEmail('');
    setName('');
    setPerson('');
    setHoofdaanbieder(false);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className={styles.form} noValidate aria-describedby={errors.length ? `${id}-errors` : undefined} data-testid="invite-form">
      {errors.length > 0 && <FormErrors id={`${id}-errors`} intro={t('fixThis')} errors={errors} role="alert" />}
      {sent && (
        <Alert type="ok" role="status">
          <Paragraph>{t('invited', { email: sent })}</Paragraph>
        </Alert>
      )}
      <Field className={styles.field} htmlFor={`${id}-role`} label={t('inviteRole')}>
        <Select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as PlanRole)}>
          <Options options={PLAN_ROLES.map((r) => ({ value: r, label: tRoles(r) }))} />
        </Select>
      </Field>
      {family ? (
        <Field className={styles.field} htmlFor={`${id}-person`} label={t('person')}>
          {fittingPeople.length === 0 ? (
            <p className={styles.muted}>{t('noPeople')}</p>
          ) : (
            <Select id={`${id}-person`} value={person} onChange={(e) => setPerson(e.target.value)}>
              <Options empty={t('choosePerson')} options={fittingPeople.map((p) => ({ key: p.id, value: p.name, label: p.name }))} />
            </Select>
          )}
        </Field>
      ) : (
        <Field className={styles.field} htmlFor={`${id}-name`} label={t('name')}>
          <Textbox id={`${id}-name`} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </Field>
      )}
      {professional && (
        <Field className={styles.field} htmlFor={`${id}-org`} label={t('inviteOrganisation')}>
          <Select id={`${id}-org`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            <Options empty={t('chooseOrganisation')} options={fittingOrganisations.map((o) => ({ value: o.id, label: o.name }))} />
          </Select>
        </Field>
      )}
      <Field className={styles.field} htmlFor={`${id}-email`} label={t('email')}>
        <Textbox id={`${id}-email`} type="email" inputMode="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      {role === 'aanbieder' && (
        <label className={styles.check}>
          {/* Native checkbox: the Utrecht custom checkbox never draws its tick without an extra class. */}
          <input type="checkbox" checked={hoofdaanbieder} onChange={(e) => setHoofdaanbieder(e.target.checked)} />
          <span>{t('hoofdaanbiederLabel')}</span>
        </label>
      )}
      <div>
        <Button type="submit" appearance="primary-action-button" disabled={busy} aria-busy={busy}>
          {busy ? t('inviting') : t('invite')}
        </Button>
      </div>
    </form>
  );
}
