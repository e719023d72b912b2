/** The evaluatie and overgang18 readers: what they accept, and that anything malformed is skipped, never trusted. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yItem, yText } from './common';
import { addReview, bigFiveStability, evaluationTypes, readEvaluation, setStable, stabilityNote } from './evaluation';
import { SECTION_READERS } from './index';
import { arrangedText, readTransition18, transition18Types } from './transition18';

describe('readEvaluation', () => {
  it('reads reviews, the stability check and the closing texts', () => {
    const doc = new Y.Doc();
    addReview(doc, { date: '2026-10-01', by: 'Mo Ait Taleb', summary: 'Het gaat beter met school.' });
    setStable(doc, 'support', true);
    stabilityNote(doc, 'support').insert(0, 'Oma Ria is er altijd.');
    setStable(doc, 'wonen', false);
    evaluationTypes(doc).aftercare.insert(0, 'Na drie maanden belt Mo.');
    evaluationTypes(doc).closingReason.insert(0, 'Doelen bereikt.');
    const { value, problems } = readEvaluation(doc);
    expect(problems).toEqual([]);
    expect(value.reviews).toEqual([{ id: expect.any(String), date: '2026-10-01', by: 'Mo Ait Taleb', summary: 'Het gaat beter met school.' }]);
    expect(value.stability).toEqual({ support: { stable: true, note: 'Oma Ria is er altijd.' }, wonen: { stable: false, note: '' } });
    expect(value.aftercare).toBe('Na drie maanden belt Mo.');
    expect(value.closingReason).toBe('Doelen bereikt.');
    expect(SECTION_READERS.evaluatie?.(doc).value).toEqual(value);
  });

  it('skips invalid reviews and stability entries and says why', () => {
    const doc = new Y.Doc();
    const { reviews, stability } = evaluationTypes(doc);
    reviews.push([
      yItem({ id: 'goed-id-12345', date: '2026-01-02', by: yText('Eva'), summary: yText('ok') }),
      yItem({ id: 'x', date: '2026-01-02', by: 'Eva', summary: 'te kort id' }),
      yItem({ id: 'ander-id-12345', date: 'gisteren', by: 'Eva', summary: 'geen datum' }),
      yItem({ id: 'script-id-1234', date: '', by: 'Eva', summary: yText('<script>alert(1)</script>') }),
    ]);
    reviews.push(['geen map']);
    stability.set('support', yItem({ stable: 'ja', note: yText('') }));
    stability.set('Wonen!', yItem({ stable: true, note: yText('') }));
    stability.set('inkomen', true);
    setStable(doc, 'welzijn', true);
    const { value, problems } = readEvaluation(doc);
    expect(value.reviews.map((r) => r.id)).toEqual(['goed-id-12345']);
    expect(Object.keys(value.stability)).toEqual(['welzijn']);
    expect(problems).toHaveLength(6);
    // Anything not validly stable counts as not stable.
    expect(bigFiveStability(value)).toEqual({
      support: { stable: false, note: '' },
      wonen: { stable: false, note: '' },
      school_werk: { stable: false, note: '' },
      inkomen: { stable: false, note: '' },
      welzijn: { stable: true, note: '' },
    });
  });

  it('an empty or missing doc is an empty evaluation with nothing stable', () => {
    expect(readEvaluation(new Y.Doc()).value).toEqual({ reviews: [], stability: {}, aftercare: '', waakvlam: '', closingReason: '' });
    expect(Object.values(bigFiveStability(null)).every((e) => !e.stable)).toBe(true);
  });
});

describe('readTransition18', () => {
  it('reads who directs after 18 and what is arranged per domain; empty domains are absent', () => {
    const doc = new Y.Doc();
    transition18Types(doc).director.insert(0, 'Noah zelf, met hulp van opa Gerrit.');
    arrangedText(doc, 'wonen').insert(0, 'Kamer bij opa tot de zomer.');
    arrangedText(doc, 'inkomen');
    const { value, problems } = readTransition18(doc);
    expect(problems).toEqual([]);
    expect(value).toEqual({ director: 'Noah zelf, met hulp van opa Gerrit.', arranged: { wonen: 'Kamer bij opa tot de zomer.' } });
    expect(SECTION_READERS.overgang18?.(doc).value).toEqual(value);
  });

  it('skips entries with a bad domain key, a non-text value or script', () => {
    const doc = new Y.Doc();
    const { arranged, director } = transition18Types(doc);
    arranged.set('Onzin Domein', yText('x'));
    arranged.set('wonen', 42);
    arranged.set('welzijn', yText('<iframe src=x>'));
    arranged.set('school_werk', yText('MBO 2 in Tiel'));
    director.insert(0, 'javascript:alert(1)');
    const { value, problems } = readTransition18(doc);
    expect(value).toEqual({ director: '', arranged: { school_werk: 'MBO 2 in Tiel' } });
    expect(problems).toHaveLength(4);
  });
});
