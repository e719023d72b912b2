/**
 * Domain factories for tests: real rows in the real database, with just enough defaults to be valid.
 * Every call makes fresh ids, so tests in one file share a database without seeing each other's plans.
 */
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import type { Db } from '../db/client';
import { addMember, appointRegisseur, type MemberRow } from '../db/queries/members';
import { households, organisations, plans, regions, users } from '../db/schema';
import type { AccessBasis, Kader, PlanRole, PlanStatus } from '../lib/roles';

type RegionRow = typeof regions.$inferSelect;
type OrganisationRow = typeof organisations.$inferSelect;
type UserRow = typeof users.$inferSelect;
type HouseholdRow = typeof households.$inferSelect;
type PlanRow = typeof plans.$inferSelect;

/** The next-auth v4 session cookie name on plain http (the realtime server reads the same name). */
export const SESSION_COOKIE = 'next-auth.session-token';

function first<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) throw new Error(`insert ${what} returned nothing`);
  return row;
}

export async function buildRegion(db: Db, params: { name?: string } = {}): Promise<RegionRow> {
  return first(
    await db
      .insert(regions)
      .values({ name: params.name ?? 'Regio Test' })
      .returning(),
    'region',
  );
}

export async function buildOrganisation(db: Db, params: { regionId?: string; name?: string; kind?: OrganisationRow['kind'] } = {}): Promise<OrganisationRow> {
  const regionId = params.regionId ?? (await buildRegion(db)).id;
  return first(
    await db
      .insert(organisations)
      .values({ regionId, name: params.name ?? 'Wijkteam Test', kind: params.kind ?? 'lokaal_team' })
      .returning(),
    'organisation',
  );
}

export async function buildUser(db: Db, params: { id?: string; name?: string | null; email?: string; organisationId?: string | null } = {}): Promise<UserRow> {
  const email = params.email ?? `user-${randomUUID()}@test.onsplan.localhost`;
  return first(
    await db
      .insert(users)
      .values({
        ...(params.id ? { id: params.id } : {}),
        name: params.name === undefined ? 'Test Persoon' : params.name,
        email,
        organisationId: params.organisationId ?? null,
      })
      .returning(),
    'user',
  );
}

export async function buildHousehold(db: Db, params: { regionId?: string; name?: string } = {}): Promise<HouseholdRow> {
  const regionId = params.regionId ?? (await buildRegion(db)).id;
  return first(
    await db
      .insert(households)
      .values({ regionId, name: params.name ?? 'Familie Test' })
      .returning(),
    'household',
  );
}

export async function buildPlan(
  db: Db,
  params: { householdId?: string; status?: PlanStatus; kader?: Kader; summary?: string; createdBy?: string | null } = {},
): Promise<PlanRow> {
  const householdId = params.householdId ?? (await buildHousehold(db)).id;
  return first(
    await db
      .insert(plans)
      .values({
        householdId,
        status: params.status ?? 'actief',
        kader: params.kader ?? 'vrijwillig',
        summary: params.summary ?? '',
        createdBy: params.createdBy ?? null,
      })
      .returning(),
    'plan',
  );
}

/** The access basis that fits a role when a test does not care: the family's own, or consent. */
function defaultBasis(role: PlanRole): AccessBasis {
  return role === 'ouder' || role === 'jeugdige' ? 'eigen_gezin' : 'toestemming';
}

export async function buildMember(
  db: Db,
  params: {
    planId: string;
    userId: string;
    role: PlanRole;
    basis?: AccessBasis;
    status?: MemberRow['status'];
    organisationId?: string | null;
    gezag?: boolean;
    hoofdaanbieder?: boolean;
  },
): Promise<MemberRow> {
  return addMember(db, {
    planId: params.planId,
    userId: params.userId,
    role: params.role,
    basis: params.basis ?? defaultBasis(params.role),
    status: params.status ?? 'actief',
    organisationId: params.organisationId ?? null,
    gezag: params.gezag ?? false,
    hoofdaanbieder: params.hoofdaanbieder ?? false,
  });
}

export async function appointCasusregisseur(db: Db, params: { planId: string; userId: string; appointedBy?: string | null; reason?: string }): Promise<void> {
  await appointRegisseur(db, {
    planId: params.planId,
    kind: 'casusregie',
    userId: params.userId,
    appointedBy: params.appointedBy ?? null,
    reason: params.reason ?? 'test',
  });
}

/** A Cookie header value carrying a next-auth v4 JWT session for the user, as the browser would send it. */
export async function sessionCookie(userId: string, secret: string, claims: { name?: string | null; email?: string | null } = {}): Promise<string> {
  const token = await encode({ token: { sub: userId, name: claims.name ?? null, email: claims.email ?? null }, secret });
  return `${SESSION_COOKIE}=${token}`;
}

/** One person of a test plan: a member when a role is given, a user outside the plan otherwise. */
export interface PersonSpec {
  role?: PlanRole;
  name?: string;
  status?: MemberRow['status'];
  basis?: AccessBasis;
  gezag?: boolean;
  casusregisseur?: boolean;
}

/** A plan with one user per key, made members in the order given; `as(user)` is the actor of a service call. */
export async function buildPlanWithPeople<R extends string>(
  db: Db,
  people: Record<R, PersonSpec>,
  planParams: Parameters<typeof buildPlan>[1] = {},
): Promise<{ plan: PlanRow; people: Record<R, UserRow>; as: (user: { id: string }) => { planId: string; userId: string } }> {
  const plan = await buildPlan(db, planParams);
  const out = {} as Record<R, UserRow>;
  for (const key of Object.keys(people) as R[]) {
    const spec = people[key];
    const user = await buildUser(db, { name: spec.name ?? key });
    if (spec.role) await buildMember(db, { planId: plan.id, userId: user.id, role: spec.role, status: spec.status, basis: spec.basis, gezag: spec.gezag });
    if (spec.casusregisseur) await appointCasusregisseur(db, { planId: plan.id, userId: user.id });
    out[key] = user;
  }
  return { plan, people: out, as: (user) => ({ planId: plan.id, userId: user.id }) };
}

/** A plan with one signed-in person per role asked for: the usual starting point of a realtime test. */
export async function buildPlanWithMembers<R extends string>(
  db: Db,
  secret: string,
  people: Record<R, { role: PlanRole; name?: string; status?: MemberRow['status']; casusregisseur?: boolean }>,
): Promise<{ plan: PlanRow; people: Record<R, { user: UserRow; cookie: string }> }> {
  const { plan, people: users } = await buildPlanWithPeople(db, people);
  const out = {} as Record<R, { user: UserRow; cookie: string }>;
  for (const key of Object.keys(users) as R[]) {
    const user = users[key];
    out[key] = { user, cookie: await sessionCookie(user.id, secret, { name: user.name, email: user.email }) };
  }
  return { plan, people: out };
}
