import type { VersionSigned } from '@/lib/api/versions';
import type { z } from 'zod';
import { SignInput } from '@/lib/plan-record-input';
import { planRoute } from '@/server/http/route';
import { signVersion } from '@/server/plans/versions';

export const dynamic = 'force-dynamic';

/** Signs a version `{ hash }` with the hash the signer saw; a different hash or a second signature answers 409. */
export const POST = planRoute<{ planId: string; versionId: string }, z.infer<typeof SignInput>>(
  { access: 'member', body: SignInput, status: 201 },
  async ({ member, plan, sections, params, body, via, services }): Promise<VersionSigned<Date>> =>
    signVersion(services, { actor: { member, plan, sections }, versionId: params.versionId, hash: body.hash, via }),
);
