/**
 * Fifty generated households beside the three written demo families, so the regisseur's overzicht and the region
 * view show a real caseload on a fresh start: plausible Dutch names, eight municipalities of Rivierenland, every
 * date relative to `now` (the demo never goes stale). Mo Ait Taleb is casusregisseur of 25 of them and works in a
 * few more; among his families are one where nothing has moved for ten weeks, overdue actions, reviews due and
 * passed, a broken safety agreement not yet at a table and a threatened out-of-home placement. Some families went
 * to waakvlam and came back. The data is drawn from a fixed seed, so every fresh start is the same.
 *
 * Built in bulk — one insert per table (chunked) and one Yjs update per document — so `npm start` stays quick.
 * The memberships follow the consent rules (lib/consent.ts; db/seed/demo-consent.test.ts checks every plan).
 */
import * as Y from 'yjs';
import type { Db } from '../client';
import {
  auditEvents,
  consents,
  householdPeople,
  households,
  organisations,
  placementThreats,
  planMembers,
  planStatusChanges,
  plans,
  ratings,
  regieAssignments,
  users,
  yjsUpdates,
} from '../schema';
import { BIG_FIVE, type BigFiveDomain } from '../../lib/bigfive';
import type { AccessBasis, Kader, PlanRole, PlanStatus } from '../../lib/roles';
import { docNameFor } from '../../lib/sections';
import { newItemId } from '../../lib/shapes/common';
import { addReview, evaluationTypes, setStable } from '../../lib/shapes/evaluation';
import { addGoal, type GoalStatus, type NewAction } from '../../lib/shapes/goals';
import { addAgreement, addSafetyText, addWatcher, recordBrokenAgreement, setSafetyMeta } from '../../lib/shapes/safety';
import { addReadModel, emptyReadModel, insertReadModel, type ReadModelRows } from './read-model';
import { richTextUpdate } from './yjs-text';

const DAY = 24 * 60 * 60 * 1000;

export interface GeneratedSeedParams {
  regionId: string;
  organisations: { lokaalTeam: string; deLinde: string; gi: string; huisarts: string };
  people: { mo: string; eva: string; fatima: string; anouk: string };
  demoDomain: string;
  now?: Date;
}

/** What each family's story is; the stories are what the overzicht must make visible. */
type Story =
  | 'stalled'
  | 'broken'
  | 'placement'
  | 'safetyReview'
  | 'overdue'
  | 'silent'
  | 'flat'
  | 'reviewPassed'
  | 'afschalen'
  | 'waakvlam'
  | 'returned'
  | 'concept'
  | 'closed'
  | 'noRegisseur'
  | 'escalated'
  | 'steady';

type Lead = 'mo' | 'sarah' | 'fatima';

/** The 50 families in order: who leads, and what their story is. Mo leads the first 25. */
const CAST: { lead: Lead; story: Story }[] = [
  { lead: 'mo', story: 'stalled' },
  { lead: 'mo', story: 'broken' },
  { lead: 'mo', story: 'placement' },
  { lead: 'mo', story: 'safetyReview' },
  { lead: 'mo', story: 'overdue' },
  { lead: 'mo', story: 'overdue' },
  { lead: 'mo', story: 'overdue' },
  { lead: 'mo', story: 'silent' },
  { lead: 'mo', story: 'flat' },
  { lead: 'mo', story: 'reviewPassed' },
  { lead: 'mo', story: 'afschalen' },
  { lead: 'mo', story: 'waakvlam' },
  { lead: 'mo', story: 'returned' },
  { lead: 'mo', story: 'returned' },
  { lead: 'mo', story: 'concept' },
  ...Array.from({ length: 10 }, () => ({ lead: 'mo' as const, story: 'steady' as const })),
  { lead: 'fatima', story: 'overdue' },
  { lead: 'fatima', story: 'escalated' },
  { lead: 'fatima', story: 'steady' },
  { lead: 'fatima', story: 'returned' },
  { lead: 'mo', story: 'noRegisseur' },
  { lead: 'sarah', story: 'waakvlam' },
  { lead: 'sarah', story: 'waakvlam' },
  { lead: 'sarah', story: 'closed' },
  { lead: 'sarah', story: 'returned' },
  { lead: 'sarah', story: 'returned' },
  { lead: 'sarah', story: 'returned' },
  { lead: 'sarah', story: 'afschalen' },
  { lead: 'sarah', story: 'closed' },
  { lead: 'sarah', story: 'closed' },
  { lead: 'sarah', story: 'closed' },
  // Added later (they draw from their own random sequence, so Mo's families above stay as they were): with them
  // every status has at least five plans, and the region view can show the plans per status.
  ...Array.from({ length: 4 }, () => ({ lead: 'sarah' as const, story: 'concept' as const })),
  ...Array.from({ length: 3 }, () => ({ lead: 'sarah' as const, story: 'afschalen' as const })),
  ...Array.from({ length: 2 }, () => ({ lead: 'sarah' as const, story: 'waakvlam' as const })),
  { lead: 'sarah', story: 'closed' },
];
/** The first forty families; those after them draw from a random sequence of their own. */
const FIRST_CAST = 40;

