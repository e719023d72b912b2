import { getFormatter, getTranslations } from 'next-intl/server';
import type { Signature } from '@/lib/api/versions';
import styles from './versions.module.css';

/** Who signed a version, in which role and when; or that nobody has yet. */
export async function SignatureList({ signatures, testId }: { signatures: Pick<Signature<Date>, 'userId' | 'name' | 'role' | 'signedAt'>[]; testId?: string }) {
  const t = await getTranslations('versions');
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();
  if (signatures.length === 0) return <p className={styles.meta}>{t('notSigned')}</p>;
  return (
    <div>
      <p className={styles.meta}>{t('signatures')}:</p>
      <ul className={styles.signatures} data-testid={testId}>
        {signatures.map((s) => (
          <li key={s.userId}>
            {t('signedLine', {
              name: s.name ?? '',
              role: tRoles(s.role),
              date: format.dateTime(s.signedAt, { day: 'numeric', month: 'long', year: 'numeric' }),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
