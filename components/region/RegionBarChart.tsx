'use client';
/**
 * A bar chart of region figures (Recharts). A hidden count ("< 5") has no bar, only its label, so the chart never
 * shows more than the table. The chart is for the eye: it is hidden from screen readers, and the table beside it
 * (FigureTable) carries the same figures for everyone; every series is named in a legend in words, not colour alone.
 * A chart narrower than NARROW_PX draws its bars horizontally, so the category labels (concept, actief, afschalen, …)
 * stand one under the other instead of overlapping along the x axis.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';
import type { Count } from '@/lib/suppression';
import styles from './region.module.css';

/** Below this width (px) of the chart, the bars lie horizontally. */
const NARROW_PX = 480;

/** True while the element is narrower than NARROW_PX (false until it is measured, as on the server). */
function useNarrow(ref: RefObject<HTMLElement | null>): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setNarrow((entry?.contentRect.width ?? NARROW_PX) < NARROW_PX));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}

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
  horizontal: alwaysHorizontal = false,
  height = 240,
  testId,
}: {
  series: ChartSeries[];
  rows: ChartRow[];
  caption: string;
  /** Bars along the x axis, one row per category (for long labels); a narrow chart is always drawn so. */
  horizontal?: boolean;
  height?: number;
  testId?: string;
}) {
  const figure = useRef<HTMLElement>(null);
  const narrow = useNarrow(figure);
  const horizontal = alwaysHorizontal || narrow;
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
    <figure ref={figure} className={styles.chart} data-testid={testId} data-layout={horizontal ? 'horizontal' : 'vertical'}>
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
              <YAxis type="category" dataKey="label" width={alwaysHorizontal ? 130 : 96} tick={{ fill: '#1b1b1b', fontSize: 13 }} />
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
