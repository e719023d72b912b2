/**
 * Demo goals and ratings: each demo family gets goals in several life domains with actions (one late, one done),
 * and monthly ratings by a parent and a professional over the last months, so the charts show lines with a begin
 * and a latest value. Dates are relative to `now`, so the demo never goes stale: the late action is always late.
 * The doelen docs are built with the same mutation helpers the editor uses and stored as one Yjs update each.
 */
import * as Y from 'yjs';
import type { Db } from '../client';
import { appendUpdates } from '../queries/yjs';
import { ratings } from '../schema';
import { docNameFor } from '../../lib/sections';
import type { PlanRole } from '../../lib/roles';
import { addGoal, type NewGoal } from '../../lib/shapes/goals';
import { richTextUpdate, type Block } from './yjs-text';

export interface GoalSeedIds {
  plans: { jansen: string; elAmrani: string; bos: string };
  people: Record<'sanne' | 'peter' | 'daan' | 'ria' | 'mo' | 'eva' | 'fatima' | 'youssef' | 'kees' | 'linda' | 'noah' | 'gerrit', string>;
}

const DAY = 24 * 60 * 60 * 1000;

interface SeedRater {
  userId: string;
  role: PlanRole;
  /** Oldest first, one a month, the last one about a week ago. */
  values: number[];
}

interface SeedGoal extends NewGoal {
  ratings?: SeedRater[];
}

interface SeedPlan {
  planId: string;
  goals: SeedGoal[];
  selfReliance: { domain: string; raters: SeedRater[] }[];
  explanation: Block[];
}

