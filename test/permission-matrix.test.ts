/** The hand-copied matrix covers every section once, in order, with every role, and its titles are nl.json's. */
import { describe, expect, it } from 'vitest';
import nl from '../messages/nl.json';
import { PLAN_ROLES } from '../lib/roles';
import { SECTION_KEYS } from '../lib/sections';
import { MATRIX_ROLES, MATRIX_ROWS, SECTION_TITLES_HTML } from './permission-matrix';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('the hand-copied permission matrix', () => {
  it('has one row per section, in the canonical order, and one cell per role', () => {
    expect(MATRIX_ROWS.map((r) => r.section)).toEqual([...SECTION_KEYS]);
    expect([...MATRIX_ROLES].sort()).toEqual([...PLAN_ROLES].sort());
    for (const row of MATRIX_ROWS) {
      expect(row.cells, row.section).toHaveLength(MATRIX_ROLES.length);
      for (const cell of row.cells) expect(['E', 'C', 'R', '-']).toContain(cell);
    }
  });

  it('names each section as the Dutch page does', () => {
    const expected = Object.fromEntries(SECTION_KEYS.map((k) => [k, escapeHtml(nl.sections[k])]));
    expect(SECTION_TITLES_HTML).toEqual(expected);
  });
});
