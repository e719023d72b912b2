/** Input to start a plan (zod), shared by the form and the API so both say the same thing is wrong. */
import { z } from 'zod';
import { KADERS } from './roles';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in als jjjj-mm-dd.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && d <= new Date() && d.getUTCFullYear() >= 1900;
  }, 'Deze geboortedatum klopt niet.');

export const HouseholdPersonInput = z.object({
  name: z.string().trim().min(1, 'Vul een naam in.').max(120, 'Deze naam is te lang.'),
  relation: z.enum(['ouder', 'kind', 'overig']),
  birthDate: isoDate.nullable().optional(),
  gezag: z.boolean().default(false),
});

export const StartPlanInput = z
  .object({
    householdName: z.string().trim().min(1, 'Geef het gezin een naam, bijvoorbeeld "Familie Jansen".').max(120, 'Deze naam is te lang.'),
    kader: z.enum(KADERS),
    summary: z.string().trim().max(4000, 'De samenvatting is te lang (meer dan 4000 tekens).').default(''),
    people: z.array(HouseholdPersonInput).min(1, 'Voeg ten minste één gezinslid toe.').max(20, 'Een huishouden heeft hier hoogstens 20 mensen.'),
  })
  .refine((v) => v.people.some((p) => p.relation === 'kind'), { message: 'Voeg ten minste één kind toe.', path: ['people'] })
  .refine((v) => v.people.every((p) => p.relation !== 'kind' || Boolean(p.birthDate)), {
    message: 'Vul van elk kind de geboortedatum in: rechten veranderen op 12, 16 en 18 jaar.',
    path: ['people'],
  });

export type StartPlanInput = z.infer<typeof StartPlanInput>;
