/**
 * Starting a plan: a local-team professional records the household (people, birth dates, gezag), the legal
 * frame and a first summary, and becomes the plan's casusregisseur. The family joins by invitation.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appointRegisseur } from '../../db/queries/members';
import { householdPeople, households, organisations, planMembers, plans, users } from '../../db/schema';
import type { StartPlanInput } from '../../lib/plan-input';
import { recordAudit } from '../audit/record';

/** Thrown when the person may not start plans (only local-team professionals may). */
export class NotAllowedToStartPlan extends Error {}

/** Creates household, people, plan, membership and casusregie in one transaction; returns the plan id. */
export async function startPlan(db: Db, params: { userId: string; input: StartPlanInput; accessPoint?: string | null }): Promise<string> {
  const [who] = await db
    .select({ organisationId: organisations.id, regionId: organisations.regionId, kind: organisations.kind })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, params.userId))
    .limit(1);
  if (!who || who.kind !== 'lokaal_team') throw new NotAllowedToStartPlan('Alleen een professional van het lokale team kan een plan starten.');
  const { input } = params;
  const planId = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [household] = await t.insert(households).values({ regionId: who.regionId, name: input.householdName }).returning();
    if (!household) throw new Error('household insert returned nothing');
    await t.insert(householdPeople).values(
      input.people.map((p) => ({
        householdId: household.id,
        name: p.name,
        relation: p.relation,
        birthDate: p.birthDate ?? null,
        gezag: p.relation === 'kind' ? false : p.gezag,
      })),
    );
    const [plan] = await t
      .insert(plans)
      .values({ householdId: household.id, status: 'concept', kader: input.kader, summary: input.summary, createdBy: params.userId })
      .returning();
    if (!plan) throw new Error('plan insert returned nothing');
    await t.insert(planMembers).values({
      planId: plan.id,
      userId: params.userId,
      role: 'lokaal_team',
      organisationId: who.organisationId,
      basis: input.kader === 'dwang' ? 'wettelijke_taak' : 'toestemming',
      status: 'actief',
    });
    await appointRegisseur(t, { planId: plan.id, kind: 'casusregie', userId: params.userId, appointedBy: params.userId, reason: 'Plan gestart na de intake.' });
    await recordAudit(t, {
      action: 'plan.create',
      actorUserId: params.userId,
      actorRole: 'lokaal_team',
      planId: plan.id,
      accessPoint: params.accessPoint ?? null,
      details: { kader: input.kader, people: input.people.length },
    });
    return plan.id;
  });
  return planId;
}

/** Whether this user may start plans (shown as a button on "Mijn plannen"). */
export async function canStartPlans(db: Db, params: { userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ kind: organisations.kind })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, params.userId))
    .limit(1);
  return row?.kind === 'lokaal_team';
}
