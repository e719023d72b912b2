'use client';
/** The Big Five of one family as five table cells: colour, a word and an icon per domain (never colour alone). */
import { useTranslations } from 'next-intl';
import { BIG_FIVE } from '@/lib/bigfive';
import type { BigFiveCell } from '@/lib/overzicht';
import styles from './overzicht.module.css';

const ICON: Record<BigFiveCell['state'], string> = { stabiel: '✓', vooruit: '↑', gelijk: '→', achteruit: '↓', open: '○', geen: '–' };

export function BigFiveCells({ cells }: { cells: BigFiveCell[] | null }) {
  const t = useTranslations('overzicht');
  const tDomains = useTranslations('goals.domains');
  if (!cells) {
    return BIG_FIVE.map((domain) => (
      <td key={domain} className={styles.cell} data-state="geen">
        <span className={styles.label}>{tDomains(domain)}</span>
        <span className={styles.muted}>{t('hidden')}</span>
      </td>
    ));
  }
  return cells.map((cell) => (
    <td key={cell.domain} className={styles.cell} data-state={cell.state} data-testid={`bigfive-${cell.domain}`}>
      <span className={styles.label}>{tDomains(cell.domain)}</span>
      <span className={styles.cellBody}>
        <span aria-hidden="true" className={styles.icon}>
          {ICON[cell.state]}
        </span>
        <span>{t(`states.${cell.state}`)}</span>
      </span>
      {cell.openGoals > 0 && <span className={styles.cellMeta}>{t('cellOpen', { count: cell.openGoals })}</span>}
      {cell.first !== null && cell.latest !== null && <span className={styles.cellMeta}>{t('cellTrend', { first: cell.first, latest: cell.latest })}</span>}
    </td>
  ));
}
