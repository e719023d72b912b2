/**
 * Demo content of "Ons gezin", "Netwerk" and the safety plan for the three demo households: what goes well and
 * worries (each marked with whose voice it is), the professionals' assessment, the people around each family for
 * the ecogram, a real safety plan for Familie El Amrani (court measure; GI Fatima Yilmaz) with agreements, a
 * safety network and safety-scale ratings over several months, and a concept safety plan for Familie Bos.
 * Built with the sections' own mutation helpers on fresh Y.Docs, so the seed has the shape the editors write.
 */
import * as Y from 'yjs';
import type { Db } from '../client';
import { insertSafetyRating } from '../queries/safety-scale';
import { appendUpdates } from '../queries/yjs';
import { docNameFor } from '../../lib/sections';
import type { PlanRole } from '../../lib/roles';
import { addFamilyStatement, ASSESSMENT_FIELD, type FamilyList } from '../../lib/shapes/family';
import { addNetworkPerson, type NetworkPerson } from '../../lib/shapes/network';
import { addAgreement, addSafetyText, addWatcher, setSafetyMeta, type SafetyTextList } from '../../lib/shapes/safety';
import { RICH_TEXT_FIELD } from '../../lib/richtext';

const DAY = 24 * 60 * 60 * 1000;

export interface DemoPlans {
  jansen: string;
  elAmrani: string;
  bos: string;
}

export interface DemoRaters {
  youssef: string;
  kees: string;
  fatima: string;
  mo: string;
  linda: string;
  noah: string;
}

type Statement = { list: FamilyList; text: string; role: PlanRole; author: string; daysAgo: number };

