/**
 * Period and municipality of the region view: a plain GET form, so it works without JavaScript and the choice
 * is in the address (shareable, and the CSV link carries the same).
 */
import { UNKNOWN_MUNICIPALITY } from '@/lib/api/region';
import styles from './region.module.css';

export interface RegionFiltersLabels {
  legend: string;
  period: string;
  quarters: string;
  months: string;
  municipality: string;
  all: string;
  unknown: string;
  show: string;
}

export function RegionFilters({
  labels,
  period,
  municipality,
  quarters,
  months,
  municipalities,
}: {
  labels: RegionFiltersLabels;
  period: string;
  municipality: string | null;
  quarters: { key: string; label: string }[];
  months: { key: string; label: string }[];
  municipalities: string[];
}) {
  return (
    <form method="get" action="/regio" data-testid="region-filters">
      <fieldset className={styles.filters}>
        <legend>{labels.legend}</legend>
        <div className={styles.field}>
          <label htmlFor="regio-periode">{labels.period}</label>
          <select id="regio-periode" name="periode" defaultValue={period} className="utrecht-select utrecht-select--html-select">
            <optgroup label={labels.quarters}>
              {quarters.map((q) => (
                <option key={q.key} value={q.key}>
                  {q.label}
                </option>
              ))}
            </optgroup>
            <optgroup label={labels.months}>
              {months.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="regio-gemeente">{labels.municipality}</label>
          <select id="regio-gemeente" name="gemeente" defaultValue={municipality ?? ''} className="utrecht-select utrecht-select--html-select">
            <option value="">{labels.all}</option>
            {municipalities.map((m) => (
              <option key={m} value={m}>
                {m === UNKNOWN_MUNICIPALITY ? labels.unknown : m}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={`utrecht-button utrecht-button--primary-action ${styles.submit}`} data-testid="region-show">
          {labels.show}
        </button>
      </fieldset>
    </form>
  );
}
