/**
 * Demo data that feels real: one region with a local team, a care provider, a GI and a GP practice; two
 * households (separated parents with two children; a family under a court measure); demo people for every role;
 * and forty generated households beside them (households.ts), so the overzicht and the region view show a caseload.
 * Runs only on an empty database.
 */
import { count } from 'drizzle-orm';
import type { Db } from '../client';
import { appointRegisseur } from '../queries/members';
import { appendUpdates } from '../queries/yjs';
import { consents, householdPeople, households, organisations, planMembers, plans, regions, users } from '../schema';
import { transaction } from '../transaction';
import { docNameFor } from '../../lib/sections';
import { seedGoals } from './goals';
import { seedFamilyNetworkSafety } from './family-network-safety';
import { richTextUpdate } from './yjs-text';
import { seedEvaluationDemo } from './evaluation';
import { seedGeneratedHouseholds } from './households';
import { addReadModel, emptyReadModel, insertReadModel, storedDocs } from './read-model';

export const DEMO_DOMAIN = 'demo.onsplan.nl';
const mail = (local: string) => `${local}@${DEMO_DOMAIN}`;

/** Seeds the demo region unless the database already has users; returns whether it seeded. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if (Number(row?.n ?? 0) > 0) return false;
  await seedDemo(db);
  return true;
}

async function seedDemo(db: Db): Promise<void> {
  await transaction(db, async (t) => {
    const [region] = await t.insert(regions).values({ name: 'Regio Rivierenland (demo)' }).returning();
    if (!region) throw new Error('seed: region');
    const org = async (name: string, kind: (typeof organisations.$inferInsert)['kind']) => {
      const [o] = await t.insert(organisations).values({ regionId: region.id, name, kind }).returning();
      if (!o) throw new Error('seed: organisation');
      return o.id;
    };
    const lokaalTeam = await org('Wijkteam Tiel-Oost', 'lokaal_team');
    const deLinde = await org('De Linde Jeugdhulp', 'aanbieder');
    const gi = await org('Jeugdbescherming Gelderland', 'gi');
    const huisarts = await org('Huisartsenpraktijk De Brug', 'verwijzer');
    const tafelOrg = await org('Doorbraaktafel Rivierenland', 'tafel');
    const gemeente = await org('Gemeente Tiel', 'gemeente');

    const person = async (name: string, local: string, extra: Partial<typeof users.$inferInsert> = {}) => {
      const [u] = await t
        .insert(users)
        .values({ name, email: mail(local), isDemo: true, emailVerified: new Date(), ...extra })
        .returning();
      if (!u) throw new Error('seed: user');
      return u.id;
    };
    const sanne = await person('Sanne Jansen', 'sanne');
    const peter = await person('Peter de Vries', 'peter');
    const daan = await person('Daan de Vries', 'daan');
    const ria = await person('Ria Jansen', 'ria');
    const mo = await person('Mo Ait Taleb', 'mo', { organisationId: lokaalTeam });
    const eva = await person('Eva Bakker', 'eva', { organisationId: deLinde });
    const fatima = await person('Fatima Yilmaz', 'fatima', { organisationId: gi });
    const anouk = await person('Anouk Visser', 'anouk', { organisationId: huisarts });
    const henk = await person('Henk Smit', 'henk', { organisationId: tafelOrg });
    const youssef = await person('Youssef El Amrani', 'youssef');
    const kees = await person('Kees van Dam', 'kees');
    const linda = await person('Linda Bos', 'linda');
    const noah = await person('Noah Bos', 'noah');
    const gerrit = await person('Gerrit Bos', 'gerrit');
    await person('Jeroen Mulder', 'jeroen', { organisationId: gemeente, regionRole: 'gemeente' });
    // A region role reaches its region through the organisation (server/region): the beheerder works for the gemeente.
    await person('Lisa de Boer', 'lisa', { organisationId: gemeente, regionRole: 'beheerder' });

    // Household 1: separated parents, two children, voluntary frame.
    const [jansen] = await t.insert(households).values({ regionId: region.id, name: 'Familie Jansen', municipality: 'Tiel' }).returning();
    if (!jansen) throw new Error('seed: household');
    await t.insert(householdPeople).values([
      { householdId: jansen.id, name: 'Sanne Jansen', relation: 'ouder', birthDate: '1987-05-14', gezag: true, userId: sanne },
      { householdId: jansen.id, name: 'Peter de Vries', relation: 'ouder', birthDate: '1985-09-02', gezag: true, userId: peter },
      { householdId: jansen.id, name: 'Daan de Vries', relation: 'kind', birthDate: '2010-03-08', userId: daan },
      { householdId: jansen.id, name: 'Lotte de Vries', relation: 'kind', birthDate: '2017-11-21' },
    ]);
    const [plan1] = await t
      .insert(plans)
      .values({
        householdId: jansen.id,
        status: 'actief',
        kader: 'vrijwillig',
        createdBy: mo,
        summary: 'Sanne en Peter wonen sinds een jaar apart. Daan (16) gaat weinig naar school, thuis is er veel ruzie. Sanne heeft schulden en zoekt rust.',
      })
      .returning();
    if (!plan1) throw new Error('seed: plan');
    const plan1Members = await t
      .insert(planMembers)
      .values([
        { planId: plan1.id, userId: sanne, role: 'ouder', gezag: true, basis: 'eigen_gezin' },
        { planId: plan1.id, userId: peter, role: 'ouder', gezag: true, basis: 'eigen_gezin' },
        { planId: plan1.id, userId: daan, role: 'jeugdige', basis: 'eigen_gezin' },
        { planId: plan1.id, userId: ria, role: 'netwerk', basis: 'toestemming' },
        { planId: plan1.id, userId: mo, role: 'lokaal_team', organisationId: lokaalTeam, basis: 'toestemming' },
        { planId: plan1.id, userId: eva, role: 'aanbieder', organisationId: deLinde, hoofdaanbieder: true, basis: 'toestemming' },
        { planId: plan1.id, userId: anouk, role: 'verwijzer', organisationId: huisarts, basis: 'toestemming' },
        { planId: plan1.id, userId: henk, role: 'tafel', organisationId: tafelOrg, basis: 'wettelijke_taak' },
      ])
      .returning({ id: planMembers.id, userId: planMembers.userId });
    await appointRegisseur(t, { planId: plan1.id, kind: 'casusregie', userId: mo, appointedBy: mo, reason: 'Plan gestart na intake door het wijkteam.' });

    // Household 2: under a court measure (OTS); the GI leads.
    const [elAmrani] = await t.insert(households).values({ regionId: region.id, name: 'Familie El Amrani', municipality: 'Tiel' }).returning();
    if (!elAmrani) throw new Error('seed: household');
    await t.insert(householdPeople).values([
      { householdId: elAmrani.id, name: 'Youssef El Amrani', relation: 'ouder', birthDate: '1982-01-30', gezag: true, userId: youssef },
      { householdId: elAmrani.id, name: 'Naima El Amrani', relation: 'ouder', birthDate: '1984-07-12', gezag: true },
      { householdId: elAmrani.id, name: 'Adam El Amrani', relation: 'kind', birthDate: '2014-04-03' },
      { householdId: elAmrani.id, name: 'Amira El Amrani', relation: 'kind', birthDate: '2019-10-17' },
    ]);
    const [plan2] = await t
      .insert(plans)
      .values({
        householdId: elAmrani.id,
        status: 'actief',
        kader: 'dwang',
        createdBy: fatima,
        summary: 'Ondertoezichtstelling sinds maart. Er waren zorgen over geweld thuis; er is een veiligheidsplan met afspraken.',
      })
      .returning();
    if (!plan2) throw new Error('seed: plan');
    const plan2Members = await t
      .insert(planMembers)
      .values([
        { planId: plan2.id, userId: youssef, role: 'ouder', gezag: true, basis: 'eigen_gezin' },
        { planId: plan2.id, userId: kees, role: 'netwerk', basis: 'toestemming' },
        { planId: plan2.id, userId: fatima, role: 'gi', organisationId: gi, basis: 'wettelijke_taak' },
        { planId: plan2.id, userId: mo, role: 'lokaal_team', organisationId: lokaalTeam, basis: 'wettelijke_taak' },
      ])
      .returning({ id: planMembers.id, userId: planMembers.userId });
    await appointRegisseur(t, {
      planId: plan2.id,
      kind: 'casusregie',
      userId: fatima,
      appointedBy: fatima,
      reason: 'Ondertoezichtstelling: de GI voert de regie.',
    });

    // Household 3: a court measure with a 17-year-old; every plan role is present (the permission tests use it).
    const [bos] = await t.insert(households).values({ regionId: region.id, name: 'Familie Bos', municipality: 'Tiel' }).returning();
    if (!bos) throw new Error('seed: household');
    await t.insert(householdPeople).values([
      { householdId: bos.id, name: 'Linda Bos', relation: 'ouder', birthDate: '1979-02-19', gezag: true, userId: linda },
      { householdId: bos.id, name: 'Noah Bos', relation: 'kind', birthDate: '2009-06-15', userId: noah },
    ]);
    const [plan3] = await t
      .insert(plans)
      .values({
        householdId: bos.id,
        status: 'actief',
        kader: 'dwang',
        createdBy: fatima,
        summary: 'Jeugdreclassering voor Noah (17). Linda wil dat Noah zijn school afmaakt en een plek vindt na zijn 18e.',
      })
      .returning();
    if (!plan3) throw new Error('seed: plan');
    const plan3Members = await t
      .insert(planMembers)
      .values([
        { planId: plan3.id, userId: linda, role: 'ouder', gezag: true, basis: 'eigen_gezin' },
        { planId: plan3.id, userId: noah, role: 'jeugdige', basis: 'eigen_gezin' },
        { planId: plan3.id, userId: gerrit, role: 'netwerk', basis: 'toestemming' },
        { planId: plan3.id, userId: mo, role: 'lokaal_team', organisationId: lokaalTeam, basis: 'toestemming' },
        { planId: plan3.id, userId: eva, role: 'aanbieder', organisationId: deLinde, basis: 'toestemming' },
        { planId: plan3.id, userId: fatima, role: 'gi', organisationId: gi, basis: 'wettelijke_taak' },
        { planId: plan3.id, userId: anouk, role: 'verwijzer', organisationId: huisarts, basis: 'toestemming' },
        { planId: plan3.id, userId: henk, role: 'tafel', organisationId: tafelOrg, basis: 'wettelijke_taak' },
      ])
      .returning({ id: planMembers.id, userId: planMembers.userId });
    await appointRegisseur(t, {
      planId: plan3.id,
      kind: 'casusregie',
      userId: fatima,
      appointedBy: fatima,
      reason: 'Jeugdreclassering: de GI voert de regie.',
    });

    // Consent as lib/consent.ts requires it, so the seeded memberships are consistent with the rules: a parent with
    // gezag and every young person of 12+ in the plan consented to the professionals; a parent to the network.
    const consent = async (planId: string, members: { id: string; userId: string }[], decidedBy: string, decidedAs: 'ouder' | 'jeugdige', about: string[]) => {
      const rows = members.filter((m) => about.includes(m.userId));
      if (rows.length !== about.length) throw new Error('seed: consent for a non-member');
      await t.insert(consents).values(rows.map((m) => ({ planId, memberId: m.id, decidedBy, decidedAs, decision: 'gegeven' as const })));
    };
    await consent(plan1.id, plan1Members, sanne, 'ouder', [mo, eva, anouk, ria]);
    await consent(plan1.id, plan1Members, daan, 'jeugdige', [mo, eva, anouk]);
    await consent(plan2.id, plan2Members, youssef, 'ouder', [kees]);
    await consent(plan3.id, plan3Members, linda, 'ouder', [mo, eva, anouk, gerrit]);
    await consent(plan3.id, plan3Members, noah, 'jeugdige', [mo, eva, anouk]);

    await appendUpdates(t, [
      {
        doc: docNameFor(plan1.id, 'gezin'),
        userId: null,
        update: richTextUpdate([
          { h: 'Wat gaat goed' },
          { ul: ['Daan voetbalt graag en traint twee keer per week.', 'Oma Ria helpt elke woensdag met de kinderen.', 'Lotte gaat graag naar school.'] },
          { h: 'Waar maken we ons zorgen over' },
          {
            ul: [
              'Daan mist veel lessen en slaapt slecht.',
              'Er is vaak ruzie als de kinderen wisselen tussen de twee huizen.',
              'Sanne heeft schulden en weinig geld voor de vaste lasten.',
            ],
          },
          { h: 'Wat willen wij dat anders wordt' },
          { p: 'Dat het rustiger is in huis en dat Daan weer naar school gaat. Dat we goede afspraken maken over het wisselen.' },
        ]),
      },
      {
        doc: docNameFor(plan2.id, 'gezin'),
        userId: null,
        update: richTextUpdate([
          { h: 'Wat gaat goed' },
          { ul: ['Youssef brengt Amira elke dag naar school.', 'Buurman Kees is er als het thuis even te veel wordt.'] },
          { h: 'Waar maken we ons zorgen over' },
          { ul: ['Spanning tussen de ouders loopt soms hoog op.', 'Adam is vaak boos en trekt zich terug.'] },
          { h: 'Wat willen wij dat anders wordt' },
          { p: 'Dat de kinderen zich veilig voelen en dat de ondertoezichtstelling kan stoppen.' },
        ]),
      },
    ]);
    await seedGoals(t, {
      plans: { jansen: plan1.id, elAmrani: plan2.id, bos: plan3.id },
      people: { sanne, peter, daan, ria, mo, eva, fatima, youssef, kees, linda, noah, gerrit },
    });
    await seedFamilyNetworkSafety(t, { plans: { jansen: plan1.id, elAmrani: plan2.id, bos: plan3.id }, raters: { youssef, kees, fatima, mo, linda, noah } });
    await seedEvaluationDemo(t, { plans: { jansen: plan1.id, bos: plan3.id } });
    // The read model of the written families (the seed bypasses the realtime server, so nothing projected them).
    const readModel = emptyReadModel();
    for (const plan of [plan1, plan2, plan3]) addReadModel(readModel, await storedDocs(t, plan.id), { now: new Date() });
    await insertReadModel(t, readModel);
    // Forty more households, so the overzicht and the region view show a real caseload (db/seed/households.ts).
    await seedGeneratedHouseholds(t, {
      regionId: region.id,
      organisations: { lokaalTeam, deLinde, gi, huisarts },
      people: { mo, eva, fatima, anouk },
      demoDomain: DEMO_DOMAIN,
    });
  });
}
