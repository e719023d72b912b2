/** Input to change a plan's permission matrix for one role and section (zod). */
import { z } from 'zod';
import { PLAN_ROLES } from './roles';
import { SECTION_KEYS } from './sections';

export const OverrideInput = z.object({
  role: z.enum(PLAN_ROLES),
  section: z.enum(SECTION_KEYS),
  /** null restores the default matrix for this role and section. */
  level: z.enum(['none', 'read', 'comment', 'edit']).nullable(),
  reason: z.string().trim().min(5, 'Schrijf op waarom je dit verandert (minstens 5 tekens).').max(1000),
});
export type OverrideInput = z.infer<typeof OverrideInput>;
