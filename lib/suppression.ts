/**
 * Small-cell suppression for the region's anonymous figures (DOMAIN.md "What the regisseur and the region
 * monitor": no group smaller than five). Pure: the region service builds every number of one report as a cell,
 * states which cells add up to which (a row total and its parts, a region total and its municipalities, a quarter
 * and its months), and publishes only what this module leaves visible.
 *
 * - Primary: every count of one to four is suppressed. A zero is shown: it names no family, and hiding it would
 *   hide the real figures with it (a region total next to one municipality's equal count only says "the others:
 *   none"). This is the usual small-cell rule of statistics offices.
 * - Derived figures (a percentage, an average, a median) are published by the caller only when every count
 *   behind them is.
 * - Secondary: within every sum, the suppressed cells must not be recoverable. A sum with exactly one suppressed
 *   cell gives it away (total minus the others), so another cell is suppressed; and when the total is visible the
 *   suppressed parts together are recoverable as one group, so that group must reach the threshold too. The
 *   smallest visible part is suppressed first (least information lost), the total only when no part is left.
 *   This repeats until every sum is safe, so cells shared by several sums (a municipality's total is both a row
 *   total and part of the region's column) are protected in all of them at once.
 * - A cell may follow another (a count of goals follows the count of families they belong to): hidden with it.
 * - A cell may be unpublished (a complement nobody sees, e.g. "plans with goals but none reached"): it is never
 *   picked to hide something else, but when it is small it is protected like any other, because it could be
 *   worked out from the published cells.
 */

/** What a suppressed count is shown as, on the page and in the CSV. */
export const SUPPRESSED = '< 5';
export type Suppressed = typeof SUPPRESSED;

/** The smallest group that may be shown. */
export const MIN_GROUP = 5;

export interface Cell {
  id: string;
  value: number;
  /** False for a cell that is not shown but can be derived from shown cells (default true). */
  published?: boolean;
}

/** `total` = the sum of `parts`. */
export interface Sum {
  total: string;
  parts: readonly string[];
}

/** `cell` may only be shown when `of` is: e.g. a count of goals, hidden whenever the families behind it are. */
export interface Follow {
  cell: string;
  of: string;
}

/** A published count: the number, or SUPPRESSED. */
export type Count = number | Suppressed;

/**
 * The ids of the cells that must not be published. Every id in a sum must be a cell; cells are compared by value,
 * ties broken by id, so the same input always gives the same answer (a figure never flips between two views).
 */
export function suppress(cells: readonly Cell[], sums: readonly Sum[], options: { min?: number; follows?: readonly Follow[] } = {}): Set<string> {
  const min = options.min ?? MIN_GROUP;
  const follows = options.follows ?? [];
  const byId = new Map<string, Cell>();
  for (const c of cells) {
    if (byId.has(c.id)) throw new Error(`suppression: duplicate cell ${c.id}`);
    if (!Number.isFinite(c.value) || c.value < 0) throw new Error(`suppression: cell ${c.id} is not a count`);
    byId.set(c.id, c);
  }
  for (const s of sums) {
    for (const id of [s.total, ...s.parts]) if (!byId.has(id)) throw new Error(`suppression: sum names an unknown cell ${id}`);
  }
  for (const f of follows) {
    for (const id of [f.cell, f.of]) if (!byId.has(id)) throw new Error(`suppression: follow names an unknown cell ${id}`);
  }
  const hidden = new Set<string>();
  for (const c of cells) if (c.value > 0 && c.value < min) hidden.add(c.id);

  const value = (id: string) => byId.get(id)?.value ?? 0;
  // Hiding a zero protects nothing (the hidden group's sum stays the same), so zeros are never picked.
  const pickable = (id: string) => !hidden.has(id) && byId.get(id)?.published !== false && value(id) > 0;
  const smallest = (ids: readonly string[]) => ids.filter(pickable).sort((a, b) => value(a) - value(b) || (a < b ? -1 : a > b ? 1 : 0))[0];

  let changed = true;
  while (changed) {
    changed = false;
    for (const f of follows) {
      if (hidden.has(f.of) && !hidden.has(f.cell)) {
        hidden.add(f.cell);
        changed = true;
      }
    }
    for (const s of sums) {
      const members = [s.total, ...s.parts];
      const hiddenHere = members.filter((id) => hidden.has(id));
      if (hiddenHere.length === 0) continue;
      const totalHidden = hidden.has(s.total);
      const hiddenParts = hiddenHere.filter((id) => id !== s.total);
      const recoverable = hiddenHere.length === 1 || (!totalHidden && hiddenParts.reduce((n, id) => n + value(id), 0) < min);
      if (!recoverable) continue;
      const next = smallest(s.parts) ?? (pickable(s.total) ? s.total : undefined);
      if (next === undefined) continue; // nothing left to hide here: every member is hidden or unpublished
      hidden.add(next);
      changed = true;
    }
  }
  return hidden;
}

/** The cell as published: its value, or SUPPRESSED. */
export function publish(value: number, id: string, hidden: ReadonlySet<string>): Count {
  return hidden.has(id) ? SUPPRESSED : value;
}

/** True when a published count is a number. */
export function isShown(count: Count | null | undefined): count is number {
  return typeof count === 'number';
}
