'use client';
/**
 * The overzicht in the browser: filters (my role, status, signal) and a search by household name over the rows the
 * server computed, kept current by polling (useLiveOverzicht). The filters live in the address bar, and the form
 * also works without JavaScript (a GET to the same page, which renders the same filtered rows).
 */
import { Button, FormLabel, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import type { OverzichtResponse } from '@/lib/api/overzicht';
import { PLAN_ROLES, PLAN_STATUSES } from '@/lib/roles';
import { SIGNAL_KINDS } from '@/lib/signals';
import { applyFilters, queryOf, type Filters } from './filters';
import { OverzichtTable } from './OverzichtTable';
import { useLiveOverzicht } from './useLiveOverzicht';
import styles from './overzicht.module.css';

export function OverzichtBoard({ initial, initialFilters }: { initial: OverzichtResponse; initialFilters: Filters }) {
  const t = useTranslations('overzicht');
  const tSignals = useTranslations('signals');
  const tRoles = useTranslations('roles');
  const tStatus = useTranslations('status');
  const format = useFormatter();
  const { data, failed, busy, refresh } = useLiveOverzicht(initial);
  const [filters, setFilters] = useState(initialFilters);
  const rows = useMemo(() => applyFilters(data.rows, filters), [data.rows, filters]);

  useEffect(() => {
    const query = queryOf(filters);
    if (window.location.search !== query) window.history.replaceState(null, '', `${window.location.pathname}${query}`);
  }, [filters]);

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const roles = PLAN_ROLES.filter((r) => data.rows.some((row) => row.role === r));
  const statuses = PLAN_STATUSES.filter((s) => data.rows.some((row) => row.status === s));
  const kinds = SIGNAL_KINDS.filter((k) => data.rows.some((row) => row.signals.some((s) => s.kind === k)));
  const labelOf = (kind: (typeof SIGNAL_KINDS)[number]) => data.rows.flatMap((r) => r.signals).find((s) => s.kind === kind)?.label ?? tSignals(`label.${kind}`);
  const time = format.dateTime(new Date(data.generatedAt), { hour: '2-digit', minute: '2-digit' });

  return (
    <div className={styles.page}>
      <p className={styles.status}>
        {!failed && <span>{t('updated', { time })}</span>}
        <span role="status" className={styles.warning}>
          {failed ? t('refreshFailed', { time }) : ''}
        </span>
        <button type="button" className={styles.refresh} onClick={() => void refresh()} disabled={busy} aria-busy={busy}>
          {t('refresh')}
        </button>
      </p>
      <form method="get" action="/overzicht" className={styles.filters} role="search" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <div className={styles.field}>
          <FormLabel htmlFor="overzicht-zoek">{t('search')}</FormLabel>
          <div className={styles.searchRow}>
            <Textbox id="overzicht-zoek" name="zoek" type="search" autoComplete="off" value={filters.zoek} onChange={(e) => set('zoek', e.target.value)} />
            <Button type="submit" appearance="secondary-action-button">
              {t('searchButton')}
            </Button>
          </div>
        </div>
        <div className={styles.field}>
          <FormLabel htmlFor="overzicht-rol">{t('filterRole')}</FormLabel>
          <Select id="overzicht-rol" name="rol" value={filters.rol} onChange={(e) => set('rol', e.target.value as Filters['rol'])}>
            <SelectOption value="alle">{t('allRoles')}</SelectOption>
            <SelectOption value="casusregisseur">{t('roleCasusregisseur')}</SelectOption>
            {roles.map((r) => (
              <SelectOption key={r} value={r}>
                {tRoles(r)}
              </SelectOption>
            ))}
          </Select>
        </div>
        <div className={styles.field}>
          <FormLabel htmlFor="overzicht-status">{t('filterStatus')}</FormLabel>
          <Select id="overzicht-status" name="status" value={filters.status} onChange={(e) => set('status', e.target.value as Filters['status'])}>
            <SelectOption value="alle">{t('allStatuses')}</SelectOption>
            {statuses.map((s) => (
              <SelectOption key={s} value={s}>
                {tStatus(s)}
              </SelectOption>
            ))}
          </Select>
        </div>
        <div className={styles.field}>
          <FormLabel htmlFor="overzicht-signaal">{t('filterSignal')}</FormLabel>
          <Select id="overzicht-signaal" name="signaal" value={filters.signaal} onChange={(e) => set('signaal', e.target.value as Filters['signaal'])}>
            <SelectOption value="alle">{t('allSignals')}</SelectOption>
            <SelectOption value="met">{t('anySignal')}</SelectOption>
            <SelectOption value="zonder">{t('noSignal')}</SelectOption>
            {kinds.map((k) => (
              <SelectOption key={k} value={k}>
                {labelOf(k)}
              </SelectOption>
            ))}
          </Select>
        </div>
        <p className={styles.count} aria-live="polite" data-testid="overzicht-count">
          {t('count', { shown: rows.length, total: data.rows.length })}
        </p>
      </form>
      {data.rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : rows.length === 0 ? (
        <p>{t('noMatch')}</p>
      ) : (
        <OverzichtTable rows={rows} now={new Date(data.generatedAt)} />
      )}
    </div>
  );
}
