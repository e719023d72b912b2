/**
 * The region's figures as CSV (GET /api/regio?format=csv): one line per figure, semicolon-separated (as Dutch
 * spreadsheets expect) with a byte-order mark so accents survive, and the same "< 5" as the page. Built only
 * from the report, which carries no name, plan id or birth date, so neither can the file.
 */
import { UNKNOWN_MUNICIPALITY, type RegionReport } from '@/lib/api/region';
import { PLAN_STATUSES } from '@/lib/roles';
import type { Count } from '@/lib/suppression';

/** Labels in the reader's language: `regio.csv.*`, `regio.domains.*`, `status.*` and friends (see app/api/regio). */
export interface CsvLabels {
  header: [string, string, string, string, string];
  allMunicipalities: string;
  unknownMunicipality: string;
  /** For a derived figure (percentage, average) not shown because a count behind it is hidden. */
  hidden: string;
  /** For a figure the product does not record yet. */
  noData: string;
  figure: (key: string) => string;
  status: (status: string) => string;
  domain: (domain: string) => string;
  perspective: (perspective: string) => string;
}

function cell(value: string): string {
  // Quote when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function regionCsv(report: RegionReport, labels: CsvLabels): string {
  const area = (m: string | null) => (m === null ? labels.allMunicipalities : m === UNKNOWN_MUNICIPALITY ? labels.unknownMunicipality : m);
  const shownArea = area(report.municipality);
  const lines: string[][] = [labels.header];
  const count = (c: Count) => (typeof c === 'number' ? String(c) : c);
  const derived = (n: number | null, unit = '') => (n === null ? labels.hidden : `${String(n)}${unit}`);
  const add = (section: string, what: string, value: string, where = shownArea) => lines.push([labels.figure(section), where, report.period.key, what, value]);

  for (const s of PLAN_STATUSES) add('status', labels.status(s), count(report.status.byStatus[s]));
  add('status', labels.figure('active'), count(report.status.active));
  add('status', labels.figure('total'), count(report.status.total));
  for (const row of report.perMunicipality) {
    add('perMunicipality', labels.figure('active'), count(row.active), area(row.municipality));
    add('perMunicipality', labels.figure('total'), count(row.total), area(row.municipality));
  }
  add('regisseur', labels.figure('regisseurOne'), count(report.regisseur.one));
  add('regisseur', labels.figure('regisseurNotOne'), count(report.regisseur.notOne));
  add('regisseur', labels.figure('regisseurPercent'), derived(report.regisseur.percentOne, '%'));
  add('goals', labels.figure('plansWithGoals'), count(report.goals.plansWithGoals));
  add('goals', labels.figure('plansWithReached'), count(report.goals.plansWithReached));
  add('goals', labels.figure('goalsCount'), count(report.goals.goals));
  add('goals', labels.figure('goalsReached'), count(report.goals.reached));
  add('goals', labels.figure('goalsPercent'), derived(report.goals.percentReached, '%'));
  for (const d of report.domains) {
    const what = (k: string) => `${labels.domain(d.domain)} — ${labels.perspective(d.perspective)} — ${labels.figure(k)}`;
    add('domains', what('rated'), count(d.rated));
    add('domains', what('improved'), count(d.improved));
    add('domains', what('same'), count(d.same));
    add('domains', what('declined'), count(d.declined));
    add('domains', what('meanChange'), derived(d.meanChange));
  }
  for (const b of report.professionals.buckets) add('professionals', b.bucket, count(b.families));
  add('professionals', labels.figure('median'), derived(report.professionals.median));
  add('escalations', labels.figure('brokenAgreements'), count(report.escalations.brokenAgreements));
  add('escalations', labels.figure('tableRequests'), labels.noData);
  add('escalations', labels.figure('daysToDecision'), labels.noData);
  add('waakvlam', labels.figure('waakvlamIn'), count(report.waakvlam.entered));
  add('waakvlam', labels.figure('waakvlamBack'), count(report.waakvlam.returned));
  return `\ufeff${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** The CSV labels from the message files: `t` reads the `regio` namespace, `tStatus` the `status` one. */
export function csvLabels(t: (key: string) => string, tStatus: (key: string) => string): CsvLabels {
  return {
    header: [t('csv.section'), t('csv.municipality'), t('csv.period'), t('csv.figure'), t('csv.value')],
    allMunicipalities: t('filters.all'),
    unknownMunicipality: t('filters.unknown'),
    hidden: t('csv.hidden'),
    noData: t('noData'),
    figure: (key) => t(`figures.${key}`),
    status: (status) => tStatus(status),
    domain: (domain) => t(`domains.${domain}`),
    perspective: (perspective) => t(`domains.${perspective}`),
  };
}

/** "regio-2026-Q3.csv", or "regio-2026-Q3-west-betuwe.csv" for one municipality (ASCII only, no spaces). */
export function csvFileName(period: string, municipality: string | null): string {
  const slug = (municipality ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `regio-${period}${slug ? `-${slug}` : ''}.csv`;
}
