/** A published count: the number in the reader's locale, or "< 5" (lib/suppression.ts) set apart. */
import type { Count as CountValue } from '@/lib/suppression';
import styles from './region.module.css';

export function Count({ value, locale, testId }: { value: CountValue; locale: string; testId?: string }) {
  if (typeof value === 'number') return <span data-testid={testId}>{value.toLocaleString(locale)}</span>;
  return (
    <span className={styles.suppressed} data-testid={testId} data-suppressed="true">
      {value}
    </span>
  );
}
