/**
 * Input of a rating (DOMAIN.md "Ratings"), shared by the rating controls and the API so both say the same thing is
 * wrong: goal progress 0–10 and optionally Goal Attainment Scaling −2..+2 per goal, Zelfredzaamheid 1–5 per life
 * domain. Who rates, in which role and when is never input: the server takes it from the session and the clock.
 */
import { z } from 'zod';
import { DomainKey } from './bigfive';
import { ItemId, SafeText } from './shapes/common';

const Note = SafeText(500)
  .transform((s) => s.trim())
  .optional();
const score = (min: number, max: number) =>
  z
    .number({ message: 'Kies een cijfer.' })
    .int('Kies een heel cijfer.')
    .min(min, `Kies een cijfer van ${min} tot en met ${max}.`)
    .max(max, `Kies een cijfer van ${min} tot en met ${max}.`);

export const RatingInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('voortgang'), goalId: ItemId, value: score(0, 10), note: Note }),
    z.object({ kind: z.literal('gas'), goalId: ItemId, value: score(-2, 2), note: Note }),
    z.object({ kind: z.literal('zelfredzaamheid'), domain: DomainKey, value: score(1, 5), note: Note }),
  ],
  { message: 'Onbekend soort beoordeling.' },
);
export type RatingInput = z.infer<typeof RatingInput>;

/** The kinds rated in the doelen section (the safety scale belongs to the safety plan). */
export const GOAL_RATING_KINDS = ['voortgang', 'gas', 'zelfredzaamheid'] as const;
export type GoalRatingKind = (typeof GOAL_RATING_KINDS)[number];

/** The scale of each kind, for controls and charts. */
export const RATING_SCALES: Record<GoalRatingKind, { min: number; max: number }> = {
  voortgang: { min: 0, max: 10 },
  gas: { min: -2, max: 2 },
  zelfredzaamheid: { min: 1, max: 5 },
};