/** Encodes what `build` writes into a fresh doc as one update. */
function docUpdate(build: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  build(doc);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Appends paragraphs to a rich-text fragment, in the editor's schema. */
function paragraphs(doc: Y.Doc, field: string, texts: string[]): void {
  const fragment = doc.getXmlFragment(field);
  fragment.push(
    texts.map((text) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
}

function family(now: Date, statements: Statement[], assessment: string[]): Uint8Array {
  return docUpdate((doc) => {
    for (const s of statements)
      addFamilyStatement(doc, s.list, { text: s.text, role: s.role, authorName: s.author, now: new Date(now.getTime() - s.daysAgo * DAY) });
    paragraphs(doc, ASSESSMENT_FIELD, assessment);
  });
}

function network(people: Omit<NetworkPerson, 'id'>[]): Uint8Array {
  return docUpdate((doc) => {
    for (const p of people) addNetworkPerson(doc, p);
  });
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Seeds the three sections of the demo plans; runs inside the demo seed's transaction. */
export async function seedFamilyNetworkSafety(db: Db, params: { plans: DemoPlans; raters: DemoRaters; now?: Date }): Promise<void> {
  const now = params.now ?? new Date();
  const daysAgo = (n: number) => isoDay(new Date(now.getTime() - n * DAY));
  const inDays = (n: number) => isoDay(new Date(now.getTime() + n * DAY));
  const { jansen, elAmrani, bos } = params.plans;
  const P = (person: Omit<NetworkPerson, 'id' | 'contact' | 'lastContact' | 'whatTheyDo'> & Partial<NetworkPerson>): Omit<NetworkPerson, 'id'> => ({
    contact: '',
    lastContact: '',
    whatTheyDo: '',
    ...person,
  });

  const safetyElAmrani = docUpdate((doc) => {
    const list = (name: SafetyTextList, texts: string[]) => texts.forEach((t) => addSafetyText(doc, name, t));
    list('worries', [
      'Bij ruzie tussen Youssef en Naima is er geschreeuwd en geduwd waar Adam en Amira bij waren.',
      'Adam (11) zegt dat hij soms bang is als zijn vader boos wordt.',
      'Youssef drinkt meer alcohol sinds hij zijn werk kwijt is.',
    ]);
    list('strengths', [
      'Youssef brengt Amira elke dag naar school en is er voor de kinderen.',
      'Buurman Kees is dichtbij en wordt vertrouwd door de kinderen.',
      'Naima heeft contact met haar zus Samira, bij wie de kinderen kunnen logeren.',
      'De ouders werken allebei mee aan de hulp.',
    ]);
    list('goals', ['Adam en Amira voelen zich thuis veilig, ook als hun ouders het oneens zijn.', 'Youssef en Naima lossen ruzie op zonder geweld.']);
    addAgreement(doc, {
      what: 'Als de spanning oploopt, gaat Youssef een halfuur naar buiten of naar buurman Kees.',
      who: 'Youssef',
      when: 'Altijd, zodra de spanning oploopt',
      ifNot: 'Naima belt Kees; Kees komt langs en neemt de kinderen even mee. Fatima wordt dezelfde dag gebeld.',
    });
    addAgreement(doc, {
      what: 'Er wordt geen alcohol gedronken als de kinderen thuis zijn.',
      who: 'Youssef en Naima',
      when: 'Elke dag',
      ifNot: 'Fatima bespreekt het binnen twee dagen met beide ouders; de kinderen logeren die nacht bij tante Samira.',
    });
    addAgreement(doc, {
      what: 'Adam weet wie hij kan bellen als hij bang is: tante Samira of Kees. Hun nummers staan in zijn telefoon.',
      who: 'Naima (samen met Adam)',
      when: 'Deze week, daarna elke maand even checken',
      ifNot: 'Fatima zet de nummers er samen met Adam in bij het volgende huisbezoek.',
    });
    addAgreement(doc, {
      what: 'Youssef gaat naar de cursus omgaan met boosheid bij De Linde.',
      who: 'Youssef',
      when: 'Elke dinsdagavond, tien weken',
      ifNot: 'Fatima en Youssef zoeken binnen een week samen naar een andere plek of tijd.',
    });
    addWatcher(doc, { name: 'Kees van Dam', role: 'Buurman, woont twee deuren verder' });
    addWatcher(doc, { name: 'Samira Haddou', role: 'Tante, zus van Naima' });
    addWatcher(doc, { name: 'Juf Ellen de Wit', role: 'Leerkracht van Amira' });
    addWatcher(doc, { name: 'Fatima Yilmaz', role: 'Gezinsvoogd (GI)' });
    setSafetyMeta(doc, { status: 'afgesproken', reviewDate: inDays(42) });
    paragraphs(doc, RICH_TEXT_FIELD, [
      `Afgesproken met Youssef, Naima, Kees en Samira op ${new Date(now.getTime() - 120 * DAY).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })}. Adam is apart gesproken; zijn woorden staan bij de zorgen.`,
      'We kijken elke zes weken samen of de afspraken werken.',
    ]);
  });

  const safetyBos = docUpdate((doc) => {
    addSafetyText(doc, 'worries', 'Noah is soms dagen van huis en Linda weet dan niet waar hij is.');
    addSafetyText(doc, 'worries', 'Noah heeft contact met jongens die in aanraking zijn met de politie.');
    addSafetyText(doc, 'strengths', 'Opa Gerrit heeft een goede band met Noah; Noah luistert naar hem.');
    addSafetyText(doc, 'goals', 'Linda weet altijd waar Noah slaapt.');
    addAgreement(doc, {
      what: 'Noah laat Linda elke avond voor 22:00 weten waar hij is.',
      who: 'Noah',
      when: 'Elke avond',
      ifNot: 'Linda belt opa Gerrit; lukt het dan nog niet, dan belt ze Fatima.',
    });
    addWatcher(doc, { name: 'Gerrit Bos', role: 'Opa' });
    setSafetyMeta(doc, { status: 'concept', reviewDate: '' });
  });

  await appendUpdates(db, [
    {
      doc: docNameFor(jansen, 'gezin'),
      userId: null,
      update: family(
        now,
        [
          { list: 'strengths', text: 'Daan voetbalt graag en traint twee keer per week.', role: 'ouder', author: 'Sanne Jansen', daysAgo: 40 },
          { list: 'strengths', text: 'Oma Ria helpt elke woensdag met de kinderen.', role: 'ouder', author: 'Sanne Jansen', daysAgo: 40 },
          { list: 'strengths', text: 'Lotte gaat graag naar school.', role: 'jeugdige', author: 'Daan de Vries', daysAgo: 33 },
          {
            list: 'strengths',
            text: 'Sanne en Peter willen allebei dat het beter gaat met de kinderen.',
            role: 'lokaal_team',
            author: 'Mo Ait Taleb',
            daysAgo: 38,
          },
          { list: 'worries', text: 'Daan mist veel lessen en slaapt slecht.', role: 'ouder', author: 'Sanne Jansen', daysAgo: 40 },
          { list: 'worries', text: 'Er is vaak ruzie als de kinderen wisselen tussen de twee huizen.', role: 'ouder', author: 'Peter de Vries', daysAgo: 36 },
          { list: 'worries', text: 'Sanne heeft schulden en weinig geld voor de vaste lasten.', role: 'lokaal_team', author: 'Mo Ait Taleb', daysAgo: 38 },
        ],
        [
          'Sinds de scheiding is er veel spanning rond de wisseldagen; de kinderen zitten ertussen.',
          'Daans schoolverzuim is zorgelijk (meer dan 40 uur dit kwartaal). De leerplichtambtenaar is nog niet ingeschakeld; eerst samen met school een plan.',
          'Sanne wil hulp bij haar schulden. Aanmelding bij schuldhulpverlening loopt.',
        ],
      ),
    },
    {
      doc: docNameFor(elAmrani, 'gezin'),
      userId: null,
      update: family(
        now,
        [
          { list: 'strengths', text: 'Youssef brengt Amira elke dag naar school.', role: 'ouder', author: 'Youssef El Amrani', daysAgo: 110 },
          { list: 'strengths', text: 'Buurman Kees is er als het thuis even te veel wordt.', role: 'netwerk', author: 'Kees van Dam', daysAgo: 100 },
          { list: 'strengths', text: 'Beide ouders houden zich aan de afspraken met de gezinsvoogd.', role: 'gi', author: 'Fatima Yilmaz', daysAgo: 60 },
          { list: 'worries', text: 'Spanning tussen de ouders loopt soms hoog op.', role: 'ouder', author: 'Youssef El Amrani', daysAgo: 110 },
          { list: 'worries', text: 'Adam is vaak boos en trekt zich terug.', role: 'ouder', author: 'Youssef El Amrani', daysAgo: 110 },
          { list: 'worries', text: 'Adam vertelde op school dat hij bang is als zijn vader boos wordt.', role: 'gi', author: 'Fatima Yilmaz', daysAgo: 95 },
        ],
        [
          'Ondertoezichtstelling sinds maart na meldingen van huiselijk geweld. Er is een veiligheidsplan met afspraken; tot nu toe houden de ouders zich eraan.',
          'Adam laat signalen van spanning zien; aanmelding voor traumabehandeling bij De Linde is gedaan.',
        ],
      ),
    },
    {
      doc: docNameFor(bos, 'gezin'),
      userId: null,
      update: family(
        now,
        [
          { list: 'strengths', text: 'Noah kan goed met zijn handen werken en wil monteur worden.', role: 'ouder', author: 'Linda Bos', daysAgo: 50 },
          { list: 'strengths', text: 'Opa Gerrit is er altijd voor Noah.', role: 'jeugdige', author: 'Noah Bos', daysAgo: 45 },
          { list: 'worries', text: 'Noah gaat bijna niet meer naar school.', role: 'ouder', author: 'Linda Bos', daysAgo: 50 },
          { list: 'worries', text: 'Over een half jaar is Noah 18 en er is nog niets geregeld.', role: 'gi', author: 'Fatima Yilmaz', daysAgo: 30 },
        ],
        ['Noah staat onder jeugdreclassering na een winkeldiefstal. Hij komt zijn afspraken meestal na.'],
      ),
    },
    {
      doc: docNameFor(jansen, 'netwerk'),
      userId: null,
      update: network([
        P({
          name: 'Oma Ria',
          relation: 'Oma (moeder van Sanne)',
          kind: 'familie',
          closeness: 1,
          whatTheyDo: 'Past elke woensdag op de kinderen en brengt Daan naar voetbal.',
          contact: 'ria@demo.onsplan.nl',
          lastContact: daysAgo(3),
        }),
        P({
          name: 'Peter de Vries',
          relation: 'Vader van Daan en Lotte',
          kind: 'familie',
          closeness: 1,
          whatTheyDo: 'De kinderen zijn om het weekend en op woensdag bij hem.',
          lastContact: daysAgo(1),
        }),
        P({
          name: 'Trainer Bas',
          relation: 'Voetbaltrainer van Daan',
          kind: 'vriend',
          closeness: 2,
          whatTheyDo: 'Houdt Daan bij de les; Daan vertrouwt hem.',
          lastContact: daysAgo(20),
        }),
        P({
          name: 'Buurvrouw Anja',
          relation: 'Buurvrouw van Sanne',
          kind: 'buurt',
          closeness: 3,
          whatTheyDo: 'Haalt Lotte soms van school.',
          lastContact: daysAgo(30),
        }),
        P({
          name: 'Meester Joris',
          relation: 'Mentor van Daan (RSG)',
          kind: 'school',
          closeness: 2,
          whatTheyDo: 'Volgt Daans verzuim en zoekt met hem naar een rooster dat lukt.',
          contact: 'mentor@rsg.demo',
          lastContact: daysAgo(12),
        }),
        P({
          name: 'Eva Bakker',
          relation: 'Hulpverlener De Linde',
          kind: 'professional',
          closeness: 2,
          whatTheyDo: 'Gezinsbegeleiding, elke week thuis.',
          contact: 'eva@demo.onsplan.nl',
          lastContact: daysAgo(5),
        }),
        P({
          name: 'Mo Ait Taleb',
          relation: 'Regisseur, Wijkteam Tiel-Oost',
          kind: 'professional',
          closeness: 2,
          whatTheyDo: 'Houdt het plan bij elkaar.',
          contact: 'mo@demo.onsplan.nl',
          lastContact: daysAgo(8),
        }),
        P({
          name: 'Huisarts Visser',
          relation: 'Huisarts',
          kind: 'professional',
          closeness: 3,
          whatTheyDo: 'Verwees naar het wijkteam; krijgt terugkoppeling.',
          lastContact: daysAgo(60),
        }),
      ]),
    },
    {
      doc: docNameFor(elAmrani, 'netwerk'),
      userId: null,
      update: network([
        P({
          name: 'Buurman Kees',
          relation: 'Buurman',
          kind: 'buurt',
          closeness: 1,
          whatTheyDo: 'Youssef kan bij hem terecht als het thuis te veel wordt; let op de afspraken.',
          contact: 'kees@demo.onsplan.nl',
          lastContact: daysAgo(2),
        }),
        P({
          name: 'Tante Samira',
          relation: 'Zus van Naima',
          kind: 'familie',
          closeness: 1,
          whatTheyDo: 'De kinderen kunnen bij haar logeren.',
          lastContact: daysAgo(6),
        }),
        P({
          name: 'Khadija',
          relation: 'Vriendin van Naima',
          kind: 'vriend',
          closeness: 2,
          whatTheyDo: 'Gaat mee naar afspraken als Naima dat wil.',
          lastContact: daysAgo(14),
        }),
        P({
          name: 'Juf Ellen',
          relation: 'Leerkracht van Amira',
          kind: 'school',
          closeness: 2,
          whatTheyDo: 'Meldt aan Fatima als Amira opvallend stil of afwezig is.',
          lastContact: daysAgo(21),
        }),
        P({
          name: 'Fatima Yilmaz',
          relation: 'Gezinsvoogd, Jeugdbescherming Gelderland',
          kind: 'professional',
          closeness: 2,
          whatTheyDo: 'Voert de ondertoezichtstelling uit en leidt het veiligheidsplan.',
          contact: 'fatima@demo.onsplan.nl',
          lastContact: daysAgo(4),
        }),
        P({
          name: 'Mo Ait Taleb',
          relation: 'Wijkteam Tiel-Oost',
          kind: 'professional',
          closeness: 3,
          whatTheyDo: 'Helpt Youssef met werk en inkomen.',
          lastContact: daysAgo(18),
        }),
      ]),
    },
    {
      doc: docNameFor(bos, 'netwerk'),
      userId: null,
      update: network([
        P({
          name: 'Opa Gerrit',
          relation: 'Opa van Noah',
          kind: 'familie',
          closeness: 1,
          whatTheyDo: 'Sleutelt met Noah aan brommers; Noah kan altijd bij hem terecht.',
          contact: 'gerrit@demo.onsplan.nl',
          lastContact: daysAgo(2),
        }),
        P({ name: 'Sem', relation: 'Vriend van Noah', kind: 'vriend', closeness: 2, whatTheyDo: 'Zit bij Noah in de klas.', lastContact: '' }),
        P({
          name: 'Mentor ROC',
          relation: 'Mentor van Noah (ROC Rivor)',
          kind: 'school',
          closeness: 3,
          whatTheyDo: 'Zoekt met Noah naar een stageplek.',
          lastContact: daysAgo(35),
        }),
        P({
          name: 'Fatima Yilmaz',
          relation: 'Jeugdreclasseerder',
          kind: 'professional',
          closeness: 2,
          whatTheyDo: 'Begeleidt Noah bij de jeugdreclassering.',
          contact: 'fatima@demo.onsplan.nl',
          lastContact: daysAgo(7),
        }),
        P({
          name: 'Eva Bakker',
          relation: 'Hulpverlener De Linde',
          kind: 'professional',
          closeness: 3,
          whatTheyDo: 'Gesprekken met Linda en Noah samen.',
          lastContact: daysAgo(16),
        }),
      ]),
    },
    { doc: docNameFor(elAmrani, 'veiligheid'), userId: null, update: safetyElAmrani },
    { doc: docNameFor(bos, 'veiligheid'), userId: null, update: safetyBos },
  ]);

  // The safety scale over the months since the plan was agreed: every party's own numbers, side by side.
  const { youssef, kees, fatima, mo, linda, noah } = params.raters;
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const scores: { planId: string; raterId: string; role: PlanRole; value: number; days: number; note?: string }[] = [
    { planId: elAmrani, raterId: fatima, role: 'gi', value: 3, days: 120, note: 'Bij de start: zorgen over geweld waar de kinderen bij zijn.' },
    { planId: elAmrani, raterId: youssef, role: 'ouder', value: 5, days: 120 },
    { planId: elAmrani, raterId: kees, role: 'netwerk', value: 4, days: 118 },
    { planId: elAmrani, raterId: mo, role: 'lokaal_team', value: 4, days: 115 },
    { planId: elAmrani, raterId: fatima, role: 'gi', value: 4, days: 85 },
    { planId: elAmrani, raterId: youssef, role: 'ouder', value: 6, days: 85 },
    { planId: elAmrani, raterId: kees, role: 'netwerk', value: 5, days: 84 },
    { planId: elAmrani, raterId: fatima, role: 'gi', value: 5, days: 50, note: 'Afspraken worden nagekomen; Adam is nog gespannen.' },
    { planId: elAmrani, raterId: youssef, role: 'ouder', value: 6, days: 50 },
    { planId: elAmrani, raterId: mo, role: 'lokaal_team', value: 5, days: 48 },
    { planId: elAmrani, raterId: kees, role: 'netwerk', value: 6, days: 20 },
    { planId: elAmrani, raterId: fatima, role: 'gi', value: 6, days: 14 },
    { planId: elAmrani, raterId: youssef, role: 'ouder', value: 7, days: 14, note: 'Het gaat beter thuis.' },
    { planId: bos, raterId: linda, role: 'ouder', value: 5, days: 25 },
    { planId: bos, raterId: noah, role: 'jeugdige', value: 8, days: 25 },
    { planId: bos, raterId: fatima, role: 'gi', value: 5, days: 24 },
  ];
  for (const s of scores) {
    await insertSafetyRating(db, { planId: s.planId, value: s.value, raterId: s.raterId, raterRole: s.role, note: s.note ?? null, createdAt: at(s.days) });
  }
}
