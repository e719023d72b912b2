import { Heading, Paragraph } from '@utrecht/component-library-react';
import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ageInYears } from '@/lib/age';
import type { PlanHeaderData } from '@/lib/api/plans';
import type { VersionListItem } from '@/lib/api/versions';
import type { PlanRole } from '@/lib/roles';
import { StatusControl } from './lifecycle';
import { PlacementFlag } from './placement';
import { VersionSummary } from './versions';
import styles from './plan.module.css';

export interface PlanHeaderProps {
  plan: PlanHeaderData;
  /** The viewer's role in the plan, and whether they are its casusregisseur (who changes its status). */
  role: PlanRole;
  manages: boolean;
  latestVersion: VersionListItem<Date> | null;
}

/** The plan's header: the family, the frame and status, who directs, and the first summary. */
export async function PlanHeader({ plan, role, manages, latestVersion }: PlanHeaderProps) {
  const t = await getTranslations('plan');
  const tPlans = await getTranslations('plans');
  const tStatus = await getTranslations('status');
  const tKader = await getTranslations('kader');
  const tRoles = await getTranslations('roles');
  const tAudit = await getTranslations('audit');
  const tVersions = await getTranslations('versions');
  const tExport = await getTranslations('export');
  const today = new Date();
  return (
    <header className={styles.header}>
      <Heading level={1} id="plan-title">
        {plan.householdName}
      </Heading>
      <div className={styles.facts}>
        <span className={styles.chip}>{tPlans('status', { status: tStatus(plan.status) })}</span>
        <span className={styles.chip}>{tPlans('kader', { kader: tKader(plan.kader) })}</span>
        <span className={styles.chip}>{tPlans('yourRole', { role: tRoles(role) })}</span>
        <span className={styles.chip}>{plan.casusregisseur ? t('casusregisseur', { name: plan.casusregisseur.name ?? '' }) : t('noRegisseur')}</span>
      </div>
      <p className={styles.links}>
        <NextLink href={`/plannen/${plan.id}/wie-keek`} className="utrecht-link" data-testid="who-looked-link">
          {tAudit('link')}
        </NextLink>
        <NextLink href={`/plannen/${plan.id}/versies`} className="utrecht-link" data-testid="versions-link">
          {tVersions('link')}
        </NextLink>
        {/* Plain links: a download is a full request, never a client-side navigation. */}
        <a href={`/api/plans/${plan.id}/export?format=pdf`} className="utrecht-link" download data-testid="export-pdf">
          {tExport('downloadPdf')}
        </a>
        <a href={`/api/plans/${plan.id}/export?format=json`} className="utrecht-link" download data-testid="export-json">
          {tExport('downloadJson')}
        </a>
      </p>
      <VersionSummary planId={plan.id} latest={latestVersion} />
      {manages && <StatusControl planId={plan.id} status={plan.status} />}
      {manages && <PlacementFlag planId={plan.id} />}
      <details className={styles.household}>
        <summary>{t('household')}</summary>
        <ul>
          {plan.people.map((p) => (
            <li key={p.id}>
              {p.name}
              {p.birthDate && `, ${t('age', { age: ageInYears(p.birthDate, today) })}`}
              {p.gezag && `, ${t('gezag')}`}
            </li>
          ))}
        </ul>
        {plan.summary && (
          <>
            <Heading level={3}>{t('summary')}</Heading>
            <Paragraph>{plan.summary}</Paragraph>
          </>
        )}
      </details>
    </header>
  );
}
