import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { loadMember } from '@/db/queries/members';
import { listOverrides, setOverride } from '@/db/queries/overrides';
import { OverrideInput } from '@/lib/override-input';
import { can } from '@/lib/policy';
import { recordAudit } from '@/server/audit/record';
import { currentUser } from '@/server/auth/session';
import { clientAddress } from '@/server/http/client-address';
import { invalidInput, readJson } from '@/server/http/membership-responses';
import { jsonError, notSignedIn, planNotFound } from '@/server/http/responses';
import { refuseCrossSite } from '@/server/http/same-origin';
import { PlanId } from '@/server/plans/access';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ planId: string }> };

async function casusregisseur(planId: string) {
  const user = await currentUser();
  if (!user) return { response: notSignedIn() } as const;
  if (!PlanId.safeParse(planId).success) return { response: planNotFound() } as const;
  const member = await loadMember(getDb(), { planId, userId: user.id });
  if (!member || member.status !== 'actief') return { response: planNotFound() } as const;
  if (!can(member, 'manage', 'gezin')) return { response: jsonError(403, 'Alleen de casusregisseur kan de rechten in dit plan aanpassen.') } as const;
  return { user, member } as const;
}

/** The plan's overrides of the permission matrix, with history; for the casusregisseur. */
export async function GET(_req: Request, ctx: Ctx) {
  const { planId } = await ctx.params;
  const who = await casusregisseur(planId);
  if ('response' in who) return who.response;
  return NextResponse.json({ overrides: await listOverrides(getDb(), { planId }) }, { headers: { 'Cache-Control': 'no-store' } });
}

/** Changes what one role may do in one section of this plan (or restores the default), with a reason. */
export async function POST(req: Request, ctx: Ctx) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const { planId } = await ctx.params;
  const who = await casusregisseur(planId);
  if ('response' in who) return who.response;
  const parsed = OverrideInput.safeParse(await readJson(req));
  if (!parsed.success) return invalidInput(parsed.error);
  const input = parsed.data;
  await setOverride(getDb(), { planId, ...input, setBy: who.user.id });
  await recordAudit(getDb(), {
    action: 'override.set',
    actorUserId: who.user.id,
    actorRole: who.member.role,
    planId,
    section: input.section,
    basis: who.member.basis,
    accessPoint: clientAddress(req),
    details: { role: input.role, level: input.level, reason: input.reason },
  });
  // Open connections of that role carry the old rights: make them reconnect.
  getRuntime()?.refreshRights?.({ planId, role: input.role });
  return NextResponse.json({ ok: true });
}
