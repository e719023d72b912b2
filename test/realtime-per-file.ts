/**
 * One realtime node per test file, on the file's database: started before the file's first test, stopped after
 * its last (before the database closes). Kept apart from test/realtime.ts, which the benches load without vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import { openedInBeforeAll } from './database-per-file';
import { startRealtimeNode, type NodeOptions, type RealtimeNode } from './realtime';

/** `options` is read in beforeAll, so it may use the file's database (`databasePerFile()`). */
export function realtimeNodePerFile(options: () => NodeOptions): RealtimeNode {
  let started: RealtimeNode | undefined;
  beforeAll(async () => {
    started = await startRealtimeNode(options());
  });
  afterAll(async () => {
    await started?.stop();
  });
  return openedInBeforeAll(() => started, 'the realtime node starts in beforeAll; use it inside a test or hook');
}
