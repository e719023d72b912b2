/**
 * The plan's lifecycle (DOMAIN.md "The plan"): concept → actief → afschalen → waakvlam → afgesloten, reopenable.
 * Pure rules; server/plans/lifecycle.ts applies them with the stored evaluatie doc and writes the change.
 */
import { BIG_FIVE, type BigFiveDomain } from './bigfive';
import type { PlanStatus } from './roles';

/** Where a plan may go from each status. Any open status may close; a closed plan reopens to actief. */
export const TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  concept: ['actief', 'afgesloten'],
  actief: ['afschalen', 'waakvlam', 'afgesloten'],
  afschalen: ['actief', 'waakvlam', 'afgesloten'],
  waakvlam: ['actief', 'afgesloten'],
  afgesloten: ['actief'],
};

/** Statuses in which help lets go: the Big Five must be stable, or the reason why not is recorded. */
const LETTING_GO: readonly PlanStatus[] = ['waakvlam', 'afgesloten'];

export const MAX_REASON = 1000;

export type Stability = Record<BigFiveDomain, { stable: boolean; note: string }>;

export type StatusCheck =
  { ok: true } | { ok: false; kind: 'transition'; message: string } | { ok: false; kind: 'unstable'; message: string; unstable: BigFiveDomain[] };

/** Dutch labels used in the server's own messages (the UI has the same words in messages/*.json). */
const DOMAIN_NL: Record<BigFiveDomain, string> = {
  support: 'Support',
  wonen: 'Wonen',
  school_werk: 'School & werk',
  inkomen: 'Inkomen',
  welzijn: 'Welzijn',
};

/** The Big Five domains not marked stable, in their canonical order. */
export function unstableDomains(stability: Stability): BigFiveDomain[] {
  return BIG_FIVE.filter((d) => !stability[d].stable);
}

/**
 * May the plan go from `from` to `to`? Letting go (waakvlam, afgesloten) needs every Big Five domain stable, or a
 * reason that is recorded with the change. The messages are plain Dutch and say what to do.
 */
export function checkStatusChange(params: { from: PlanStatus; to: PlanStatus; stability: Stability; reason?: string | null }): StatusCheck {
  const { from, to } = params;
  if (!TRANSITIONS[from].includes(to)) {
    return { ok: false, kind: 'transition', message: `Het plan kan niet van '${from}' naar '${to}'.` };
  }
  if (!LETTING_GO.includes(to)) return { ok: true };
  const unstable = unstableDomains(params.stability);
  if (unstable.length === 0 || (params.reason ?? '').trim().length > 0) return { ok: true };
  return {
    ok: false,
    kind: 'unstable',
    unstable,
    message:
      `Het plan kan nog niet naar '${to}': niet alle levensdomeinen zijn stabiel (nog niet stabiel: ${unstable.map((d) => DOMAIN_NL[d]).join(', ')}). ` +
      `Vink bij 'Evaluatie & afsluiten' aan welke domeinen stabiel zijn, of geef een reden op waarom het plan toch ${to === 'waakvlam' ? 'naar waakvlam gaat' : 'wordt afgesloten'}.`,
  };
}