/** Surnames of the generated families (none that an e2e test's name of a written family would match). */
const SURNAMES = [
  'Dijkstra',
  'Öztürk',
  'Benali',
  'de Jong',
  'van den Berg',
  'Hendriks',
  'van Dijk',
  'Meijer',
  'Vermeulen',
  'de Groot',
  'Kok',
  'Pinas',
  'van Leeuwen',
  'Dekker',
  'Nowak',
  'Brouwer',
  'de Wit',
  'Haddou',
  'van der Meer',
  'Jacobs',
  'de Haan',
  'Kaya',
  'van den Heuvel',
  'Schouten',
  'Biharie',
  'Tahiri',
  'Doğan',
  'van der Veen',
  'Willems',
  'Hoekstra',
  'Maas',
  'Verhoeven',
  'Prins',
  'Huisman',
  'Kuipers',
  'Postma',
  'Kowalczyk',
  'Mahabier',
  'van Beek',
  'de Bruijn',
  'Smit',
  'Peeters',
  'Claassen',
  'Verbeek',
  'Boukhari',
  'van Wijk',
  'Sedney',
  'Timmermans',
  'Ramlal',
  'de Vries',
];
const MOTHERS = [
  'Anna',
  'Fleur',
  'Samira',
  'Iris',
  'Esra',
  'Marieke',
  'Kim',
  'Naomi',
  'Yasmina',
  'Sabine',
  'Ilse',
  'Joyce',
  'Agnieszka',
  'Chantal',
  'Sevda',
  'Priscilla',
  'Monique',
  'Nadia',
  'Hanneke',
  'Latifa',
];
const FATHERS = [
  'Mark',
  'Dennis',
  'Rachid',
  'Tim',
  'Bas',
  'Erik',
  'Mehmet',
  'Ruud',
  'Said',
  'Kevin',
  'Stefan',
  'Tomasz',
  'Ricardo',
  'Hasan',
  'Wouter',
  'Mohamed',
  'Johan',
  'Patrick',
  'Ronald',
  'Vincent',
];
const CHILDREN = [
  'Sem',
  'Noor',
  'Liam',
  'Julia',
  'Finn',
  'Emma',
  'Milan',
  'Sara',
  'Yara',
  'Luuk',
  'Mila',
  'Zoë',
  'Levi',
  'Lina',
  'Ayoub',
  'Fenna',
  'Jesse',
  'Amir',
  'Tess',
  'Nina',
  'Bilal',
  'Roos',
  'Ilias',
  'Vera',
  'Thijs',
  'Selin',
];
/**
 * Where the families live, in runs along CAST. Every status counts zero or at least five plans per municipality, so
 * the region view can show most figures: Tiel 5 actief (and the three written families) and 5 afschalen,
 * Zaltbommel 5 actief and 5 afgesloten, Culemborg 7 actief and 5 concept, Buren 5 actief, West Betuwe 5 actief and
 * 5 waakvlam. Neder-Betuwe stays under five (the region view shows "< 5" for it, and protects it with another).
 */
const MUNICIPALITIES: [string, number][] = [
  ['Tiel', 5],
  ['Zaltbommel', 5],
  ['Tiel', 1],
  ['West Betuwe', 1],
  ['Culemborg', 8],
  ['Buren', 5],
  ['West Betuwe', 7],
  ['Zaltbommel', 1],
  ['Neder-Betuwe', 3],
  ['Tiel', 1],
  ['Zaltbommel', 3],
  ['Culemborg', 4],
  ['Tiel', 3],
  ['West Betuwe', 2],
  ['Zaltbommel', 1],
];

