/**
 * Input of the safety plan's server routes, shared by the dialogs and the API so both say the same thing is wrong.
 * Who acts, in which role and when is never input: the server takes it from the session and the clock.
 */
import { z } from 'zod';
import { ItemId, SafeText } from './shapes/common';

/** A party's score on the 0–10 safety scale (0 = not safe at all, 10 = completely safe). */
export const SafetyRatingInput = z.object({
  value: z
    .number({ message: 'Kies een cijfer.' })
    .int('Kies een heel cijfer.')
    .min(0, 'Kies een cijfer van 0 tot en met 10.')
    .max(10, 'Kies een cijfer van 0 tot en met 10.'),
  note: SafeText(500)
    .transform((s) => s.trim())
    .optional(),
});
export type SafetyRatingInput = z.infer<typeof SafetyRatingInput>;

/**
 * A broken agreement: was the concern discussed with the family first? When not, the reason is required
 * (DOMAIN.md: concerns are discussed with the family unless that endangers the child; the exception is recorded).
 */
export const BrokenAgreementInput = z
  .object({
    agreementId: ItemId,
    discussedWithFamily: z.boolean({ message: 'Kies of je het met het gezin hebt besproken.' }),
    reason: SafeText(1000)
      .transform((s) => s.trim())
      .default(''),
  })
  .refine((v) => v.discussedWithFamily || v.reason.length > 0, {
    message: 'Schrijf op waarom je het niet met het gezin hebt besproken.',
    path: ['reason'],
  });
export type BrokenAgreementInput = z.infer<typeof BrokenAgreementInput>;
