/**
 * The doelen section's structured content (DOMAIN.md "Doelen"): goals grouped by life domain, each with the
 * goal in the family's words, for whom, owner, status, what is different when it is reached, a review date and
 * actions (wie doet wat wanneer). The section's rich text (`body`) stays as "Toelichting" below the goals.
 *
 * Shape in the Y.Doc: `goals` is a Y.Array of Y.Maps, one key per field, so two people changing different fields
 * of one goal never overwrite each other; the texts people write (`words`, `whenReached`, an action's `what`) are
 * Y.Text, so two people typing in the same field both keep their words. Short picks (status, owner, dates) are
 * plain values: the last choice wins, which is what a select or date input means.
 * Ratings are not here: they are server records (db/queries/ratings.ts), never overwritten.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { DomainKey } from '../bigfive';
import { indexOfItem, ItemId, mapsOf, newItemId, OptionalDate, SafeText, textOf, validateItems, yItem, yText, type ReadResult } from './common';

/** Name of the Y.Array holding the goals. */
export const GOALS_FIELD = 'goals';

export const GOAL_STATUSES = ['open', 'bezig', 'bereikt', 'gestopt'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const ActionJson = z.object({
  id: ItemId,
  what: SafeText(500),
  owner: SafeText(120),
  due: OptionalDate,
  done: z.boolean(),
});
export type ActionJson = z.infer<typeof ActionJson>;

/** A goal without its actions (actions are validated one by one, so one bad action does not hide its goal). */
const GoalFields = z.object({
  id: ItemId,
  domain: DomainKey,
  words: SafeText(2000),
  forWhom: SafeText(120),
  owner: SafeText(120),
  status: z.enum(GOAL_STATUSES),
  whenReached: SafeText(2000),
  reviewDate: OptionalDate,
  createdAt: z.union([z.literal(''), z.iso.datetime()]),
});

export const GoalJson = GoalFields.extend({ actions: z.array(ActionJson) });
export type GoalJson = z.infer<typeof GoalJson>;

/** The goals array of a doelen doc (created empty on first use). */
export function goalsOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(GOALS_FIELD);
}

/** The actions array of a goal map; malformed content reads as no actions. */
export function actionsOf(goal: Y.Map<unknown>): Y.Array<Y.Map<unknown>> | null {
  const actions = goal.get('actions');
  return actions instanceof Y.Array ? (actions as Y.Array<Y.Map<unknown>>) : null;
}

function rawAction(m: Y.Map<unknown>) {
  return { id: m.get('id'), what: textOf(m.get('what')), owner: m.get('owner'), due: m.get('due'), done: m.get('done') };
}

function rawGoal(m: Y.Map<unknown>) {
  return {
    id: m.get('id'),
    domain: m.get('domain'),
    words: textOf(m.get('words')),
    forWhom: m.get('forWhom'),
    owner: m.get('owner'),
    status: m.get('status'),
    whenReached: textOf(m.get('whenReached')),
    reviewDate: m.get('reviewDate'),
    createdAt: m.get('createdAt'),
  };
}

/**
 * The goals of a doelen doc as validated JSON. Goals that fail validation (unknown domain, missing id, script in a
 * field, …) are skipped and reported; so are invalid actions, without hiding the goal they belong to. When
 * `domains` is given (the region's domains), a goal in any other domain is skipped too.
 */
export function readGoals(doc: Y.Doc, options: { domains?: readonly string[] } = {}): ReadResult<GoalJson[]> {
  const maps = mapsOf(goalsOf(doc) as Y.Array<unknown>);
  const problems: string[] = [];
  const skipped = goalsOf(doc).length - maps.length;
  if (skipped > 0) problems.push(`goals: ${skipped} onderdeel/onderdelen zonder de vorm van een doel`);
  const value: GoalJson[] = [];
  maps.forEach((m, i) => {
    const parsed = GoalFields.safeParse(rawGoal(m));
    if (!parsed.success) {
      problems.push(`goals[${i}]: ${parsed.error.issues.map((x) => `${x.path.join('.') || '(item)'} ${x.message}`).join('; ')}`);
      return;
    }
    const goal = parsed.data;
    if (options.domains && !options.domains.includes(goal.domain)) {
      problems.push(`goals[${i}]: domain ${goal.domain} hoort niet bij deze regio`);
      return;
    }
    const actions = actionsOf(m);
    const rawActions = actions ? mapsOf(actions as Y.Array<unknown>).map(rawAction) : [];
    if (actions && rawActions.length < actions.length) problems.push(`goals[${i}].actions: onderdelen zonder de vorm van een actie`);
    const checkedActions = validateItems(rawActions, ActionJson, `goals[${i}].actions`);
    problems.push(...checkedActions.problems);
    value.push({ ...goal, actions: checkedActions.items });
  });
  return { value, problems };
}

// --- mutations: each change is one transaction, so others see it whole ---

export interface NewAction {
  id?: string;
  what?: string;
  owner?: string;
  due?: string;
  done?: boolean;
}

export interface NewGoal {
  id?: string;
  domain: string;
  words?: string;
  forWhom?: string;
  owner?: string;
  status?: GoalStatus;
  whenReached?: string;
  reviewDate?: string;
  createdAt?: string;
  actions?: NewAction[];
}

