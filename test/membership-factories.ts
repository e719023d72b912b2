/**
 * A family plan for membership and consent tests, built from the shared domain factories: a local team (the
 * casusregisseur, who started the plan), a provider organisation, two parents with gezag, a 16-year-old and a
 * young child, all real rows in the real database.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { householdPeople, invitations } from '../db/schema';
import type { Mail } from '../server/mail/send';
import type { Kader } from '../lib/roles';
import { testContext } from './context';
import { appointCasusregisseur, buildHousehold, buildMember, buildOrganisation, buildPlan, buildRegion, buildUser } from './factories';

/** A service context on a test database that keeps sent mails and revocations for the test to read (test/context.ts). */
export function testMembershipContext(db: Db, options: { invitesPerHour?: number; failMail?: boolean } = {}) {
  return testContext(db, options);
}

/** The token in the invitation link of a mail. */
export function tokenFromMail(mail: Mail | undefined): string {
  const match = mail?.url?.match(/\/uitnodiging\/([A-Za-z0-9_-]+)$/);
  if (!match?.[1]) throw new Error(`no invitation link in mail: ${mail?.url}`);
  return match[1];
}

let n = 0;
const unique = () => `${Date.now().toString(36)}-${(n += 1)}`;
export const uniqueEmail = (local: string) => `${local}-${unique()}@test.onsplan.localhost`;

/** The Jansen-like family: Mo (local team, casusregisseur, started the plan), Sanne and Peter (gezag), Daan (16), Lotte (9, no account). */
export async function buildFamilyPlan(db: Db, params: { kader?: Kader; today?: Date } = {}) {
  const region = await buildRegion(db);
  const team = await buildOrganisation(db, { regionId: region.id, name: 'Wijkteam Test', kind: 'lokaal_team' });
  const provider = await buildOrganisation(db, { regionId: region.id, name: 'De Linde Jeugdhulp', kind: 'aanbieder' });
  const gi = await buildOrganisation(db, { regionId: region.id, name: 'Jeugdbescherming Test', kind: 'gi' });
  const mo = await buildUser(db, { name: 'Mo Regisseur', email: uniqueEmail('mo'), organisationId: team.id });
  const sanne = await buildUser(db, { name: 'Sanne Ouder', email: uniqueEmail('sanne') });
  const peter = await buildUser(db, { name: 'Peter Ouder', email: uniqueEmail('peter') });
  const daan = await buildUser(db, { name: 'Daan Jongere', email: uniqueEmail('daan') });
  const household = await buildHousehold(db, { regionId: region.id, name: 'Familie Test' });
  const today = params.today ?? new Date();
  const yearsAgo = (years: number) => `${today.getUTCFullYear() - years}-01-01`;
  await db.insert(householdPeople).values([
    { householdId: household.id, name: 'Sanne Ouder', relation: 'ouder', gezag: true, birthDate: yearsAgo(38), userId: sanne.id },
    { householdId: household.id, name: 'Peter Ouder', relation: 'ouder', gezag: true, birthDate: yearsAgo(40), userId: peter.id },
    { householdId: household.id, name: 'Daan Jongere', relation: 'kind', birthDate: yearsAgo(16), userId: daan.id },
    { householdId: household.id, name: 'Lotte Kind', relation: 'kind', birthDate: yearsAgo(9) },
    { householdId: household.id, name: 'Kim Nieuw', relation: 'ouder', gezag: true, birthDate: yearsAgo(35) },
  ]);
  const plan = await buildPlan(db, { householdId: household.id, kader: params.kader ?? 'vrijwillig', createdBy: mo.id });
  const moMember = await buildMember(db, { planId: plan.id, userId: mo.id, role: 'lokaal_team', organisationId: team.id });
  await appointCasusregisseur(db, { planId: plan.id, userId: mo.id, appointedBy: mo.id });
  const sanneMember = await buildMember(db, { planId: plan.id, userId: sanne.id, role: 'ouder', gezag: true });
  const peterMember = await buildMember(db, { planId: plan.id, userId: peter.id, role: 'ouder', gezag: true });
  const daanMember = await buildMember(db, { planId: plan.id, userId: daan.id, role: 'jeugdige' });
  return {
    region,
    team,
    provider,
    gi,
    household,
    plan,
    mo: { user: mo, member: moMember },
    sanne: { user: sanne, member: sanneMember },
    peter: { user: peter, member: peterMember },
    daan: { user: daan, member: daanMember },
  };
}

/** Lets an invitation expire (as if 7 days had passed). */
export async function expireInvitation(db: Db, id: string): Promise<void> {
  await db
    .update(invitations)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(invitations.id, id));
}
