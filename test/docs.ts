/**
 * Raw Yjs items for tests that craft what a broken or hostile client could put in a doc, bypassing the shape
 * helpers: only the fields a test cares about are given, the rest are the valid defaults.
 */
import * as Y from 'yjs';
import { yItem, yText } from '../lib/shapes/common';

/** A goal map as lib/shapes/goals stores one, with `fields` over valid defaults (no id, domain or words). */
export function rawGoal(fields: Record<string, unknown>): Y.Map<unknown> {
  return yItem({
    forWhom: '',
    owner: '',
    status: 'open',
    whenReached: yText(''),
    reviewDate: '',
    createdAt: '',
    actions: new Y.Array(),
    ...fields,
  });
}
