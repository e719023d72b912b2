import { Heading, Paragraph } from '@utrecht/component-library-react';
import NextLink from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { VersionListItem } from '@/lib/api/versions';
import { CreateVersionForm } from './CreateVersionForm';
import { SignatureList } from './SignatureList';
import styles from './versions.module.css';

export interface VersionListProps {
  planId: string;
  householdName: string;
  /** The casusregisseur records new versions here. */
  manages: boolean;
  versions: VersionListItem<Date>[];
}

/** The plan's versions with who signed each, newest first; the casusregisseur records new ones here. */
export async function VersionList({ planId, householdName, manages, versions }: VersionListProps) {
  const t = await getTranslations('versions');
  const format = await getFormatter();
  return (
    <article className={styles.page} aria-labelledby="versions-title">
      <Paragraph>
        <NextLink href={`/plannen/${planId}`} className={styles.back}>
          ← {t('back')}
        </NextLink>
      </Paragraph>
      <Heading level={1} id="versions-title">
        {t('title')} — {householdName}
      </Heading>
      <p className={styles.intro}>{t('intro')}</p>
      {manages && <CreateVersionForm planId={planId} />}
      {versions.length === 0 ? (
        <p className={styles.meta}>{t('none')}</p>
      ) : (
        <ul className={styles.list}>
          {versions.map((v) => (
            <li key={v.id} className={styles.panel} data-testid="version-item">
              <h2 className={styles.title}>
                <NextLink href={`/plannen/${planId}/versies/${v.id}`} className="utrecht-link" aria-label={t('view', { name: v.name })}>
                  {v.name}
                </NextLink>
              </h2>
              <p className={styles.meta}>
                {t('createdBy', {
                  name: v.createdByName ?? '',
                  date: format.dateTime(v.createdAt, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
                })}
              </p>
              <SignatureList signatures={v.signatures} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