/** A small deterministic generator (mulberry32): the same demo on every fresh start. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}

/** Plausible goals per life domain: the family's words, and actions (who does what). */
const GOALS: Record<BigFiveDomain, { words: (kid: string, parent: string) => string; whenReached: string; actions: string[] }[]> = {
  support: [
    {
      words: () => 'Er is iemand die we kunnen bellen als het thuis even te veel wordt.',
      whenReached: 'We weten wie we bellen, en die persoon weet het ook.',
      actions: ['Netwerkberaad plannen met familie en buren', 'Buurvrouw vragen voor de woensdagmiddag'],
    },
    {
      words: (kid) => `${kid} heeft een vast maatje buiten het gezin.`,
      whenReached: 'Er is elke week iemand die echt tijd heeft.',
      actions: ['Aanmelden bij het maatjesproject', 'Kennismaking met de jongerencoach'],
    },
  ],
  wonen: [
    {
      words: () => 'We wonen in een huis waar we kunnen blijven.',
      whenReached: 'Er is een huurcontract voor onbepaalde tijd en geen achterstand meer.',
      actions: ['Urgentieaanvraag indienen bij de woningcorporatie', 'Afspraak met de verhuurder over de achterstand'],
    },
    {
      words: (kid) => `${kid} heeft een eigen slaapplek.`,
      whenReached: 'Elk kind slaapt in een eigen bed.',
      actions: ['Bed aanvragen bij de stichting', 'Kamer opnieuw indelen'],
    },
  ],
  school_werk: [
    {
      words: (kid) => `${kid} gaat weer elke dag naar school.`,
      whenReached: 'Geen ongeoorloofd verzuim meer, een heel schooljaar lang.',
      actions: ['Gesprek met de mentor en de leerplichtambtenaar', 'Vast rooster voor huiswerk maken'],
    },
    {
      words: (_kid, parent) => `${parent} vindt werk voor drie dagen per week.`,
      whenReached: 'Een contract voor minstens een half jaar.',
      actions: ['Inschrijven bij het werkplein', 'Cv maken met de klantmanager'],
    },
  ],
  inkomen: [
    {
      words: () => 'We hebben overzicht over de schulden en betalen de vaste lasten op tijd.',
      whenReached: 'Geen aanmaningen meer, en een vast budget per week.',
      actions: ['Aanmelden bij de schuldhulpverlening', 'Alle post in één map verzamelen'],
    },
    {
      words: () => 'We krijgen de toeslagen waar we recht op hebben.',
      whenReached: 'De toeslagen komen elke maand binnen.',
      actions: ['Toeslagen nakijken met de formulierenbrigade', 'Bankafschriften van drie maanden verzamelen'],
    },
  ],
  welzijn: [
    {
      words: () => 'Er is minder ruzie thuis.',
      whenReached: 'We eten weer samen, zonder ruzie.',
      actions: ['Opvoedcursus volgen bij De Linde', 'Samen een weekschema maken'],
    },
    {
      words: (_kid, parent) => `${parent} slaapt weer goed en heeft minder stress.`,
      whenReached: 'Een paar weken achter elkaar goed slapen.',
      actions: ['Intake bij de praktijkondersteuner', 'Elke dag een half uur wandelen'],
    },
  ],
};

const SUMMARY: Record<Story, string> = {
  stalled: 'Het gezin wilde hulp bij geld en school. Na een goede start is het stil geworden; afspraken liepen uit.',
  broken: 'Drang na zorgen van school. Er is een veiligheidsplan met afspraken over boosheid in huis.',
  placement: 'Moeder is overbelast en de zorgen over de jongste nemen toe. Er wordt gesproken over tijdelijk uit huis.',
  safetyReview: 'Drang: er is een veiligheidsplan; het gaat beter, maar het plan moet opnieuw worden bekeken.',
  overdue: 'Het gezin werkt aan rust in huis en aan de schulden. Niet alles loopt op tijd.',
  silent: 'Het gezin heeft hulp van het wijkteam en een aanbieder. Het gaat redelijk.',
  flat: 'Vader zoekt werk en de kinderen gaan weer naar school. Het doel rond werk komt niet van de plek.',
  reviewPassed: 'Hulp bij opvoeden en wonen. De evaluatie van een doel staat open.',
  afschalen: 'Het gaat goed: de hulp wordt afgebouwd.',
  waakvlam: 'De hulp is gestopt; er zijn waakvlamafspraken als het weer minder gaat.',
  returned: 'Na een periode op waakvlam kwam het gezin terug: het ging weer minder.',
  concept: 'Net gestart na een intake aan de keukentafel.',
  closed: 'Het plan is afgesloten: alle leefgebieden zijn stabiel.',
  noRegisseur: 'De casusregisseur is vertrokken; er is nog niemand anders benoemd.',
  escalated: 'Ondertoezichtstelling. Een verbroken afspraak is besproken aan de beschermingstafel.',
  steady: 'Het gezin werkt aan een paar doelen; het gaat stap voor stap vooruit.',
};

interface Built {
  plans: number;
  moRegie: number;
}

