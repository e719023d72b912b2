/**
 * The gezin shape: two people adding strengths and worries at once both keep their words, each statement carries
 * whose voice it is (from the role, not from a claim), and content the projection must not trust is reported.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yItem, yText } from './common';
import { addFamilyStatement, ASSESSMENT_FIELD, authorSideOf, familyList, readFamily, removeFamilyStatement } from './family';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function paragraph(doc: Y.Doc, field: string, text: string) {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(field).push([p]);
}

describe('authorSideOf', () => {
  it('marks parents, young people and network as the family, everyone else as a professional', () => {
    expect(authorSideOf('ouder')).toBe('gezin');
    expect(authorSideOf('jeugdige')).toBe('gezin');
    expect(authorSideOf('netwerk')).toBe('gezin');
    expect(authorSideOf('lokaal_team')).toBe('professional');
    expect(authorSideOf('gi')).toBe('professional');
    expect(authorSideOf('aanbieder')).toBe('professional');
  });
});

describe('concurrent edits', () => {
  it('keeps statements added at the same time by a parent and a professional, each marked with its side', () => {
    const sanne = new Y.Doc();
    const mo = new Y.Doc();
    const a = addFamilyStatement(sanne, 'strengths', { text: 'Daan voetbalt graag', role: 'ouder', authorName: 'Sanne Jansen' });
    const b = addFamilyStatement(mo, 'strengths', { text: 'Oma Ria helpt op woensdag', role: 'lokaal_team', authorName: 'Mo Ait Taleb' });
    addFamilyStatement(mo, 'worries', { text: 'Daan mist lessen', role: 'lokaal_team', authorName: 'Mo Ait Taleb' });
    sync(sanne, mo);
    for (const doc of [sanne, mo]) {
      const { value, problems } = readFamily(doc);
      expect(problems).toEqual([]);
      expect(value.strengths.map((s) => [s.id, s.by]).sort()).toEqual(
        [
          [a, 'gezin'],
          [b, 'professional'],
        ].sort(),
      );
      expect(value.worries).toHaveLength(1);
      expect(value.worries[0]?.authorName).toBe('Mo Ait Taleb');
    }
  });

  it('merges two people typing in the same statement character by character', () => {
    const sanne = new Y.Doc();
    const id = addFamilyStatement(sanne, 'worries', { text: 'ruzie', role: 'ouder', authorName: 'Sanne Jansen' });
    const peter = new Y.Doc();
    sync(sanne, peter);
    const textIn = (doc: Y.Doc) => familyList(doc, 'worries').get(0) as Y.Map<unknown>;
    (textIn(sanne).get('text') as Y.Text).insert(0, 'Veel ');
    (textIn(peter).get('text') as Y.Text).insert(5, ' bij het wisselen');
    sync(sanne, peter);
    expect(readFamily(sanne).value.worries.find((w) => w.id === id)?.text).toBe('Veel ruzie bij het wisselen');
    expect(readFamily(peter).value.worries[0]?.text).toBe('Veel ruzie bij het wisselen');
  });

  it("keeps the family's own words and the professionals' assessment apart", () => {
    const sanne = new Y.Doc();
    const eva = new Y.Doc();
    paragraph(sanne, 'body', 'Wij willen rust in huis.');
    paragraph(eva, ASSESSMENT_FIELD, 'De spanning rond het wisselen is hoog.');
    sync(sanne, eva);
    const { value } = readFamily(eva);
    expect(value.ownWords).toBe('Wij willen rust in huis.');
    expect(value.assessment).toBe('De spanning rond het wisselen is hoog.');
  });

  it('a removal and a concurrent edit of another statement both hold', () => {
    const sanne = new Y.Doc();
    const gone = addFamilyStatement(sanne, 'strengths', { text: 'weg', role: 'ouder', authorName: 'Sanne' });
    const kept = addFamilyStatement(sanne, 'strengths', { text: 'blijft', role: 'ouder', authorName: 'Sanne' });
    const mo = new Y.Doc();
    sync(sanne, mo);
    expect(removeFamilyStatement(sanne, 'strengths', gone)).toBe(true);
    ((familyList(mo, 'strengths').get(1) as Y.Map<unknown>).get('text') as Y.Text).insert(6, '!');
    sync(sanne, mo);
    expect(readFamily(mo).value.strengths.map((s) => [s.id, s.text])).toEqual([[kept, 'blijft!']]);
    expect(removeFamilyStatement(mo, 'strengths', 'bestaat-niet')).toBe(false);
  });
});

describe('readFamily never trusts invalid content', () => {
  it('skips and reports a script, a wrong side, a missing id and a bad date', () => {
    const doc = new Y.Doc();
    const ok = addFamilyStatement(doc, 'worries', { text: 'Geen geld voor de huur', role: 'ouder', authorName: 'Sanne' });
    const base = { by: 'gezin', authorName: 'X', createdAt: new Date().toISOString() };
    familyList(doc, 'worries').push([
      yItem({ ...base, id: 'script-item-1', text: yText('<script>alert(1)</script>') }),
      yItem({ ...base, id: 'wrong-side-1', text: yText('tekst'), by: 'rechter' }),
      yItem({ ...base, text: yText('zonder id') }),
      yItem({ ...base, id: 'bad-date-001', text: yText('datum'), createdAt: 'gisteren' }),
      'geen map',
    ]);
    const { value, problems } = readFamily(doc);
    expect(value.worries.map((w) => w.id)).toEqual([ok]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/worries\[1\]: text bevat code/);
    expect(problems[1]).toMatch(/worries\[2\]: by/);
    expect(problems[2]).toMatch(/worries\[3\]: id/);
    expect(problems[3]).toMatch(/worries\[4\]: createdAt/);
  });
});
