/** Input of the lifecycle, version and sign routes, validated with plain-Dutch messages. */
import { z } from 'zod';
import { MAX_REASON } from './lifecycle';
import { PLAN_STATUSES } from './roles';
import { SafeText } from './shapes/common';

export const StatusChangeInput = z.object({
  to: z.enum(PLAN_STATUSES, { message: 'Kies een status van het plan.' }),
  reason: SafeText(MAX_REASON).optional().nullable(),
});

export const VersionInput = z.object({
  name: SafeText(120).pipe(z.string().trim().min(1, 'Geef de versie een naam.')),
});

export const SignInput = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'Er ontbreekt een geldige vingerafdruk van de versie.'),
});

export const ExportFormat = z.enum(['pdf', 'json'], { message: "Kies 'pdf' of 'json'." });