/** Seeds the generated households; runs inside the demo seed's transaction, after the written families. */
export async function seedGeneratedHouseholds(db: Db, params: GeneratedSeedParams): Promise<Built> {
  const now = params.now ?? new Date();
  // One random sequence for the first forty families and one for those added later, so adding families never
  // changes the first forty: every loop over the families switches to the family's sequence first (`use`).
  const first = random(20261201);
  const later = random(20261202);
  let current = first;
  const use = (k: number) => {
    current = k < FIRST_CAST ? first : later;
  };
  const rng: ReturnType<typeof random> = {
    next: () => current.next(),
    int: (min, max) => current.int(min, max),
    pick: (list) => current.pick(list),
    chance: (p) => current.chance(p),
  };
  /** A moment `daysAgo` days ago at about `hour` o'clock, never later than now. */
  const at = (daysAgo: number, hour = 10) => {
    const d = new Date(now.getTime() - daysAgo * DAY);
    d.setUTCHours(hour - 1, rng.int(0, 59), 0, 0);
    return d.getTime() < now.getTime() ? d : new Date(now.getTime() - rng.int(5, 90) * 60_000);
  };
  const dayOf = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const mail = (local: string) => `${local}@${params.demoDomain}`;

  // Colleagues and two more providers (people who cannot sign in to the demo; they appear in the plans).
  const [kwadraad, karakter] = await db
    .insert(organisations)
    .values([
      { regionId: params.regionId, name: 'Kwadraad Maatschappelijk Werk', kind: 'aanbieder' },
      { regionId: params.regionId, name: 'Karakter Jeugd-ggz', kind: 'aanbieder' },
    ])
    .returning({ id: organisations.id });
  if (!kwadraad || !karakter) throw new Error('seed: organisations');
  const colleagues = await db
    .insert(users)
    .values([
      { name: 'Sarah Koster', email: mail('sarah.koster'), organisationId: params.organisations.lokaalTeam, emailVerified: now },
      { name: 'Joost van Rijn', email: mail('joost.vanrijn'), organisationId: kwadraad.id, emailVerified: now },
      { name: 'Priya Ramdin', email: mail('priya.ramdin'), organisationId: karakter.id, emailVerified: now },
      { name: 'Ruben Veldman', email: mail('ruben.veldman'), organisationId: params.organisations.lokaalTeam, emailVerified: now },
    ])
    .returning({ id: users.id });
  const [sarah, joost, priya, ruben] = colleagues.map((c) => c.id);
  if (!sarah || !joost || !priya || !ruben) throw new Error('seed: colleagues');
  const { mo, eva, fatima, anouk } = params.people;
  const names: Record<string, string> = {
    [mo]: 'Mo Ait Taleb',
    [eva]: 'Eva Bakker',
    [fatima]: 'Fatima Yilmaz',
    [anouk]: 'Anouk Visser',
    [sarah]: 'Sarah Koster',
    [joost]: 'Joost van Rijn',
    [priya]: 'Priya Ramdin',
  };
  const orgOf: Record<string, string> = {
    [mo]: params.organisations.lokaalTeam,
    [sarah]: params.organisations.lokaalTeam,
    [eva]: params.organisations.deLinde,
    [fatima]: params.organisations.gi,
    [anouk]: params.organisations.huisarts,
    [joost]: kwadraad.id,
    [priya]: karakter.id,
  };

  // --- the families ---
  const municipalities = MUNICIPALITIES.flatMap(([name, n]) => Array.from({ length: n }, () => name));
  const specs = CAST.map((cast, i) => {
    use(i);
    const surname = SURNAMES[i] as string;
    const twoParents = rng.chance(0.55);
    const mother = `${rng.pick(MOTHERS)} ${surname}`;
    const father = `${rng.pick(FATHERS)} ${surname}`;
    const kids = Array.from({ length: rng.int(1, 3) }, () => ({ name: `${rng.pick(CHILDREN)} ${surname}`, age: rng.int(2, 17) }));
    const kader: Kader =
      cast.lead === 'fatima'
        ? 'dwang'
        : cast.story === 'broken' || cast.story === 'safetyReview' || (cast.story === 'steady' && i % 4 === 0)
          ? 'drang'
          : 'vrijwillig';
    const status: PlanStatus =
      cast.story === 'afschalen'
        ? 'afschalen'
        : cast.story === 'waakvlam'
          ? 'waakvlam'
          : cast.story === 'concept'
            ? 'concept'
            : cast.story === 'closed'
              ? 'afgesloten'
              : 'actief';
    const ageDays = cast.story === 'concept' ? 6 : cast.story === 'stalled' ? 245 : cast.story === 'returned' ? rng.int(300, 420) : rng.int(60, 330);
    return {
      i,
      ...cast,
      surname,
      household: `Familie ${surname}`,
      municipality: municipalities[i] ?? 'Tiel',
      twoParents,
      mother,
      father,
      kids,
      kader,
      status,
      ageDays,
    };
  });

  const householdRows = await db
    .insert(households)
    .values(
      specs.map((s) => {
        use(s.i);
        return { regionId: params.regionId, name: s.household, municipality: s.municipality, createdAt: at(s.ageDays + 1) };
      }),
    )
    .returning({ id: households.id });
  const parentRows = await db
    .insert(users)
    .values(specs.map((s) => ({ name: s.mother, email: mail(`gezin.${s.i + 1}`), emailVerified: now })))
    .returning({ id: users.id });
  const peopleRows: (typeof householdPeople.$inferInsert)[] = [];
  specs.forEach((s, k) => {
    use(k);
    const householdId = householdRows[k]?.id as string;
    const birth = (age: number) => dayOf(age * 365 + rng.int(0, 300));
    peopleRows.push({ householdId, name: s.mother, relation: 'ouder', birthDate: birth(rng.int(28, 46)), gezag: true, userId: parentRows[k]?.id });
    if (s.twoParents) peopleRows.push({ householdId, name: s.father, relation: 'ouder', birthDate: birth(rng.int(29, 50)), gezag: true });
    for (const kid of s.kids) peopleRows.push({ householdId, name: kid.name, relation: 'kind', birthDate: birth(kid.age) });
  });
  await db.insert(householdPeople).values(peopleRows);

  const leadOf = (s: (typeof specs)[number]) => (s.lead === 'mo' ? mo : s.lead === 'sarah' ? sarah : fatima);
  const planRows = await db
    .insert(plans)
    .values(
      specs.map((s, k) => {
        use(k);
        return {
          householdId: householdRows[k]?.id as string,
          status: s.status,
          kader: s.kader,
          summary: SUMMARY[s.story],
          createdBy: s.story === 'noRegisseur' ? ruben : leadOf(s),
          createdAt: at(s.ageDays),
          updatedAt: at(Math.max(0, s.ageDays - 30)),
        };
      }),
    )
    .returning({ id: plans.id });
  const planIds = planRows.map((p) => p.id);

  // --- memberships, consent, regie ---
  type Member = {
    planId: string;
    userId: string;
    role: PlanRole;
    basis: AccessBasis;
    organisationId: string | null;
    gezag: boolean;
    hoofdaanbieder: boolean;
    createdAt: Date;
  };
  const members: Member[] = [];
  const regie: (typeof regieAssignments.$inferInsert)[] = [];
  const professionalsOf = new Map<string, string[]>();
  specs.forEach((s, k) => {
    use(k);
    const planId = planIds[k] as string;
    const since = at(s.ageDays - 1);
    const add = (userId: string, role: PlanRole, basis: AccessBasis, extra: Partial<Member> = {}) =>
      members.push({ planId, userId, role, basis, organisationId: orgOf[userId] ?? null, gezag: false, hoofdaanbieder: false, createdAt: since, ...extra });
    add(parentRows[k]?.id as string, 'ouder', 'eigen_gezin', { gezag: true, organisationId: null });
    const pros: string[] = [];
    if (s.lead === 'fatima') {
      add(fatima, 'gi', 'wettelijke_taak');
      add(mo, 'lokaal_team', 'wettelijke_taak');
      pros.push(fatima, mo);
    } else if (s.story === 'noRegisseur') {
      add(mo, 'lokaal_team', 'toestemming', { createdAt: at(40) });
      pros.push(mo);
    } else {
      add(leadOf(s), 'lokaal_team', 'toestemming');
      pros.push(leadOf(s));
    }
    const provider =
      s.story === 'silent' || s.story === 'stalled' || s.story === 'broken' || k % 3 === 0 ? eva : k % 3 === 1 ? joost : k % 5 === 2 ? priya : null;
    if (provider && s.story !== 'concept') {
      add(provider, 'aanbieder', 'toestemming', { hoofdaanbieder: true });
      pros.push(provider);
    }
    if (k % 4 === 0 && s.story !== 'concept') {
      add(anouk, 'verwijzer', 'toestemming');
      pros.push(anouk);
    }
    professionalsOf.set(planId, pros);
    const regisseur = s.story === 'noRegisseur' ? null : leadOf(s);
    if (regisseur)
      regie.push({ planId, kind: 'casusregie', userId: regisseur, appointedBy: regisseur, reason: 'Plan gestart na de intake.', startedAt: at(s.ageDays) });
    else {
      // The previous casusregisseur left the team five weeks ago; nobody has been named since.
      regie.push({
        planId,
        kind: 'casusregie',
        userId: ruben,
        appointedBy: ruben,
        reason: 'Plan gestart na de intake.',
        startedAt: at(s.ageDays),
        endedAt: at(35),
      });
    }
  });
  const memberRows = await db
    .insert(planMembers)
    .values(members)
    .returning({ id: planMembers.id, planId: planMembers.planId, userId: planMembers.userId, basis: planMembers.basis, role: planMembers.role });
  await db.insert(regieAssignments).values(regie);
  const parentOfPlan = new Map(specs.map((_, k) => [planIds[k] as string, parentRows[k]?.id as string]));
  await db.insert(consents).values(
    memberRows
      .filter((m) => m.basis === 'toestemming')
      .map((m) => ({
        planId: m.planId,
        memberId: m.id,
        decidedBy: parentOfPlan.get(m.planId) as string,
        decidedAs: 'ouder' as const,
        decision: 'gegeven' as const,
      })),
  );

  // --- documents, read model, ratings, activity ---
  const updates: { doc: string; update: Uint8Array; userId: string | null; createdAt: Date }[] = [];
  const readModel: ReadModelRows = emptyReadModel();
  const ratingRows: (typeof ratings.$inferInsert)[] = [];
  const audit: (typeof auditEvents.$inferInsert)[] = [];
  const statusChanges: (typeof planStatusChanges.$inferInsert)[] = [];
  const placements: (typeof placementThreats.$inferInsert)[] = [];
  const stableAll = Object.fromEntries(BIG_FIVE.map((d) => [d, true]));
  const roleOf = new Map(memberRows.map((m) => [`${m.planId}:${m.userId}`, m.role]));

  specs.forEach((s, k) => {
    use(k);
    const planId = planIds[k] as string;
    const parent = parentRows[k]?.id as string;
    const lead = s.story === 'noRegisseur' ? mo : leadOf(s);
    const pros = professionalsOf.get(planId) ?? [];
    const kid = s.kids[0]?.name.split(' ')[0] ?? 'de kinderen';
    const parentFirst = s.mother.split(' ')[0] as string;
    const quiet = s.story === 'stalled';
    const event = (userId: string, action: string, daysAgo: number, section: string | null, details: Record<string, unknown> = {}) =>
      audit.push({
        at: at(daysAgo, rng.int(8, 17)),
        actorUserId: userId,
        actorRole: roleOf.get(`${planId}:${userId}`) ?? null,
        action,
        planId,
        section,
        basis: null,
        accessPoint: '10.0.0.1',
        client: 'demo-seed',
        details,
      });

    // Goals, actions and ratings.
    const domainCount = s.story === 'concept' ? 1 : rng.int(2, 4);
    const domains = [...BIG_FIVE].sort(() => rng.next() - 0.5).slice(0, domainCount);
    const doc = new Y.Doc();
    const doneAt = new Map<string, Date>();
    domains.forEach((domain, g) => {
      const template = rng.pick(GOALS[domain]);
      const status: GoalStatus =
        s.status === 'afgesloten' || (s.story === 'waakvlam' && g > 0)
          ? 'bereikt'
          : s.story === 'concept'
            ? 'open'
            : g === domainCount - 1 && rng.chance(0.3)
              ? 'open'
              : 'bezig';
      const actions: NewAction[] = [];
      const [first, second] = template.actions;
      // A done action, when the plan is old enough.
      if (s.ageDays > 30 && first) {
        const id = newItemId();
        const doneDaysAgo = quiet ? rng.int(80, 120) : rng.int(8, Math.min(60, s.ageDays - 5));
        doneAt.set(id, at(doneDaysAgo));
        actions.push({ id, what: first, owner: g % 2 ? names[lead] : s.mother, due: dayOf(doneDaysAgo + rng.int(0, 5)), done: true });
      }
      if (second && status !== 'bereikt') {
        const late =
          quiet && g < 2
            ? rng.int(25, 45)
            : (s.story === 'overdue' || s.story === 'broken' || s.story === 'placement') && g === 0
              ? rng.int(18, 40)
              : s.story === 'steady' && g === 0 && rng.chance(0.4)
                ? rng.int(2, 10)
                : -rng.int(5, 45);
        actions.push({ what: second, owner: g % 2 ? s.mother : (names[lead] as string), due: dayOf(late), done: false });
      }
      const review = s.story === 'reviewPassed' && g === 0 ? 3 : quiet && g === 0 ? 20 : status === 'bereikt' ? rng.int(20, 90) : -rng.int(7, 75);
      addGoal(doc, {
        domain,
        words: template.words(kid, parentFirst),
        forWhom: g % 2 ? s.mother : 'het hele gezin',
        owner: g % 2 ? (names[lead] as string) : s.mother,
        status,
        whenReached: template.whenReached,
        reviewDate: status === 'bereikt' ? '' : dayOf(review),
        createdAt: at(s.ageDays - 2).toISOString(),
        actions,
      });
      // Monthly progress ratings by the parent and the casusregisseur; the latest a few weeks ago.
      const goalId = (doc.getArray<Y.Map<unknown>>('goals').get(g)?.get('id') as string) ?? '';
      if (s.story === 'concept') return;
      const count = Math.min(6, Math.max(2, Math.floor(s.ageDays / 35)));
      const lastDaysAgo = quiet ? rng.int(75, 90) : s.status === 'waakvlam' || s.status === 'afgesloten' ? rng.int(40, 80) : rng.int(5, 25);
      const flat = s.story === 'flat' && g === 0;
      const falling = quiet && g === 0;
      const start = rng.int(2, 5);
      for (const [rater, role] of [
        [parent, 'ouder'],
        [lead, roleOf.get(`${planId}:${lead}`) ?? 'lokaal_team'],
      ] as const) {
        const offset = rater === parent ? rng.int(0, 1) : 0;
        for (let n = 0; n < count; n++) {
          const fromEnd = count - 1 - n;
          const value = flat ? Math.max(1, start + 1 - (fromEnd === 0 ? 1 : 0)) : falling ? start + 3 - n : Math.min(10, start + offset + n);
          ratingRows.push({ planId, kind: 'voortgang', goalId, value, raterId: rater, raterRole: role, createdAt: at(lastDaysAgo + fromEnd * 30 + offset) });
        }
      }
      if (g === 0) {
        for (let n = 0; n < Math.min(3, count); n++) {
          ratingRows.push({
            planId,
            kind: 'zelfredzaamheid',
            domain,
            value: Math.min(5, 2 + n),
            raterId: lead,
            raterRole: roleOf.get(`${planId}:${lead}`) ?? 'lokaal_team',
            createdAt: at(lastDaysAgo + (Math.min(3, count) - 1 - n) * 45),
          });
        }
      }
    });
    const docs: Parameters<typeof addReadModel>[1] = { planId, doelen: doc };
    updates.push({ doc: docNameFor(planId, 'doelen'), update: Y.encodeStateAsUpdate(doc), userId: lead, createdAt: at(s.ageDays - 2) });
    updates.push({
      doc: docNameFor(planId, 'gezin'),
      update: richTextUpdate([
        { h: 'Wat gaat goed' },
        { p: `${parentFirst} zet zich in voor ${kid}.` },
        { h: 'Waar maken we ons zorgen over' },
        { p: SUMMARY[s.story] },
      ]),
      userId: parent,
      createdAt: at(s.ageDays - 1),
    });

    // A safety plan under drang and dwang, and where there is a broken agreement.
    if (s.kader !== 'vrijwillig' || s.story === 'placement') {
      const safety = new Y.Doc();
      addSafetyText(safety, 'worries', 'Spanning in huis loopt soms hoog op, ook als de kinderen erbij zijn.');
      addSafetyText(safety, 'strengths', `${parentFirst} belt op tijd als het mis dreigt te gaan.`);
      const keep = addAgreement(safety, {
        what: 'Als het thuis te veel wordt, gaan de kinderen naar oma.',
        who: s.mother,
        when: 'meteen',
        ifNot: 'Dan belt de casusregisseur dezelfde dag.',
      });
      const second = addAgreement(safety, {
        what: 'Geen harde woorden waar de kinderen bij zijn.',
        who: 'Beide ouders',
        when: 'altijd',
        ifNot: 'Gesprek met de gezinsvoogd.',
      });
      addWatcher(safety, { name: `Oma ${s.surname}`, role: 'let op de kinderen' });
      setSafetyMeta(safety, { status: 'afgesproken', reviewDate: dayOf(s.story === 'safetyReview' ? 7 : -rng.int(10, 60)) });
      if (s.story === 'broken' || s.story === 'escalated') {
        const broken = s.story === 'broken' ? second : keep;
        const brokenDaysAgo = s.story === 'broken' ? 9 : 40;
        recordBrokenAgreement(safety, { agreementId: broken, discussedWithFamily: true, escalated: s.story === 'escalated', day: dayOf(brokenDaysAgo) });
        event(lead, 'safety.agreement_broken', brokenDaysAgo, 'veiligheid', { agreementId: broken, discussedWithFamily: true, reason: null });
      } else if (s.lead === 'fatima' || s.story === 'safetyReview') {
        // An agreement that broke months ago and holds again: history for the region's figures.
        event(lead, 'safety.agreement_broken', rng.int(60, 150), 'veiligheid', { agreementId: second, discussedWithFamily: true, reason: null });
      }
      docs.veiligheid = safety;
      updates.push({ doc: docNameFor(planId, 'veiligheid'), update: Y.encodeStateAsUpdate(safety), userId: lead, createdAt: at(Math.max(1, s.ageDays - 10)) });
    }

    // Periodic reviews and the Big Five check.
    if (s.ageDays > 90 && s.story !== 'concept') {
      const evaluation = new Y.Doc();
      const reviewDaysAgo = quiet ? 200 : s.ageDays > 182 ? rng.int(10, 150) : rng.int(10, s.ageDays - 20);
      addReview(evaluation, { date: dayOf(reviewDaysAgo), by: names[lead] as string, summary: 'Evaluatie met het gezin: wat gaat beter, wat nog niet.' });
      const stable =
        s.status === 'afgesloten' || s.story === 'waakvlam'
          ? stableAll
          : Object.fromEntries(BIG_FIVE.map((d, n) => [d, s.story === 'afschalen' ? n < 4 : rng.chance(0.25)]));
      for (const [domain, value] of Object.entries(stable)) setStable(evaluation, domain, value === true);
      if (s.story === 'waakvlam' || s.story === 'returned')
        evaluationTypes(evaluation).waakvlam.insert(0, 'Als het weer minder gaat, belt het gezin de casusregisseur.');
      docs.evaluatie = evaluation;
      updates.push({ doc: docNameFor(planId, 'evaluatie'), update: Y.encodeStateAsUpdate(evaluation), userId: lead, createdAt: at(reviewDaysAgo) });
    }
    addReadModel(readModel, docs, { now, doneAt });

    // Lifecycle: concept → actief soon after the start; waakvlam and the way back.
    const change = (from: PlanStatus, to: PlanStatus, daysAgo: number, reason: string | null, stability: Record<string, boolean> = {}) => {
      statusChanges.push({ planId, from, to, stability, reason, changedBy: lead, createdAt: at(daysAgo) });
      event(lead, 'plan.status_change', daysAgo, null, { from, to, reason });
    };
    if (s.status !== 'concept') change('concept', 'actief', s.ageDays - 7, null);
    if (s.story === 'returned') {
      const out = rng.int(150, s.ageDays - 60);
      change('actief', 'waakvlam', out, 'Het gaat goed; waakvlamafspraken gemaakt.', stableAll);
      change('waakvlam', 'actief', rng.int(20, Math.max(21, out - 30)), 'Het ging weer minder; het gezin belde zelf.');
    }
    if (s.story === 'afschalen') change('actief', 'afschalen', rng.int(10, 40), 'Het gaat goed; de hulp wordt afgebouwd.');
    if (s.story === 'waakvlam') change('actief', 'waakvlam', rng.int(20, 50), 'Alle leefgebieden stabiel.', stableAll);
    if (s.story === 'closed') change('actief', 'afgesloten', rng.int(10, 30), 'Alle leefgebieden stabiel; het gezin kan verder zonder hulp.', stableAll);

    // Activity: the family writes, the professionals read and write; the stalled family went quiet ten weeks ago.
    if (quiet) {
      event(parent, 'section.write', 76, 'gezin', { writes: 4 });
      event(lead, 'section.write', 74, 'doelen', { writes: 6 });
      for (const p of pros) event(p, 'section.open', 72 + rng.int(0, 20), 'doelen');
    } else if (s.story !== 'concept') {
      const calm = s.status === 'waakvlam' || s.status === 'afgesloten';
      event(parent, 'section.open', rng.int(1, calm ? 60 : 9), 'doelen');
      if (!calm) event(parent, 'section.write', rng.int(2, 14), rng.pick(['gezin', 'doelen']), { writes: rng.int(1, 8) });
      for (const p of pros) {
        const silent = s.story === 'silent' && p === eva;
        event(p, 'section.open', silent ? 60 : rng.int(0, calm ? 40 : 20), rng.pick(['doelen', 'gezin', 'evaluatie']));
        if (p === lead && !calm) event(p, 'section.write', rng.int(1, 12), 'doelen', { writes: rng.int(2, 20) });
      }
    } else {
      event(lead, 'section.write', 5, 'doelen', { writes: 12 });
    }

    if (s.story === 'placement') {
      placements.push({
        planId,
        threatened: true,
        reason: `${parentFirst} kan de zorg voor ${kid} nu niet aan; Veilig Thuis overweegt een uithuisplaatsing.`,
        setBy: mo,
        createdAt: at(12),
      });
      event(mo, 'placement.set', 12, 'professioneel', { threatened: true });
    }
  });

  const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) => {
    for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  };
  await chunked(updates, (c) => db.insert(yjsUpdates).values(c), 100);
  await insertReadModel(db, readModel);
  await chunked(ratingRows, (c) => db.insert(ratings).values(c));
  await chunked(audit, (c) => db.insert(auditEvents).values(c));
  await chunked(statusChanges, (c) => db.insert(planStatusChanges).values(c));
  if (placements.length > 0) await db.insert(placementThreats).values(placements);
  return { plans: planIds.length, moRegie: regie.filter((r) => r.userId === mo && !r.endedAt).length };
}
