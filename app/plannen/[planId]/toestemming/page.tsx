import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConsentAnswer, membershipStyles as styles, WithdrawConsent } from '@/components/plan/membership';
import { CONSENT_ACTIONS } from '@/lib/membership-input';
import { requireUser } from '@/server/auth/session';
import { serviceContext } from '@/server/context';
import { consentPage } from '@/server/pages/membership';
import { pageVia } from '@/server/pages/via';
import type { ConsentRequest } from '@/server/plans/membership/consent';
import { sectionLabelsForPlan } from '@/server/plans/section-labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Toestemming' };

/**
 * The family's consent screen, in plain words: who asks to look at and work on the plan, what that means, yes or
 * "not now"; and who looks on this person's consent, with "Toestemming intrekken".
 */
export default async function ConsentPage({ params, searchParams }: { params: Promise<{ planId: string }>; searchParams: Promise<{ klaar?: string }> }) {
  const user = await requireUser();
  const { planId } = await params;
  const { klaar } = await searchParams;
  const t = await getTranslations('consent');
  const tRoles = await getTranslations('roles');
  const tSections = await sectionLabelsForPlan(planId);
  const tRights = await getTranslations('rights');

  const loaded = await consentPage(serviceContext(), { planId, userId: user.id, via: await pageVia() });
  if (!loaded) notFound();
  const data = loaded.requests;
  if (!data) {
    return (
      <section aria-labelledby="consent-title" className={styles.page}>
        <Back planId={planId} label={t('back', { name: loaded.householdName })} />
        <Heading level={1} id="consent-title">
          {t('title')}
        </Heading>
        <Paragraph>{t('notDecider')}</Paragraph>
      </section>
    );
  }

  const who = (r: ConsentRequest) => r.organisationName ?? r.name ?? '';
  const name = (r: ConsentRequest) => r.name ?? who(r);
  const describe = (r: ConsentRequest) =>
    r.organisationName
      ? t('whoIs', { name: name(r), role: tRoles(r.role), organisation: r.organisationName })
      : r.role === 'netwerk'
        ? t('whoIsNetwork', { name: name(r) })
        : t('whoIsNoOrg', { name: name(r), role: tRoles(r.role) });
  const done = CONSENT_ACTIONS.find((a) => a === klaar);
  return (
    <section aria-labelledby="consent-title" className={styles.page}>
      <Back planId={planId} label={t('back', { name: data.householdName })} />
      <Heading level={1} id="consent-title">
        {t('title')}
      </Heading>
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>{t(`done_${done}`)}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t('intro')}</Paragraph>
      {data.capacity !== 'ouder_met_gezag' && <Paragraph>{t(`intro_${data.capacity}`)}</Paragraph>}

      <section aria-labelledby="pending-title" className={styles.block}>
        <Heading level={2} id="pending-title">
          {t('pendingTitle')}
        </Heading>
        {data.pending.length === 0 && <p className={styles.muted}>{t('noPending')}</p>}
        <ul className={styles.cards}>
          {data.pending.map((r) => (
            <li key={r.memberId} className={styles.card} data-testid="consent-request">
              <Heading level={3} className={styles.cardTitle}>
                {r.sections.some((s) => s.level !== 'read') ? t('question', { who: who(r) }) : t('questionRead', { who: who(r) })}
              </Heading>
              <Paragraph>{describe(r)}</Paragraph>
              <Paragraph>{t('means', { name: name(r) })}</Paragraph>
              <ul className={styles.rights}>
                {r.sections.map((s) => (
                  <li key={s.key}>{t('sectionRight', { section: tSections(s.key), rights: tRights(s.level) })}</li>
                ))}
                {r.moreSections && <li>{t('moreSections')}</li>}
              </ul>
              <Paragraph>{t('canWithdraw', { name: name(r) })}</Paragraph>
              {r.waitingFor.length > 0 && <p className={styles.muted}>{t('alsoAsked', { names: r.waitingFor.map((w) => w.name).join(', ') })}</p>}
              <ConsentAnswer planId={planId} memberId={r.memberId} who={who(r)} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="granted-title" className={styles.block}>
        <Heading level={2} id="granted-title">
          {t('grantedTitle')}
        </Heading>
        {data.granted.length === 0 && <p className={styles.muted}>{t('noGranted')}</p>}
        <ul className={styles.cards}>
          {data.granted.map((r) => (
            <li key={r.memberId} className={styles.card} data-testid="consent-granted">
              <Heading level={3} className={styles.cardTitle}>
                {who(r)}
              </Heading>
              <Paragraph>{describe(r)}</Paragraph>
              {r.status === 'wacht_op_toestemming' && r.waitingFor.length > 0 && (
                <p className={styles.muted}>{t('youSaidYesWaiting', { names: r.waitingFor.map((w) => w.name).join(', ') })}</p>
              )}
              <WithdrawConsent planId={planId} memberId={r.memberId} who={who(r)} name={name(r)} />
            </li>
          ))}
        </ul>
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
