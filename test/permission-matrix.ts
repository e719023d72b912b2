/**
 * The default permission matrix of DOMAIN.md, copied by hand: the oracle of lib/policy.test.ts and
 * e2e/permissions.spec.ts, never computed by the policy under test. Adding a section adds its row and its Dutch
 * title here (test/permission-matrix.test.ts fails until every section has both).
 */
import type { SectionKey } from '../lib/sections';

export type MatrixCell = 'E' | 'C' | 'R' | '-';

/** The matrix's columns, in order. */
export const MATRIX_ROLES = ['ouder', 'jeugdige', 'netwerk', 'lokaal_team', 'aanbieder', 'gi', 'verwijzer', 'tafel'] as const;

//                 ouder jeugdige netwerk lokaal_team aanbieder gi verwijzer tafel
const MATRIX = `
gezin            E E R E E E R R
netwerk          E E R E E E - R
doelen           E E C E E E R R
veiligheid       C C C E R E - R
professioneel    - - - E E E - R
tafel            R R - E R E - E
evaluatie        E E R E E E R R
overgang18       E E R E E E - R
`;

/** One row per section: the cell of each role in `MATRIX_ROLES` order. */
export const MATRIX_ROWS: { section: SectionKey; cells: MatrixCell[] }[] = MATRIX.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
  .map(([section, ...cells]) => ({ section: section as SectionKey, cells: cells as MatrixCell[] }));

/** The section titles as the Dutch page renders them (messages/nl.json `sections`, HTML-escaped). */
export const SECTION_TITLES_HTML: Record<SectionKey, string> = {
  gezin: 'Ons gezin',
  netwerk: 'Netwerk',
  doelen: 'Doelen',
  veiligheid: 'Veiligheidsplan',
  professioneel: 'Professionele afwegingen',
  tafel: 'Doorbraaktafel',
  evaluatie: 'Evaluatie &amp; afsluiten',
  overgang18: 'Naar 18+',
};
