import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { InviteForm, membershipStyles as styles, RegieForm, RemoveMember } from '@/components/plan/membership';
import { isProfessionalRole } from '@/lib/roles';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { membersPage } from '@/server/pages/membership';
import { pageVia } from '@/server/pages/via';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Leden en regie' };

const STATUS_ORDER = { actief: 0, wacht_op_toestemming: 1, beeindigd: 2 } as const;

/** The casusregisseur's page: who takes part (role, basis, status), invitations, inviting, removing, and regie with history. */
export default async function MembersPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const { planId } = await params;
  const t = await getTranslations('members');
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();

  const loaded = await membersPage(serviceContext(), { planId, userId: user.id, via: await pageVia() });
  if (!loaded) notFound();
  const data = loaded.panel;
  if (!data) {
    return (
      <section aria-labelledby="members-title" className={styles.page}>
        <Back planId={planId} label={t('back', { name: loaded.householdName })} />
        <Heading level={1} id="members-title">
          {t('title')}
        </Heading>
        <Paragraph>{t('notAllowed')}</Paragraph>
      </section>
    );
  }

  const members = [...data.members].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const candidates = data.members
    .filter((m) => m.status === 'actief' && isProfessionalRole(m.role))
    .map((m) => ({ userId: m.userId, label: `${m.name ?? m.email} — ${tRoles(m.role)}${m.organisationName ? `, ${m.organisationName}` : ''}` }));
  return (
    <section aria-labelledby="members-title" className={styles.page}>
      <Back planId={planId} label={t('back', { name: data.householdName })} />
      <Heading level={1} id="members-title">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>

      <section aria-labelledby="list-title" className={styles.block}>
        <Heading level={2} id="list-title">
          {t('listTitle')}
        </Heading>
        <ul className={styles.cards} data-testid="members">
          {members.map((m) => {
            const name = m.name ?? m.email;
            return (
              <li key={m.id} className={styles.card} data-testid="member" data-status={m.status}>
                <Heading level={3} className={styles.cardTitle}>
                  {name}
                  {m.userId === user.id && ` (${t('you')})`}
                </Heading>
                <p className={styles.muted}>{m.email}</p>
                <dl className={styles.facts}>
                  <dt>{t('role')}</dt>
                  <dd>{tRoles(m.role)}</dd>
                  {m.organisationName && (
                    <>
                      <dt>{t('organisation')}</dt>
                      <dd>{m.organisationName}</dd>
                    </>
                  )}
                  <dt>{t('basis')}</dt>
                  <dd>{t(`basis_${m.basis}`)}</dd>
                  <dt>{t('status')}</dt>
                  <dd>
                    {m.status === 'wacht_op_toestemming' ? <span className={styles.waiting}>{t('status_wacht_op_toestemming')}</span> : t(`status_${m.status}`)}
                  </dd>
                </dl>
                {(m.isCasusregisseur || m.isProcesregisseur || m.hoofdaanbieder || m.gezag) && (
                  <p className={styles.tags}>
                    {m.isCasusregisseur && <span className={styles.tag}>{t('casusregisseur')}</span>}
                    {m.isProcesregisseur && <span className={styles.tag}>{t('procesregisseur')}</span>}
                    {m.hoofdaanbieder && <span className={styles.tag}>{t('hoofdaanbieder')}</span>}
                    {m.gezag && <span className={styles.tag}>{t('gezag')}</span>}
                  </p>
                )}
                {m.waitingFor.length > 0 && <Paragraph>{t('waitingFor', { names: m.waitingFor.map((w) => w.name).join(', ') })}</Paragraph>}
                {m.missingDecider && <Paragraph>{t('missingDecider')}</Paragraph>}
                {m.status !== 'beeindigd' && m.userId !== user.id && <RemoveMember planId={planId} memberId={m.id} name={name} />}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="invitations-title" className={styles.block}>
        <Heading level={2} id="invitations-title">
          {t('invitationsTitle')}
        </Heading>
        {data.invitations.length === 0 ? (
          <p className={styles.muted}>{t('noInvitations')}</p>
        ) : (
          <ul data-testid="open-invitations">
            {data.invitations.map((i) => (
              <li key={i.id}>{t('invitationLine', { name: i.name, email: i.email, role: tRoles(i.role), date: date(i.expiresAt) })}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invite-title" className={styles.block}>
        <Heading level={2} id="invite-title">
          {t('inviteTitle')}
        </Heading>
        <Paragraph>{t('inviteIntro')}</Paragraph>
        <InviteForm planId={planId} organisations={data.organisations} people={data.invitablePeople} />
      </section>

      <section aria-labelledby="regie-title" className={styles.block}>
        <Heading level={2} id="regie-title">
          {t('regieTitle')}
        </Heading>
        {(['casusregie', 'procesregie'] as const).map((kind) => {
          const current = data.regie[kind];
          return (
            <Paragraph key={kind} data-testid={`regie-${kind}`}>
              {current ? t(`regieCurrent_${kind}`, { name: current.name ?? '' }) : t(`regieNone_${kind}`)}
            </Paragraph>
          );
        })}
        <Heading level={3}>{t('regieChange')}</Heading>
        <RegieForm planId={planId} candidates={candidates} />
        {data.regie.history.length > 0 && (
          <>
            <Heading level={3}>{t('historyTitle')}</Heading>
            <ul className={styles.history}>
              {data.regie.history.map((r) => (
                <li key={r.id}>
                  {t('historyLine', { kind: t(`kind_${r.kind}`), name: r.name ?? '' })}, {t('historyFrom', { date: date(r.startedAt) })}
                  {r.endedAt && `, ${t('historyUntil', { date: date(r.endedAt) })}`}
                  {r.appointedByName && `, ${t('historyBy', { name: r.appointedByName })}`}: {r.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </section>
  );
}

function Back({ planId, label }: { planId: string; label: string }) {
  return (
    <Paragraph>
      <NextLink href={`/plannen/${planId}`} className="utrecht-link">
        ← {label}
      </NextLink>
    </Paragraph>
  );
}
