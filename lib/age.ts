/** Ages in whole years and months on a given day (rights change at 12, 16 and 18; Naar 18+ appears at 16½). */

/** Whole months between a birth date (YYYY-MM-DD) and `on`. */
export function ageInMonths(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let months = (on.getUTCFullYear() - y) * 12 + (on.getUTCMonth() + 1 - m);
  if (on.getUTCDate() < d) months -= 1;
  return months;
}

/** Whole years of age on `on`. */
export function ageInYears(birthDate: string, on: Date): number {
  return Math.floor(ageInMonths(birthDate, on) / 12);
}