function actionMap(init: NewAction): Y.Map<unknown> {
  return yItem({
    id: init.id ?? newItemId(),
    what: yText(init.what ?? ''),
    owner: init.owner ?? '',
    due: init.due ?? '',
    done: init.done ?? false,
  });
}

/** The goal map with this id, or null. */
export function findGoal(doc: Y.Doc, goalId: string): Y.Map<unknown> | null {
  const i = indexOfItem(goalsOf(doc) as Y.Array<unknown>, goalId);
  return i < 0 ? null : (goalsOf(doc).get(i) ?? null);
}

/** The action map with this id inside the goal, or null. */
function findAction(doc: Y.Doc, goalId: string, actionId: string): Y.Map<unknown> | null {
  const goal = findGoal(doc, goalId);
  const actions = goal && actionsOf(goal);
  if (!actions) return null;
  const i = indexOfItem(actions as Y.Array<unknown>, actionId);
  return i < 0 ? null : (actions.get(i) ?? null);
}

/** Appends a goal (with its actions) in one transaction; returns its id. */
export function addGoal(doc: Y.Doc, init: NewGoal): string {
  const id = init.id ?? newItemId();
  doc.transact(() => {
    const actions = new Y.Array<Y.Map<unknown>>();
    actions.push((init.actions ?? []).map(actionMap));
    goalsOf(doc).push([
      yItem({
        id,
        domain: init.domain,
        words: yText(init.words ?? ''),
        forWhom: init.forWhom ?? '',
        owner: init.owner ?? '',
        status: init.status ?? 'open',
        whenReached: yText(init.whenReached ?? ''),
        reviewDate: init.reviewDate ?? '',
        createdAt: init.createdAt ?? new Date().toISOString(),
        actions,
      }),
    ]);
  });
  return id;
}

/** Removes a goal; false when there is no such goal. */
export function removeGoal(doc: Y.Doc, goalId: string): boolean {
  let removed = false;
  doc.transact(() => {
    const i = indexOfItem(goalsOf(doc) as Y.Array<unknown>, goalId);
    if (i < 0) return;
    goalsOf(doc).delete(i, 1);
    removed = true;
  });
  return removed;
}

/** The plain (last-choice-wins) fields of a goal; the texts are Y.Text and edited in place. */
export type GoalPick = 'domain' | 'forWhom' | 'owner' | 'status' | 'reviewDate';

/** Sets one plain field of a goal, leaving every other field alone; false when there is no such goal. */
export function setGoalField(doc: Y.Doc, goalId: string, key: GoalPick, value: string): boolean {
  let done = false;
  doc.transact(() => {
    const goal = findGoal(doc, goalId);
    if (!goal || goal.get(key) === value) return;
    goal.set(key, value);
    done = true;
  });
  return done;
}

/** Appends an action to a goal; returns its id, or null when there is no such goal. */
export function addAction(doc: Y.Doc, goalId: string, init: NewAction = {}): string | null {
  const id = init.id ?? newItemId();
  let added = false;
  doc.transact(() => {
    const goal = findGoal(doc, goalId);
    if (!goal) return;
    let actions = actionsOf(goal);
    if (!actions) {
      // Heals a goal whose actions list was lost or malformed.
      actions = new Y.Array<Y.Map<unknown>>();
      goal.set('actions', actions);
    }
    actions.push([actionMap({ ...init, id })]);
    added = true;
  });
  return added ? id : null;
}

/** Removes an action; false when there is no such goal or action. */
export function removeAction(doc: Y.Doc, goalId: string, actionId: string): boolean {
  let removed = false;
  doc.transact(() => {
    const goal = findGoal(doc, goalId);
    const actions = goal && actionsOf(goal);
    if (!actions) return;
    const i = indexOfItem(actions as Y.Array<unknown>, actionId);
    if (i < 0) return;
    actions.delete(i, 1);
    removed = true;
  });
  return removed;
}

/** Sets an action's owner or due date; false when there is no such action. */
export function setActionField(doc: Y.Doc, goalId: string, actionId: string, key: 'owner' | 'due', value: string): boolean {
  let done = false;
  doc.transact(() => {
    const action = findAction(doc, goalId, actionId);
    if (!action || action.get(key) === value) return;
    action.set(key, value);
    done = true;
  });
  return done;
}

/** Marks an action done or not; false when there is no such action. */
export function setActionDone(doc: Y.Doc, goalId: string, actionId: string, value: boolean): boolean {
  let done = false;
  doc.transact(() => {
    const action = findAction(doc, goalId, actionId);
    if (!action || action.get('done') === value) return;
    action.set('done', value);
    done = true;
  });
  return done;
}

// --- what stands out on the screen and on the regisseur's dashboard ---

/** Today as YYYY-MM-DD in the device's time zone (what "te laat" means to the person looking). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An action is overdue when it has a due date before today and is not done. */
export function isActionOverdue(action: { due: string; done: boolean }, today: string): boolean {
  return !action.done && action.due !== '' && action.due < today;
}

/** A goal needs its review when its review date is today or past, unless it is reached or stopped. */
export function isReviewDue(goal: { reviewDate: string; status: string }, today: string): boolean {
  return goal.reviewDate !== '' && goal.reviewDate <= today && goal.status !== 'bereikt' && goal.status !== 'gestopt';
}
