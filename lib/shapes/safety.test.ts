/**
 * The veiligheid shape: two professionals adding and editing agreements at once both keep their work; recording a
 * broken agreement changes the agreement and the plan in one step; the reader reports what must not be trusted.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yItem, yText } from './common';
import {
  addAgreement,
  addSafetyText,
  addWatcher,
  readSafety,
  recordBrokenAgreement,
  removeSafetyItem,
  restoreAgreement,
  safetyArray,
  safetyMeta,
  setSafetyMeta,
  updateAgreement,
} from './safety';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const agreementMap = (doc: Y.Doc, id: string) =>
  safetyArray(doc, 'agreements')
    .toArray()
    .find((m) => m instanceof Y.Map && m.get('id') === id) as Y.Map<unknown>;

describe('concurrent edits', () => {
  it('keeps agreements, worries and watchers added at once, and merges edits inside one agreement', () => {
    const fatima = new Y.Doc();
    const shared = addAgreement(fatima, { what: 'Youssef belt Kees als hij boos wordt', who: 'Youssef', when: 'altijd' });
    const mo = new Y.Doc();
    sync(fatima, mo);
    const fromFatima = addAgreement(fatima, { what: 'Adam slaapt bij oma als het thuis niet veilig is' });
    const fromMo = addAgreement(mo, { what: 'Wekelijks huisbezoek' });
    addSafetyText(fatima, 'worries', 'Geweld tussen de ouders');
    addSafetyText(mo, 'goals', 'De kinderen voelen zich veilig thuis');
    addWatcher(mo, { name: 'Kees van Dam', role: 'buurman' });
    // Both type in the same agreement: Fatima in "what happens if not", Mo in "what"; Mo also sets "when".
    (agreementMap(fatima, shared).get('ifNot') as Y.Text).insert(0, 'Fatima wordt gebeld');
    (agreementMap(mo, shared).get('what') as Y.Text).insert(0, 'Afspraak 1: ');
    updateAgreement(mo, shared, { when: 'dag en nacht' });
    sync(fatima, mo);
    for (const doc of [fatima, mo]) {
      const { value, problems } = readSafety(doc);
      expect(problems).toEqual([]);
      expect(value.agreements.map((a) => a.id).sort()).toEqual([shared, fromFatima, fromMo].sort());
      expect(value.agreements.find((a) => a.id === shared)).toMatchObject({
        what: 'Afspraak 1: Youssef belt Kees als hij boos wordt',
        ifNot: 'Fatima wordt gebeld',
        when: 'dag en nacht',
        who: 'Youssef',
        status: 'geldt',
        discussedWithFamily: null,
      });
      expect(value.worries.map((w) => w.text)).toEqual(['Geweld tussen de ouders']);
      expect(value.goals.map((g) => g.text)).toEqual(['De kinderen voelen zich veilig thuis']);
      expect(value.watchers).toMatchObject([{ name: 'Kees van Dam', role: 'buurman' }]);
      expect(value.meta).toEqual({ status: 'concept', reviewDate: '' });
    }
  });

  it('a broken agreement recorded while someone else edits it keeps both, and the plan becomes verbroken', () => {
    const fatima = new Y.Doc();
    const id = addAgreement(fatima, { what: 'Geen alcohol in huis' });
    setSafetyMeta(fatima, { status: 'afgesproken', reviewDate: '2026-09-01' });
    const mo = new Y.Doc();
    sync(fatima, mo);
    expect(recordBrokenAgreement(fatima, { agreementId: id, discussedWithFamily: false, escalated: true, day: '2026-06-02' })).toBe(true);
    (agreementMap(mo, id).get('what') as Y.Text).insert(20, ' en drugs');
    sync(fatima, mo);
    const { value, problems } = readSafety(mo);
    expect(problems).toEqual([]);
    expect(value.meta).toEqual({ status: 'verbroken', reviewDate: '2026-09-01' });
    expect(value.agreements[0]).toMatchObject({
      what: 'Geen alcohol in huis en drugs',
      status: 'verbroken',
      brokenAt: '2026-06-02',
      discussedWithFamily: false,
      notDiscussedReason: '',
      escalated: true,
    });
    expect(restoreAgreement(mo, id)).toBe(true);
    expect(readSafety(mo).value.agreements[0]?.status).toBe('geldt');
    expect(recordBrokenAgreement(mo, { agreementId: 'onbekend-id', discussedWithFamily: true, escalated: false, day: '2026-06-02' })).toBe(false);
  });

  it('removes items from each list', () => {
    const doc = new Y.Doc();
    const w = addWatcher(doc, { name: 'Kees' });
    const g = addSafetyText(doc, 'strengths', 'Oma is er elke dag');
    expect(removeSafetyItem(doc, 'watchers', w)).toBe(true);
    expect(removeSafetyItem(doc, 'strengths', g)).toBe(true);
    expect(removeSafetyItem(doc, 'strengths', g)).toBe(false);
    expect(readSafety(doc).value).toMatchObject({ watchers: [], strengths: [] });
  });
});

describe('readSafety never trusts invalid content', () => {
  it('skips and reports a script, a wrong status, a missing id, a wrong discussed value and a wrong meta status', () => {
    const doc = new Y.Doc();
    const ok = addAgreement(doc, { what: 'Geen alcohol in huis' });
    const base = () => ({
      what: yText('x'),
      who: '',
      when: '',
      ifNot: yText(''),
      status: 'geldt',
      brokenAt: '',
      discussedWithFamily: null,
      notDiscussedReason: '',
      escalated: false,
    });
    safetyArray(doc, 'agreements').push([
      yItem({ ...base(), id: 'script-agree-1', what: yText('<script>fetch("//x")</script>') }),
      yItem({ ...base(), id: 'status-wrong-1', status: 'misschien' }),
      yItem({ ...base() }),
      yItem({ ...base(), id: 'discussed-bad1', status: 'verbroken', brokenAt: '2026-01-01', discussedWithFamily: 'misschien' }),
    ]);
    safetyArray(doc, 'worries').push([yItem({ id: 'worry-script-1', text: yText('javascript:alert(1)') })]);
    safetyArray(doc, 'watchers').push([yItem({ name: 'Kees', role: 'buurman' })]);
    safetyMeta(doc).set('status', 'opgelost');
    const { value, problems } = readSafety(doc);
    expect(value.agreements.map((a) => a.id)).toEqual([ok]);
    expect(value.worries).toEqual([]);
    expect(value.watchers).toEqual([]);
    expect(value.meta.status).toBe('concept');
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/meta: status/);
    expect(problems.join('\n')).toMatch(/agreements\[1\]: what bevat code/);
    expect(problems.join('\n')).toMatch(/agreements\[2\]: status/);
    expect(problems.join('\n')).toMatch(/agreements\[3\]: id/);
    expect(problems.join('\n')).toMatch(/agreements\[4\]: discussedWithFamily/);
    expect(problems.join('\n')).toMatch(/worries\[0\]: text bevat code/);
    expect(problems.join('\n')).toMatch(/watchers\[0\]: id/);
  });
});