/** Seeds the goals, their ratings and the doelen Toelichting of the three demo families. */
export async function seedGoals(db: Db, ids: GoalSeedIds, now = new Date()): Promise<void> {
  const p = ids.people;
  const date = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
  const iso = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const monthsAgo = (n: number) => new Date(now.getTime() - (n * 30 + 7) * DAY);

  const plans: SeedPlan[] = [
    {
      planId: ids.plans.jansen,
      goals: [
        {
          domain: 'welzijn',
          words: 'Rust in huis: minder ruzie als Daan en Lotte wisselen tussen de twee huizen.',
          forWhom: 'het hele gezin',
          owner: 'Sanne Jansen',
          status: 'bezig',
          whenReached: 'We eten weer samen zonder ruzie, en de wissel op vrijdag gaat rustig.',
          reviewDate: date(21),
          createdAt: iso(-190),
          actions: [
            { what: 'Vaste afspraken over het wisselen op papier zetten', owner: 'Mo Ait Taleb', due: date(-45), done: true },
            { what: 'Gesprek met Sanne en Peter samen bij De Linde', owner: 'Eva Bakker', due: date(-10), done: false },
            { what: 'Wisselen op vrijdag om 18:00 bij oma Ria', owner: 'Peter de Vries', due: date(14), done: false },
          ],
          ratings: [
            { userId: p.sanne, role: 'ouder', values: [3, 3, 4, 4, 4, 6] },
            { userId: p.eva, role: 'aanbieder', values: [4, 4, 4, 5, 5, 5] },
          ],
        },
        {
          domain: 'school_werk',
          words: 'Daan gaat weer elke dag naar school.',
          forWhom: 'Daan de Vries',
          owner: 'Daan de Vries',
          status: 'bezig',
          whenReached: 'Daan mist geen lessen meer en haalt zijn overgang naar het vierde jaar.',
          reviewDate: date(-5),
          createdAt: iso(-190),
          actions: [
            { what: 'Afspraak met de mentor over een rooster dat Daan volhoudt', owner: 'Mo Ait Taleb', due: date(12), done: false },
            { what: 'Elke ochtend om 7:15 de wekker, zonder telefoon op de kamer', owner: 'Daan de Vries', due: date(-60), done: true },
          ],
          ratings: [
            { userId: p.daan, role: 'jeugdige', values: [2, 4, 3, 5, 6, 6] },
            { userId: p.mo, role: 'lokaal_team', values: [2, 3, 3, 4, 5, 5] },
          ],
        },
        {
          domain: 'support',
          words: 'Daan en Lotte hebben vaste mensen om zich heen, ook als het thuis even niet gaat.',
          forWhom: 'Daan en Lotte',
          owner: 'Ria Jansen',
          status: 'bezig',
          whenReached: 'De kinderen weten bij wie ze terechtkunnen, en die mensen weten het ook.',
          reviewDate: date(60),
          createdAt: iso(-150),
          actions: [
            { what: 'Brengt Daan woensdag naar voetbal', owner: 'Ria Jansen', due: '', done: false },
            { what: 'Lotte mag elke dinsdag na school bij oma Ria spelen', owner: 'Ria Jansen', due: '', done: false },
          ],
          ratings: [
            { userId: p.sanne, role: 'ouder', values: [6, 7, 7, 8] },
            { userId: p.mo, role: 'lokaal_team', values: [5, 6, 7, 7] },
          ],
        },
        {
          domain: 'inkomen',
          words: 'Ik heb overzicht over mijn schulden en betaal de vaste lasten op tijd.',
          forWhom: 'Sanne Jansen',
          owner: 'Sanne Jansen',
          status: 'open',
          whenReached: 'Er komen geen aanmaningen meer, en ik slaap weer door.',
          reviewDate: date(45),
          createdAt: iso(-60),
          actions: [{ what: 'Aanmelden bij de schuldhulp van de gemeente', owner: 'Mo Ait Taleb', due: date(7), done: false }],
          ratings: [{ userId: p.sanne, role: 'ouder', values: [2, 3] }],
        },
        {
          domain: 'wonen',
          words: 'Daan en Lotte hebben in allebei de huizen een eigen plek.',
          forWhom: 'Daan en Lotte',
          owner: 'Peter de Vries',
          status: 'open',
          whenReached: 'Bij papa heeft Lotte een eigen bed en Daan een bureau.',
          reviewDate: date(30),
          createdAt: iso(-40),
          actions: [{ what: 'Bed voor Lotte bij Peter', owner: 'Peter de Vries', due: date(21), done: false }],
        },
      ],
      selfReliance: [
        {
          domain: 'welzijn',
          raters: [
            { userId: p.sanne, role: 'ouder', values: [2, 2, 3] },
            { userId: p.mo, role: 'lokaal_team', values: [2, 2, 2] },
          ],
        },
        {
          domain: 'inkomen',
          raters: [
            { userId: p.sanne, role: 'ouder', values: [1, 2] },
            { userId: p.mo, role: 'lokaal_team', values: [1, 1] },
          ],
        },
        { domain: 'support', raters: [{ userId: p.sanne, role: 'ouder', values: [3, 4] }] },
      ],
      explanation: [
        { p: 'Deze doelen schreven we samen aan de keukentafel, met Mo van het wijkteam. Oma Ria doet mee met de kinderen.' },
        { p: 'Over een paar weken kijken we samen hoe het gaat. Wie een cijfer geeft, doet dat voor zichzelf: zo zien we ieders kijk naast elkaar.' },
      ],
    },
    {
      planId: ids.plans.elAmrani,
      goals: [
        {
          domain: 'welzijn',
          words: 'De kinderen voelen zich veilig thuis.',
          forWhom: 'Adam en Amira',
          owner: 'Fatima Yilmaz',
          status: 'bezig',
          whenReached: 'Adam vertelt zelf dat het thuis rustig is. Er is geen geweld meer, ook niet als het spannend wordt.',
          reviewDate: date(-2),
          createdAt: iso(-200),
          actions: [
            { what: 'Youssef volgt de training omgaan met boosheid', owner: 'Youssef El Amrani', due: date(28), done: false },
            { what: 'Kees belt elke zondagavond even', owner: 'Kees van Dam', due: date(-30), done: true },
          ],
          ratings: [
            { userId: p.youssef, role: 'ouder', values: [4, 5, 5, 6, 6, 7] },
            { userId: p.fatima, role: 'gi', values: [2, 3, 3, 4, 5, 5] },
          ],
        },
        {
          domain: 'support',
          words: 'Adam heeft iemand buiten het gezin om mee te praten.',
          forWhom: 'Adam El Amrani',
          owner: 'Mo Ait Taleb',
          status: 'open',
          whenReached: 'Adam ziet elke week iemand die hij vertrouwt.',
          reviewDate: date(35),
          createdAt: iso(-90),
          actions: [{ what: 'Adam aanmelden bij de jongerencoach', owner: 'Mo Ait Taleb', due: date(-21), done: false }],
          ratings: [{ userId: p.mo, role: 'lokaal_team', values: [3, 3, 4] }],
        },
        {
          domain: 'inkomen',
          words: 'Youssef vindt weer werk.',
          forWhom: 'Youssef El Amrani',
          owner: 'Youssef El Amrani',
          status: 'open',
          whenReached: 'Er is elke maand genoeg geld voor de huur en de boodschappen.',
          reviewDate: date(50),
          createdAt: iso(-40),
          actions: [{ what: 'Gesprek bij het werkplein', owner: 'Youssef El Amrani', due: date(14), done: false }],
        },
      ],
      selfReliance: [
        {
          domain: 'welzijn',
          raters: [
            { userId: p.youssef, role: 'ouder', values: [2, 3, 3] },
            { userId: p.fatima, role: 'gi', values: [1, 2, 2] },
          ],
        },
      ],
      explanation: [{ p: 'De doelen horen bij de ondertoezichtstelling. Het veiligheidsplan staat apart.' }],
    },
    {
      planId: ids.plans.bos,
      goals: [
        {
          domain: 'school_werk',
          words: 'Ik maak mijn opleiding af (mbo 2, logistiek).',
          forWhom: 'Noah Bos',
          owner: 'Noah Bos',
          status: 'bezig',
          whenReached: 'Noah heeft zijn diploma en een stageplek die past.',
          reviewDate: date(25),
          createdAt: iso(-180),
          actions: [
            { what: 'Opa Gerrit helpt dinsdag met huiswerk', owner: 'Gerrit Bos', due: '', done: false },
            { what: 'Stageplek zoeken en drie bedrijven mailen', owner: 'Noah Bos', due: date(-14), done: false },
            { what: 'Inschrijven voor het nieuwe schooljaar', owner: 'Linda Bos', due: date(-90), done: true },
          ],
          ratings: [
            { userId: p.linda, role: 'ouder', values: [3, 4, 4, 5, 6, 6] },
            { userId: p.fatima, role: 'gi', values: [3, 3, 4, 4, 5, 6] },
            { userId: p.noah, role: 'jeugdige', values: [5, 7, 6] },
          ],
        },
        {
          domain: 'wonen',
          words: 'Noah heeft na zijn 18e een eigen kamer.',
          forWhom: 'Noah Bos',
          owner: 'Fatima Yilmaz',
          status: 'open',
          whenReached: 'Noah woont op een kamer waar hij kan blijven, met begeleiding als dat nodig is.',
          reviewDate: date(40),
          createdAt: iso(-60),
          actions: [{ what: 'Noah inschrijven bij woningnet', owner: 'Linda Bos', due: date(7), done: false }],
        },
        {
          domain: 'welzijn',
          words: 'Noah houdt zich aan de afspraken van de jeugdreclassering.',
          forWhom: 'Noah Bos',
          owner: 'Fatima Yilmaz',
          status: 'bezig',
          whenReached: 'De jeugdreclassering kan stoppen.',
          reviewDate: date(14),
          createdAt: iso(-180),
          actions: [{ what: 'Elke week op gesprek bij Fatima', owner: 'Noah Bos', due: '', done: false }],
          ratings: [{ userId: p.fatima, role: 'gi', values: [4, 5, 5, 6] }],
        },
      ],
      selfReliance: [
        {
          domain: 'school_werk',
          raters: [
            { userId: p.linda, role: 'ouder', values: [2, 3, 3] },
            { userId: p.fatima, role: 'gi', values: [2, 2, 3] },
          ],
        },
      ],
      explanation: [{ p: 'Noah wordt binnenkort 18. Wat er na zijn 18e geregeld moet zijn, staat ook bij Naar 18+.' }],
    },
  ];

  for (const plan of plans) {
    const doc = new Y.Doc();
    const goalIds = plan.goals.map((g) => addGoal(doc, g));
    await appendUpdates(db, [
      { doc: docNameFor(plan.planId, 'doelen'), userId: null, update: Y.encodeStateAsUpdate(doc) },
      { doc: docNameFor(plan.planId, 'doelen'), userId: null, update: richTextUpdate(plan.explanation) },
    ]);
    doc.destroy();

    // All of a plan's ratings in one statement: the seed runs at first start and should be quick.
    const rows: (typeof ratings.$inferInsert)[] = [];
    const rate = (rater: SeedRater, target: { goalId: string } | { domain: string }, kind: 'voortgang' | 'zelfredzaamheid') => {
      const n = rater.values.length;
      for (const [i, value] of rater.values.entries()) {
        rows.push({ planId: plan.planId, kind, ...target, value, raterId: rater.userId, raterRole: rater.role, createdAt: monthsAgo(n - 1 - i) });
      }
    };
    for (const [i, goal] of plan.goals.entries()) {
      const goalId = goalIds[i];
      if (!goalId) continue;
      for (const rater of goal.ratings ?? []) rate(rater, { goalId }, 'voortgang');
    }
    for (const { domain, raters } of plan.selfReliance) for (const rater of raters) rate(rater, { domain }, 'zelfredzaamheid');
    if (rows.length > 0) await db.insert(ratings).values(rows);
  }
}
