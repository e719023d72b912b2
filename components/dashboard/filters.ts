/**
 * The overzicht's filters (my role, status, signal) and search by household name. Pure, so the server-rendered
 * first paint (from the URL) and the live filtering in the browser show the same rows. The names of the query
 * parameters are Dutch, as the URL is something people see and share.
 */
import type { OverzichtRow } from '@/lib/api/overzicht';
import { PLAN_ROLES, PLAN_STATUSES, type PlanRole, type PlanStatus } from '@/lib/roles';
import { isSignalKind, type SignalKind } from '@/lib/signals';

export type RoleFilter = 'alle' | 'casusregisseur' | PlanRole;
export type SignalFilter = 'alle' | 'met' | 'zonder' | SignalKind;

export interface Filters {
  rol: RoleFilter;
  status: 'alle' | PlanStatus;
  signaal: SignalFilter;
  zoek: string;
}

export const NO_FILTERS: Filters = { rol: 'alle', status: 'alle', signaal: 'alle', zoek: '' };

/** Filters from the page's query parameters; anything unknown means "all". */
export function filtersFrom(query: Record<string, string | string[] | undefined>): Filters {
  const one = (key: string) => {
    const v = query[key];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  const rol = one('rol');
  const status = one('status');
  const signaal = one('signaal');
  return {
    rol: rol === 'casusregisseur' || (PLAN_ROLES as readonly string[]).includes(rol) ? (rol as RoleFilter) : 'alle',
    status: (PLAN_STATUSES as readonly string[]).includes(status) ? (status as PlanStatus) : 'alle',
    signaal: signaal === 'met' || signaal === 'zonder' || isSignalKind(signaal) ? (signaal as SignalFilter) : 'alle',
    zoek: one('zoek').slice(0, 100),
  };
}

/** The query string of filters (only what is set), for the address bar. */
export function queryOf(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.rol !== 'alle') params.set('rol', filters.rol);
  if (filters.status !== 'alle') params.set('status', filters.status);
  if (filters.signaal !== 'alle') params.set('signaal', filters.signaal);
  if (filters.zoek.trim()) params.set('zoek', filters.zoek.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Lower case without accents, so "yildiz" finds "Yıldız" and "oztürk" finds "Öztürk". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase();

export function applyFilters(rows: OverzichtRow[], filters: Filters): OverzichtRow[] {
  const needle = fold(filters.zoek.trim());
  return rows.filter((row) => {
    if (filters.rol === 'casusregisseur' && !row.isCasusregisseur) return false;
    if (filters.rol !== 'alle' && filters.rol !== 'casusregisseur' && row.role !== filters.rol) return false;
    if (filters.status !== 'alle' && row.status !== filters.status) return false;
    if (filters.signaal === 'met' && row.signals.length === 0) return false;
    if (filters.signaal === 'zonder' && row.signals.length > 0) return false;
    if (isSignalKind(filters.signaal) && !row.signals.some((s) => s.kind === filters.signaal)) return false;
    return needle === '' || fold(row.householdName).includes(needle);
  });
}
