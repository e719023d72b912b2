/**
 * How each rater is drawn in the charts: a colour and a dash pattern, so lines differ in more than colour alone
 * (WCAG 1.4.1). Assigned in order of each person's first rating in the plan, so one person looks the same on
 * every chart. Colours keep at least 4.5:1 against white: the latest value is written in them.
 */
import type { GoalRating } from '@/lib/api/ratings';

const COLOURS = ['#1f4e79', '#7a3e00', '#1d6b3a', '#5b2a86', '#006d77', '#8e2c48', '#9c1f1f', '#3b4a5a'];
const DASHES = ['', '7 4', '2 3', '10 3 2 3'];

export interface RaterStyle {
  colour: string;
  dash: string;
}

/** Style per rater id, stable for the whole plan. */
export function raterStyles(ratings: readonly GoalRating[]): Map<string, RaterStyle> {
  const out = new Map<string, RaterStyle>();
  for (const r of ratings) {
    if (out.has(r.raterId)) continue;
    const i = out.size;
    out.set(r.raterId, { colour: COLOURS[i % COLOURS.length] ?? '#1f4e79', dash: DASHES[i % DASHES.length] ?? '' });
  }
  return out;
}
