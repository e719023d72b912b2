'use client';
/**
 * A bar chart of region figures (Recharts). A hidden count ("< 5") has no bar, only its label, so the chart never
 * shows more than the table. The chart is for the eye: it is hidden from screen readers, and the table beside it
 * (FigureTable) carries the same figures for everyone; every series is named in a legend in words, not colour alone.
 */
import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';
import type { Count } from '@/lib/suppression';
import styles from './region.module.css';

export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
}

export interface ChartRow {
  label: string;
  values: Record<string, Count>;
}

export function RegionBarChart({
  series,
  rows,
  caption,
  horizontal = false,
  height = 240,
  testId,
}: {
  series: ChartSeries[];
  rows: ChartRow[];
  caption: string;
  /** Bars along the x axis, one row per category (for long labels and phones). */
  horizontal?: boolean;
  height?: number;
  testId?: string;
}) {
  const data = rows.map((r) => {
    const point: Record<string, string | number> = { label: r.label };
    for (const s of series) {
      const v = r.values[s.key];
      point[s.key] = typeof v === 'number' ? v : 0;
      point[`${s.key}__label`] = typeof v === 'number' ? String(v) : (v ?? '');
    }
    return point;
  });
  return (
    <figure className={styles.chart} data-testid={testId}>
      <div className={styles.canvas} aria-hidden="true">
        <BarChart
          responsive
          style={{ width: '100%', height }}
          data={data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          accessibilityLayer={false}
          margin={{ top: 16, right: 40, bottom: 4, left: 4 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#d5dae0" />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={{ fill: '#1b1b1b', fontSize: 13 }} />
              <YAxis type="category" dataKey="label" width={130} tick={{ fill: '#1b1b1b', fontSize: 13 }} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fill: '#1b1b1b', fontSize: 13 }} interval={0} />
              <YAxis allowDecimals={false} width={36} tick={{ fill: '#1b1b1b', fontSize: 13 }} />
            </>
          )}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} isAnimationActive={false} maxBarSize={36}>
              <LabelList dataKey={`${s.key}__label`} position={horizontal ? 'right' : 'top'} fill="#1b1b1b" fontSize={12} />
            </Bar>
          ))}
          {series.length > 1 && <Legend wrapperStyle={{ color: '#1b1b1b', fontSize: 14 }} />}
        </BarChart>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
