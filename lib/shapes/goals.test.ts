/**
 * The doelen shape: what two people editing the same goals at once would notice (nobody's work is lost), and what
 * the projection and exports must never trust (invalid goals and actions are skipped and reported).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yItem, yText } from './common';
import {
  actionsOf,
  addAction,
  addGoal,
  findGoal,
  goalsOf,
  isActionOverdue,
  isReviewDue,
  readGoals,
  removeAction,
  removeGoal,
  setActionDone,
  setActionField,
  setGoalField,
} from './goals';
import { rawGoal } from '../../test/docs';

/** Two replicas that exchange everything they have, as the server would relay it. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function textField(doc: Y.Doc, goalId: string, key: string): Y.Text {
  const t = findGoal(doc, goalId)?.get(key);
  if (!(t instanceof Y.Text)) throw new Error(`no Y.Text ${key}`);
  return t;
}

describe('two people editing the goals at once', () => {
  it("keeps both people's words, fields, actions and goals", () => {
    const mo = new Y.Doc();
    const sanne = new Y.Doc();
    const goalId = addGoal(mo, { domain: 'wonen', words: 'Rust in huis', forWhom: 'het hele gezin' });
    sync(mo, sanne);

    // At the same time, offline from each other:
    // Mo types at the end of the words, sets the owner and adds an action.
    textField(mo, goalId, 'words').insert('Rust in huis'.length, ', ook bij het wisselen');
    setGoalField(mo, goalId, 'owner', 'Mo Ait Taleb');
    const moAction = addAction(mo, goalId, { what: 'Afspraken over wisselen op papier', owner: 'Mo', due: '2026-09-01' });
    // Sanne types at the start of the same words, writes what is different, sets the status and review date,
    // adds her own action and a second goal.
    textField(sanne, goalId, 'words').insert(0, 'Meer ');
    textField(sanne, goalId, 'whenReached').insert(0, 'We eten weer samen aan tafel.');
    setGoalField(sanne, goalId, 'status', 'bezig');
    setGoalField(sanne, goalId, 'reviewDate', '2026-10-01');
    const sanneAction = addAction(sanne, goalId, { what: 'Oma Ria brengt Daan woensdag naar voetbal', owner: 'Ria Jansen' });
    const secondGoal = addGoal(sanne, { domain: 'school_werk', words: 'Daan gaat weer naar school' });

    sync(mo, sanne);

    for (const doc of [mo, sanne]) {
      const { value, problems } = readGoals(doc);
      expect(problems).toEqual([]);
      expect(value.map((g) => g.id).sort()).toEqual([goalId, secondGoal].sort());
      const goal = value.find((g) => g.id === goalId);
      expect(goal?.words).toBe('Meer Rust in huis, ook bij het wisselen');
      expect(goal?.whenReached).toBe('We eten weer samen aan tafel.');
      expect(goal?.owner).toBe('Mo Ait Taleb');
      expect(goal?.status).toBe('bezig');
      expect(goal?.reviewDate).toBe('2026-10-01');
      expect(goal?.forWhom).toBe('het hele gezin');
      expect(goal?.actions.map((a) => a.id).sort()).toEqual([moAction, sanneAction].sort());
    }
    expect(readGoals(mo).value).toEqual(readGoals(sanne).value);
  });

  it('keeps an action ticked off by one while the other edits its text and due date', () => {
    const a = new Y.Doc();
    const goalId = addGoal(a, { domain: 'inkomen', words: 'Schulden op een rij', actions: [{ id: 'action-0001', what: 'Bel de schuldhulp' }] });
    const b = new Y.Doc();
    sync(a, b);
    setActionDone(a, goalId, 'action-0001', true);
    const what = actionsOf(findGoal(b, goalId) as Y.Map<unknown>)
      ?.get(0)
      ?.get('what') as Y.Text;
    what.insert(what.length, ' (maandag)');
    setActionField(b, goalId, 'action-0001', 'due', '2026-07-06');
    sync(a, b);
    const action = readGoals(a).value[0]?.actions[0];
    expect(action).toEqual({ id: 'action-0001', what: 'Bel de schuldhulp (maandag)', owner: '', due: '2026-07-06', done: true });
    expect(readGoals(b).value).toEqual(readGoals(a).value);
  });

  it('a goal removed by one is gone for both, even when the other edited it meanwhile', () => {
    const a = new Y.Doc();
    const keep = addGoal(a, { domain: 'welzijn', words: 'Beter slapen' });
    const drop = addGoal(a, { domain: 'support', words: 'Een maatje' });
    const b = new Y.Doc();
    sync(a, b);
    expect(removeGoal(a, drop)).toBe(true);
    textField(b, drop, 'words').insert(0, 'Nog ');
    sync(a, b);
    expect(readGoals(a).value.map((g) => g.id)).toEqual([keep]);
    expect(readGoals(b).value.map((g) => g.id)).toEqual([keep]);
  });
});

describe('mutation helpers', () => {
  it('report false for goals and actions that do not exist, and change nothing', () => {
    const doc = new Y.Doc();
    const goalId = addGoal(doc, { domain: 'wonen' });
    const before = Y.encodeStateVector(doc);
    expect(removeGoal(doc, 'does-not-exist')).toBe(false);
    expect(addAction(doc, 'does-not-exist')).toBeNull();
    expect(removeAction(doc, goalId, 'does-not-exist')).toBe(false);
    expect(setActionDone(doc, goalId, 'does-not-exist', true)).toBe(false);
    expect(setGoalField(doc, 'does-not-exist', 'status', 'bezig')).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('do each change in one transaction (one update for others to apply)', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const goalId = addGoal(doc, { domain: 'wonen', words: 'Een eigen huis', actions: [{ what: 'Inschrijven woningnet' }, { what: 'Urgentie aanvragen' }] });
    expect(updates).toHaveLength(1);
    addAction(doc, goalId, { what: 'Bezichtiging' });
    expect(updates).toHaveLength(2);
    expect(readGoals(doc).value[0]?.actions.map((a) => a.what)).toEqual(['Inschrijven woningnet', 'Urgentie aanvragen', 'Bezichtiging']);
  });
});

describe('reading goals that cannot be trusted', () => {
  it('skips and reports a wrong domain, a missing id and a script in the words, keeping the valid goals', () => {
    const doc = new Y.Doc();
    const good = addGoal(doc, { domain: 'wonen', words: 'Een eigen huis' });
    const goals = goalsOf(doc);
    doc.transact(() => {
      goals.push([
        rawGoal({ id: 'wrong-domain-1', domain: 'Wonen & Werk', words: yText('x') }),
        rawGoal({ domain: 'welzijn', words: yText('zonder id') }),
        rawGoal({ id: 'scripted-01', domain: 'support', words: yText('<script>alert(1)</script>') }),
        rawGoal({ id: 'bad-status-1', domain: 'support', words: yText('ok'), status: 'klaar' }),
        rawGoal({ id: 'bad-date-01', domain: 'support', words: yText('ok'), reviewDate: 'morgen' }),
      ]);
      (goals as unknown as Y.Array<unknown>).push(['not a goal']);
    });
    const { value, problems } = readGoals(doc);
    expect(value.map((g) => g.id)).toEqual([good]);
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/goals\[1\]: domain/);
    expect(problems.join('\n')).toMatch(/goals\[2\]: id/);
    expect(problems.join('\n')).toMatch(/goals\[3\]: words bevat code/);
    expect(problems.join('\n')).toMatch(/goals\[4\]: status/);
    expect(problems.join('\n')).toMatch(/goals\[5\]: reviewDate/);
    expect(problems.join('\n')).toMatch(/zonder de vorm van een doel/);
  });

  it('skips and reports invalid actions without hiding their goal', () => {
    const doc = new Y.Doc();
    const goalId = addGoal(doc, { domain: 'school_werk', words: 'Diploma halen', actions: [{ id: 'good-action', what: 'Huiswerk dinsdag' }] });
    addAction(doc, goalId, { what: '<iframe src="https://evil.example">' });
    addAction(doc, goalId, { id: 'bad-due-01', what: 'ok', due: '1-9-2026' });
    const actions = actionsOf(findGoal(doc, goalId) as Y.Map<unknown>);
    doc.transact(() => actions?.push([yItem({ what: yText('zonder id'), owner: '', due: '', done: false })]));
    const { value, problems } = readGoals(doc);
    expect(value).toHaveLength(1);
    expect(value[0]?.actions.map((a) => a.id)).toEqual(['good-action']);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/goals\[0\]\.actions\[1\]: what bevat code/);
    expect(problems.join('\n')).toMatch(/goals\[0\]\.actions\[2\]: due/);
    expect(problems.join('\n')).toMatch(/goals\[0\]\.actions\[3\]: id/);
  });

  it("skips goals outside the region's domains when the domains are given", () => {
    const doc = new Y.Doc();
    addGoal(doc, { domain: 'wonen' });
    addGoal(doc, { domain: 'opvoeden' });
    expect(readGoals(doc).value).toHaveLength(2); // a region key is a valid key
    const { value, problems } = readGoals(doc, { domains: ['support', 'wonen', 'school_werk', 'inkomen', 'welzijn'] });
    expect(value.map((g) => g.domain)).toEqual(['wonen']);
    expect(problems).toEqual(['goals[1]: domain opvoeden hoort niet bij deze regio']);
  });

  it('reads an empty doc as no goals and no problems', () => {
    expect(readGoals(new Y.Doc())).toEqual({ value: [], problems: [] });
  });
});

describe('what stands out', () => {
  const today = '2026-07-15';
  it('an action is overdue only when its due date is past and it is not done', () => {
    expect(isActionOverdue({ due: '2026-07-14', done: false }, today)).toBe(true);
    expect(isActionOverdue({ due: '2026-07-15', done: false }, today)).toBe(false);
    expect(isActionOverdue({ due: '2026-07-14', done: true }, today)).toBe(false);
    expect(isActionOverdue({ due: '', done: false }, today)).toBe(false);
  });
  it('a review is due on or after its date, unless the goal is reached or stopped', () => {
    expect(isReviewDue({ reviewDate: '2026-07-15', status: 'bezig' }, today)).toBe(true);
    expect(isReviewDue({ reviewDate: '2026-07-16', status: 'open' }, today)).toBe(false);
    expect(isReviewDue({ reviewDate: '2026-07-01', status: 'bereikt' }, today)).toBe(false);
    expect(isReviewDue({ reviewDate: '', status: 'open' }, today)).toBe(false);
  });
});
