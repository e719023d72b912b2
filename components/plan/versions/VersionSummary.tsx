import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listVersions } from '@/db/queries/versions';
import { SignatureList } from './SignatureList';
import styles from './versions.module.css';

/** On the plan page: the latest version and who signed it. Callers render it only for members of the plan. */
export async function VersionSummary({ planId }: { planId: string }) {
  const t = await getTranslations('versions');
  const [latest] = await listVersions(getDb(), { planId });
  if (!latest) return null;
  return (
    <div className={styles.summary} data-testid="version-summary">
      <p>
        <NextLink href={`/plannen/${planId}/versies/${latest.id}`} className="utrecht-link">
          {t('latest', { name: latest.name })}
        </NextLink>
      </p>
      <SignatureList signatures={latest.signatures} testId="version-signatures" />
    </div>
  );
}
