'use client';
/**
 * A goal's ratings over time: one line per rater (colour and dash pattern), a point per dated rating, the first
 * and the latest value written beside the line. The legend under the chart says the same in words (name, role,
 * begin and latest), so the chart is never the only way to read it.
 */
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import type { RaterStyle } from './raters';
import styles from './goals.module.css';
import type { GoalRating } from '@/lib/api/ratings';

export interface RatingChartProps {
  ratings: readonly GoalRating[];
  min: number;
  max: number;
  styleOf: (raterId: string) => RaterStyle;
  testId?: string;
}

interface Series {
  raterId: string;
  name: string;
  role: string;
  points: { t: number; value: number; date: Date }[];
}

const HEIGHT = 176;
const PAD = { top: 14, right: 30, bottom: 28, left: 48 };
const DAY = 24 * 60 * 60 * 1000;

/** Width of an element, following resizes (the chart is drawn in real pixels, so text stays readable). */
function useWidth(fallback: number) {
  const [el, ref] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.floor(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return { ref, width };
}

/** Moves labels apart vertically so that none overlap (at least `gap` px between centres). */
function spread(ys: number[], gap: number, low: number, high: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    if (prev && cur && cur.y - prev.y < gap) cur.y = prev.y + gap;
  }
  const last = order[order.length - 1];
  const overflow = last ? Math.max(0, last.y - high) : 0;
  const out = [...ys];
  for (const o of order) out[o.i] = Math.max(low, o.y - overflow);
  return out;
}

export function RatingChart({ ratings, min, max, styleOf, testId }: RatingChartProps) {
  const t = useTranslations('goals.rating');
  const tRoles = useTranslations('roles');
  const format = useFormatter();
  const { ref, width } = useWidth(320);

  const series = useMemo<Series[]>(() => {
    const byRater = new Map<string, Series>();
    for (const r of ratings) {
      const date = new Date(r.createdAt);
      let s = byRater.get(r.raterId);
      if (!s) {
        s = { raterId: r.raterId, name: r.raterName ?? t('unknownRater'), role: r.raterRole, points: [] };
        byRater.set(r.raterId, s);
      }
      s.points.push({ t: date.getTime(), value: r.value, date });
    }
    for (const s of byRater.values()) s.points.sort((a, b) => a.t - b.t);
    return [...byRater.values()];
  }, [ratings, t]);

  const day = (d: Date) => format.dateTime(d, { day: 'numeric', month: 'short', year: 'numeric' });
  const month = (d: Date) => format.dateTime(d, { month: 'short', year: 'numeric' });
  const role = (key: string) => (tRoles.has(key) ? tRoles(key) : key);

  if (series.length === 0) {
    return (
      <p className={styles.muted} data-testid={testId}>
        {t('none')}
      </p>
    );
  }

  const times = series.flatMap((s) => s.points.map((p) => p.t));
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (t1 - t0 < DAY) {
    t0 -= 15 * DAY;
    t1 += 15 * DAY;
  }
  const innerW = width - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (time: number) => PAD.left + ((time - t0) / (t1 - t0)) * innerW;
  const y = (value: number) => PAD.top + (1 - (value - min) / (max - min)) * innerH;
  const ticks = [min, Math.round((min + max) / 2), max];

  // Begin values sit left of each line's first point, latest values right of its last; neither overlaps its kind.
  const firstYs = spread(
    series.map((s) => y(s.points[0]?.value ?? min) + 4),
    13,
    PAD.top + 4,
    HEIGHT - PAD.bottom + 4,
  );
  const latestYs = spread(
    series.map((s) => y(s.points[s.points.length - 1]?.value ?? min) + 4),
    13,
    PAD.top + 4,
    HEIGHT - PAD.bottom + 4,
  );
  const firstDate = new Date(Math.min(...times));
  const lastDate = new Date(Math.max(...times));

  return (
    <figure className={styles.chart} data-testid={testId}>
      <div ref={ref} className={styles.chartCanvas}>
        <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={t('chartLabel')}>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} className={styles.grid} />
              <text x={22} y={y(v) + 4} textAnchor="end" className={styles.axisText}>
                {v}
              </text>
            </g>
          ))}
          <text x={PAD.left} y={HEIGHT - 8} textAnchor="start" className={styles.axisText}>
            {month(firstDate)}
          </text>
          {lastDate.getTime() - firstDate.getTime() >= 20 * DAY && (
            <text x={width - PAD.right} y={HEIGHT - 8} textAnchor="end" className={styles.axisText}>
              {month(lastDate)}
            </text>
          )}
          {series.map((s, i) => {
            const st = styleOf(s.raterId);
            const first = s.points[0];
            const last = s.points[s.points.length - 1];
            if (!first || !last) return null;
            return (
              <g key={s.raterId} data-rater={s.name}>
                <polyline
                  points={s.points.map((p) => `${x(p.t)},${y(p.value)}`).join(' ')}
                  fill="none"
                  stroke={st.colour}
                  strokeWidth={2.5}
                  strokeDasharray={st.dash || undefined}
                  strokeLinejoin="round"
                />
                {s.points.map((p, k) => (
                  <circle key={k} cx={x(p.t)} cy={y(p.value)} r={4} fill={st.colour}>
                    <title>{`${s.name}: ${p.value} (${day(p.date)})`}</title>
                  </circle>
                ))}
                {s.points.length > 1 && (
                  <text x={x(first.t) - 8} y={firstYs[i]} textAnchor="end" className={styles.pointLabel} fill={st.colour} data-testid="chart-first">
                    {first.value}
                  </text>
                )}
                <text x={x(last.t) + 8} y={latestYs[i]} textAnchor="start" className={styles.latestLabel} fill={st.colour} data-testid="chart-latest">
                  {last.value}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className={styles.legend} data-testid="rating-legend">
          {series.map((s) => {
            const st = styleOf(s.raterId);
            const first = s.points[0];
            const last = s.points[s.points.length - 1];
            if (!first || !last) return null;
            return (
              <li key={s.raterId} className={styles.legendItem}>
                <svg width="28" height="10" aria-hidden="true" className={styles.swatch}>
                  <line x1="1" x2="27" y1="5" y2="5" stroke={st.colour} strokeWidth="3" strokeDasharray={st.dash || undefined} />
                </svg>
                <span>
                  {s.points.length > 1
                    ? t('legendLine', {
                        name: s.name,
                        role: role(s.role),
                        first: first.value,
                        firstDate: day(first.date),
                        latest: last.value,
                        latestDate: day(last.date),
                      })
                    : t('legendSingle', { name: s.name, role: role(s.role), latest: last.value, latestDate: day(last.date) })}
                </span>
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
