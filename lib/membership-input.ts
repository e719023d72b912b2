/** Input of the membership, consent and regie API (zod), shared by the forms and the routes so both say the same thing is wrong. */
import { z } from 'zod';
import { PLAN_ROLES, REGIE_KINDS } from './roles';

const uuid = (message: string) => z.string().uuid(message);

export const InviteInput = z.object({
  email: z.string().trim().toLowerCase().email('Vul een geldig e-mailadres in.').max(254, 'Dit e-mailadres is te lang.'),
  name: z.string().trim().min(1, 'Vul de naam in van wie je uitnodigt.').max(120, 'Deze naam is te lang.'),
  role: z.enum(PLAN_ROLES, { message: 'Kies een rol.' }),
  /** For professionals: the organisation they work for (its kind must match the role). */
  organisationId: uuid('Kies een organisatie.').nullable().optional(),
  hoofdaanbieder: z.boolean().default(false),
});
export type InviteInput = z.infer<typeof InviteInput>;

export const CONSENT_ACTIONS = ['give', 'refuse', 'withdraw'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

export const ConsentDecisionInput = z.object({
  memberId: uuid('Dit verzoek bestaat niet.'),
  decision: z.enum(CONSENT_ACTIONS, { message: 'Kies ja, nee of intrekken.' }),
  reason: z.string().trim().max(1000, 'De toelichting is te lang (meer dan 1000 tekens).').optional(),
});
export type ConsentDecisionInput = z.infer<typeof ConsentDecisionInput>;

export const RegieChangeInput = z.object({
  kind: z.enum(REGIE_KINDS, { message: 'Kies casusregie of procesregie.' }),
  userId: uuid('Kies wie de regie krijgt.'),
  reason: z.string().trim().min(1, 'Schrijf op waarom de regie verandert.').max(1000, 'De reden is te lang (meer dan 1000 tekens).'),
});
export type RegieChangeInput = z.infer<typeof RegieChangeInput>;

export const RemoveMemberInput = z.object({
  reason: z.string().trim().max(1000, 'De reden is te lang (meer dan 1000 tekens).').optional(),
});
