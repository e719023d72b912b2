'use client';
/**
 * The 0–10 safety scale: every party's numbers over time side by side (never overwritten), and — for those who may
 * comment or edit — a way to give today's number. Reloads when anyone rates (the server's "ratings" notify).
 */
import { Alert, Button } from '@utrecht/component-library-react';
import { useFormatter, useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { messageOf, postJson } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import { useServerData } from '@/components/live/useServerData';
import type { SafetyRating, SafetyRatingCreated, SafetyScaleResponse } from '@/lib/api/safety';
import type { PlanRole } from '@/lib/roles';
import { SafetyRatingInput } from '@/lib/safety-input';
import styles from './safety.module.css';

interface Rater {
  raterId: string;
  name: string;
  role: PlanRole;
  ratings: SafetyRating[];
}

/** Groups ratings per rater (oldest first), raters ordered by their first rating. */
function byRater(ratings: SafetyRating[]): Rater[] {
  const out = new Map<string, Rater>();
  for (const r of ratings) {
    const rater = out.get(r.raterId) ?? { raterId: r.raterId, name: r.raterName ?? '?', role: r.raterRole, ratings: [] };
    rater.ratings.push(r);
    out.set(r.raterId, rater);
  }
  return [...out.values()];
}

/** A small line of a rater's numbers over time (decorative: the numbers are also written out). */
function Sparkline({ values }: { values: number[] }) {
  const w = 160;
  const h = 48;
  const step = values.length > 1 ? (w - 8) / (values.length - 1) : 0;
  const points = values.map((v, i) => [4 + i * step, h - 4 - (v / 10) * (h - 8)] as const);
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false" className={styles.sparkline}>
      <line x1="0" y1={h - 4} x2={w} y2={h - 4} stroke="#c6ccd3" strokeWidth="1" />
      <line x1="0" y1={4} x2={w} y2={4} stroke="#e3e7eb" strokeWidth="1" />
      {points.length > 1 && (
        <polyline points={points.map((p) => p.join(',')).join(' ')} fill="none" stroke="#1f4e79" strokeWidth="2.5" strokeLinejoin="round" />
      )}
      {points.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={i === points.length - 1 ? 4 : 2.5} fill="#1f4e79" />
      ))}
    </svg>
  );
}

const TOPICS = ['ratings'] as const;

const rate = (url: string, input: SafetyRatingInput) => postJson<SafetyRatingCreated>(url, input);

export function SafetyScale({ planId, provider }: { planId: string; provider: WebsocketProvider }) {
  const t = useTranslations('safety');
  const tRoles = useTranslations('roles');
  const format = useFormatter();
  const id = useId();
  const url = `/api/plans/${planId}/safety-scale`;
  const { data, failed, reload } = useServerData<SafetyScaleResponse>(url, provider, TOPICS);
  const [value, setValue] = useState<number | null>(null);
  const [note, setNote] = useState('');
  // What the form finds itself before sending (no number chosen); a refusal comes from the server through `sending`.
  const [invalid, setInvalid] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const sending = useSubmit(rate);
  const errors = invalid.length > 0 ? invalid : sending.error ? [messageOf(sending.error, { offline: t('offline'), failed: t('rateFailed') })] : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const parsed = SafetyRatingInput.safeParse({ value: value ?? undefined, note: note || undefined });
    if (!parsed.success) {
      sending.clearError();
      setInvalid([...new Set(parsed.error.issues.map((i) => i.message))]);
      return;
    }
    setInvalid([]);
    const result = await sending.submit(url, parsed.data);
    if (!result.ok) return;
    setValue(null);
    setNote('');
    setSaved(true);
    await reload();
  }

  const raters = byRater(data?.ratings ?? []);
  const day = (iso: string) => format.dateTime(new Date(iso), { day: 'numeric', month: 'short', year: 'numeric' });
  return (
    <section className={styles.block} aria-labelledby={`${id}-title`} data-testid="safety-scale">
      <h3 id={`${id}-title`} className={styles.blockTitle}>
        {t('scale')}
      </h3>
      <p className={styles.hint}>{t('scaleHint')}</p>
      {failed && <p className={styles.muted}>{t('scaleFailed')}</p>}
      {data && raters.length === 0 && <p className={styles.muted}>{t('noRatings')}</p>}
      <ul className={styles.raters}>
        {raters.map((r) => {
          const last = r.ratings[r.ratings.length - 1];
          return (
            <li key={r.raterId} className={styles.rater} data-testid="safety-rater">
              <div className={styles.raterHead}>
                <span className={styles.raterName}>
                  {r.name} <span className={styles.raterRole}>({tRoles(r.role)})</span>
                </span>
                {last && (
                  <span className={styles.raterLast}>
                    <span aria-hidden="true">{last.value}</span>
                    <span className="visually-hidden">{t('lastScore', { value: last.value, date: day(last.createdAt) })}</span>
                  </span>
                )}
              </div>
              <Sparkline values={r.ratings.map((x) => x.value)} />
              <ol className={styles.history} aria-label={t('history', { name: r.name })}>
                {r.ratings.map((x) => (
                  <li key={x.id}>
                    <span className={styles.historyDate}>{day(x.createdAt)}</span> <strong>{x.value}</strong>
                    {x.note && <span className={styles.historyNote}> — {x.note}</span>}
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ul>
      {data?.mayRate && (
        <form className={styles.rateForm} onSubmit={submit} noValidate data-testid="safety-rate-form">
          {errors.length > 0 && (
            <Alert type="error" role="alert">
              <ul className={styles.errorList}>
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </Alert>
          )}
          {saved && (
            <p role="status" className={styles.saved}>
              {t('rated')}
            </p>
          )}
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t('rateQuestion')}</legend>
            <div className={styles.scaleOptions}>
              {Array.from({ length: 11 }, (_, n) => (
                <label key={n} className={styles.scaleOption}>
                  <input type="radio" name={`${id}-value`} value={n} checked={value === n} onChange={() => setValue(n)} />
                  <span>{n}</span>
                </label>
              ))}
            </div>
            <div className={styles.scaleEnds} aria-hidden="true">
              <span>{t('scaleLow')}</span>
              <span>{t('scaleHigh')}</span>
            </div>
          </fieldset>
          <div className={styles.field}>
            <label htmlFor={`${id}-note`} className={styles.legend}>
              {t('rateNote')}
            </label>
            <input id={`${id}-note`} className={styles.addInput} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div>
            <Button type="submit" appearance="primary-action-button" disabled={sending.busy} data-testid="safety-rate-submit">
              {t('rate')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
