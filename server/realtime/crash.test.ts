/**
 * QUALITY.md "Reliability": killing the server (SIGKILL) in the middle of edits loses nothing that a client still
 * holds. The node runs in a child process so the kill is real: no flush, no close frames, no clean shutdown of
 * the database. After a restart on the same port the clients reconnect by themselves and every edit is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docNameFor } from '../../lib/sections';
import { openTestDatabase, reopenTestDatabase, usingPostgres, type TestDatabase } from '../../test/db';
import { buildPlanWithMembers } from '../../test/factories';
import { connectSynced, destroyAllClients, SECRET, spawnRealtimeNode, textOf, waitFor, type ChildNode } from '../../test/realtime';
import { defined } from '../../test/assert';
import { loadStoredState } from './persistence';

const children: ChildNode[] = [];
let tmp: string | null = null;
let database: TestDatabase | null = null;

afterEach(async () => {
  destroyAllClients();
  await Promise.all(children.splice(0).map((c) => c.kill()));
});
afterAll(async () => {
  // A PGlite handle was closed by the test itself before the child took the directory.
  if (usingPostgres) await database?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a killed node', () => {
  it('loses nothing a client still holds: after a restart every replica has every edit, also in storage', { timeout: 120_000 }, async () => {
    // PGlite: a data directory, so a second process can open it after the first was killed.
    tmp = usingPostgres ? null : mkdtempSync(path.join(os.tmpdir(), 'onsplan-crash-'));
    database = await openTestDatabase(tmp ? { dataDir: tmp } : {});
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, {
      moeder: { role: 'ouder', name: 'Sanne' },
      vader: { role: 'ouder', name: 'Mehmet' },
    });
    const target = defined(database.target, 'database target');
    // Only one process may hold a PGlite directory.
    if (!usingPostgres) await database.close();

    const docName = docNameFor(plan.id, 'doelen');
    // Writes wait a minute: at the kill, the server has stored nothing of this session.
    const first = await spawnRealtimeNode({ db: target, flushDelayMs: 60_000 });
    children.push(first);
    const a = await connectSynced({ node: first, docName, cookie: people.moeder.cookie });
    const b = await connectSynced({ node: first, docName, cookie: people.vader.cookie });
    a.doc.getText('body').insert(0, 'A1 ');
    b.doc.getText('notes').insert(0, 'B1 ');
    await waitFor(() => textOf(b.doc) === 'A1 ' && textOf(a.doc, 'notes') === 'B1 ', 'both edits everywhere');

    await first.kill();
    children.splice(children.indexOf(first), 1);
    await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected, 'clients notice');
    // Typing goes on while the server is away.
    a.doc.getText('body').insert(textOf(a.doc).length, 'A2-offline ');
    b.doc.getText('notes').insert(textOf(b.doc, 'notes').length, 'B2-offline ');

    const second = await spawnRealtimeNode({ db: target, port: first.port });
    children.push(second);
    const expected = { body: 'A1 A2-offline ', notes: 'B1 B2-offline ' };
    await waitFor(
      () => [a, b].every((c) => c.provider.synced && textOf(c.doc) === expected.body && textOf(c.doc, 'notes') === expected.notes),
      'every replica converges after the restart',
      30_000,
    );
    const late = await connectSynced({ node: second, docName, cookie: people.moeder.cookie });
    expect(textOf(late.doc)).toBe(expected.body);
    expect(textOf(late.doc, 'notes')).toBe(expected.notes);

    // A graceful stop now stores what the clients brought back.
    destroyAllClients();
    expect(await second.stop()).toBe(0);
    children.splice(children.indexOf(second), 1);
    const check = usingPostgres ? database : await reopenTestDatabase(target);
    try {
      const stored = new Y.Doc();
      await loadStoredState(check.db, docName, stored);
      expect(textOf(stored)).toBe(expected.body);
      expect(textOf(stored, 'notes')).toBe(expected.notes);
    } finally {
      if (!usingPostgres) await check.close();
    }
  });
});
