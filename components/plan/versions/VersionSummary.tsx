import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { VersionListItem } from '@/lib/api/versions';
import { SignatureList } from './SignatureList';
import styles from './versions.module.css';

/** On the plan page: the latest version and who signed it (the page loads it, for members of the plan only). */
export async function VersionSummary({ planId, latest }: { planId: string; latest: VersionListItem<Date> | null }) {
  const t = await getTranslations('versions');
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
