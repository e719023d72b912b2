/** The netwerk shape: concurrent edits to people merge; content the projection and exports must not trust is reported. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yItem, yText } from './common';
import { addNetworkPerson, networkPeople, readNetwork, removeNetworkPerson, updateNetworkPerson } from './network';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const personMap = (doc: Y.Doc, id: string) =>
  networkPeople(doc)
    .toArray()
    .find((m) => m instanceof Y.Map && m.get('id') === id) as Y.Map<unknown>;

describe('concurrent edits', () => {
  it('keeps people added at once and merges edits to different fields of one person', () => {
    const sanne = new Y.Doc();
    const ria = addNetworkPerson(sanne, { name: 'Oma Ria', relation: 'oma', kind: 'familie', closeness: 1 });
    const mo = new Y.Doc();
    sync(sanne, mo);
    const eva = addNetworkPerson(mo, { name: 'Eva Bakker', relation: 'hulpverlener De Linde', kind: 'professional', closeness: 2 });
    addNetworkPerson(sanne, { name: 'Meester Joris', relation: 'mentor', kind: 'school', closeness: 3 });
    // Sanne types how to reach Ria while Mo sets when they last spoke and what she does.
    (personMap(sanne, ria).get('contact') as Y.Text).insert(0, '06-12345678');
    updateNetworkPerson(mo, ria, { lastContact: '2026-05-01' });
    (personMap(mo, ria).get('whatTheyDo') as Y.Text).insert(0, 'Past op woensdag op de kinderen');
    sync(sanne, mo);
    for (const doc of [sanne, mo]) {
      const { value, problems } = readNetwork(doc);
      expect(problems).toEqual([]);
      expect(value.people).toHaveLength(3);
      expect(value.people.find((p) => p.id === ria)).toMatchObject({
        name: 'Oma Ria',
        contact: '06-12345678',
        lastContact: '2026-05-01',
        whatTheyDo: 'Past op woensdag op de kinderen',
        closeness: 1,
        kind: 'familie',
      });
      expect(value.people.find((p) => p.id === eva)?.kind).toBe('professional');
    }
  });

  it('two people typing in the same name both keep their characters', () => {
    const a = new Y.Doc();
    const id = addNetworkPerson(a, { name: 'Kees' });
    const b = new Y.Doc();
    sync(a, b);
    (personMap(a, id).get('name') as Y.Text).insert(0, 'Buurman ');
    (personMap(b, id).get('name') as Y.Text).insert(4, ' van Dam');
    sync(a, b);
    expect(readNetwork(a).value.people[0]?.name).toBe('Buurman Kees van Dam');
  });

  it('removing one person while another is edited keeps the edit', () => {
    const a = new Y.Doc();
    const gone = addNetworkPerson(a, { name: 'Weg' });
    const kept = addNetworkPerson(a, { name: 'Blijft' });
    const b = new Y.Doc();
    sync(a, b);
    expect(removeNetworkPerson(a, gone)).toBe(true);
    expect(updateNetworkPerson(b, kept, { closeness: 3 })).toBe(true);
    sync(a, b);
    expect(readNetwork(b).value.people.map((p) => [p.id, p.closeness])).toEqual([[kept, 3]]);
    expect(updateNetworkPerson(b, 'bestaat-niet', { closeness: 1 })).toBe(false);
  });
});

describe('readNetwork never trusts invalid content', () => {
  it('skips and reports a script, a wrong kind, a missing id, a bad closeness and a bad date', () => {
    const doc = new Y.Doc();
    const ok = addNetworkPerson(doc, { name: 'Oma Ria', kind: 'familie', closeness: 1 });
    const base = () => ({ name: yText('X'), relation: '', kind: 'vriend', whatTheyDo: yText(''), contact: yText(''), lastContact: '', closeness: 2 });
    networkPeople(doc).push([
      yItem({ ...base(), id: 'script-person', name: yText('<img src=x onerror=alert(1)>') }),
      yItem({ ...base(), id: 'wrong-kind-01', kind: 'vijand' }),
      yItem({ ...base() }),
      yItem({ ...base(), id: 'closeness-099', closeness: 9 }),
      yItem({ ...base(), id: 'bad-date-0001', lastContact: '1 mei' }),
    ]);
    const { value, problems } = readNetwork(doc);
    expect(value.people.map((p) => p.id)).toEqual([ok]);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/people\[1\]: name bevat code/);
    expect(problems[1]).toMatch(/people\[2\]: kind/);
    expect(problems[2]).toMatch(/people\[3\]: id/);
    expect(problems[3]).toMatch(/people\[4\]: closeness/);
    expect(problems[4]).toMatch(/people\[5\]: lastContact/);
  });
});
