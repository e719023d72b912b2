/** Input of the placement flag (a threatened out-of-home placement), shared by the control and the route. */
import { z } from 'zod';
import { SafeText } from './shapes/common';

export const PlacementInput = z.object({
  threatened: z.boolean({ message: 'Kies of er een uithuisplaatsing dreigt.' }),
  reason: SafeText(1000)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message: 'Schrijf kort op waarom.' }),
});
export type PlacementInput = z.infer<typeof PlacementInput>;
