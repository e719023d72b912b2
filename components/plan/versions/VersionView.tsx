import { Heading, Paragraph } from '@utrecht/component-library-react';
import NextLink from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Signature, VersionSection } from '@/lib/api/versions';
import { SignatureList } from './SignatureList';
import { SignVersion } from './SignVersion';
import { VersionSections } from './VersionSections';
import styles from './versions.module.css';

export interface VersionViewProps {
  planId: string;
  householdName: string;
  version: { id: string; name: string; hash: string; createdAt: Date; signatures: Signature<Date>[]; maySign: boolean; signed: boolean };
  /** Only the sections the viewer may see now. */
  sections: VersionSection[];
}

/** One version, read-only, with only the sections the viewer may see now; the family and professionals sign here. */
export async function VersionView({ planId, householdName, version, sections }: VersionViewProps) {
  const t = await getTranslations('versions');
  const format = await getFormatter();
  const date = format.dateTime(version.createdAt, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <article className={styles.page} aria-labelledby="version-title">
      <Paragraph>
        <NextLink href={`/plannen/${planId}/versies`} className={styles.back}>
          ← {t('backToVersions')}
        </NextLink>
      </Paragraph>
      <Heading level={1} id="version-title">
        {version.name}
      </Heading>
      <p className={styles.meta}>{householdName}</p>
      <p className={styles.readOnly}>{t('readOnly', { date })}</p>
      <section className={styles.panel} aria-label={t('signatures')}>
        <SignatureList signatures={version.signatures} testId="version-signatures" />
        {version.signed && <p className={styles.ok}>{t('signed')}</p>}
        {version.maySign && !version.signed && <SignVersion planId={planId} versionId={version.id} hash={version.hash} />}
        <p className={styles.hash}>
          {t('hash')}: <span data-testid="version-hash">{version.hash}</span>
        </p>
      </section>
      <VersionSections sections={sections} />
    </article>
  );
}
