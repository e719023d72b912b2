/**
 * Storage of live documents: each client update stored once with its author, batched into few writes; the state
 * survives a restart; compaction keeps the content while shrinking the log.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '../../db/client';
import { countUpdates, loadUpdates } from '../../db/queries/yjs';
import { yjsUpdates } from '../../db/schema';
import { docNameFor } from '../../lib/sections';
import { openTestDatabase } from '../../test/db';
import { buildPlan, buildPlanWithMembers, buildUser } from '../../test/factories';
import { connectSynced, destroyAllClients, SECRET, startRealtimeNode, textOf, waitFor } from '../../test/realtime';
import { defined } from '../../test/assert';
import { compactDoc, loadStoredState, UpdateWriter } from './persistence';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await database?.close();
});

async function rowsOf(docName: string) {
  return database.db.select().from(yjsUpdates).where(eq(yjsUpdates.doc, docName)).orderBy(asc(yjsUpdates.id));
}

/** Reads a doc as a fresh node would: every stored row applied to an empty Y.Doc. */
async function reload(docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  await loadStoredState(database.db, docName, doc);
  return doc;
}

/** Records the updates of a local doc as a client would send them: one per keystroke. */
function typist(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
}

describe('UpdateWriter', () => {
  it('writes many updates in one statement per flush, one row per run of one author', async () => {
    const plan = await buildPlan(database.db);
    const [sanne, mehmet] = [await buildUser(database.db, { name: 'Sanne' }), await buildUser(database.db, { name: 'Mehmet' })];
    const docName = docNameFor(plan.id, 'gezin');
    // A long delay: this test decides when to flush.
    const writer = new UpdateWriter(database.db, docName, {
      flushDelayMs: 60_000,
      compactAfterRows: 10_000,
      onError: (e) => {
        throw e;
      },
    });

    const doc = new Y.Doc();
    const updates = typist(doc);
    const text = doc.getText('body');
    const authors: string[] = [];
    const type = (who: string, s: string) => {
      for (const ch of s) {
        text.insert(text.length, ch);
        writer.add(defined(updates.at(-1)), who);
        authors.push(who);
      }
    };
    type(sanne.id, 'Wij willen rust. ');
    type(mehmet.id, 'En een vaste avond. ');
    type(sanne.id, 'Zondag samen eten.');
    expect(authors.length).toBeGreaterThan(40);
    await writer.flush();

    expect(writer.writes).toBe(1);
    const rows = await rowsOf(docName);
    expect(rows.map((r) => r.userId)).toEqual([sanne.id, mehmet.id, sanne.id]);
    expect(textOf(await reload(docName))).toBe('Wij willen rust. En een vaste avond. Zondag samen eten.');

    // Mehmet's row holds exactly his words: attribution survives the batching.
    const mehmetsRow = new Y.Doc();
    Y.applyUpdate(mehmetsRow, defined(rows[0]).update);
    Y.applyUpdate(mehmetsRow, defined(rows[1]).update);
    expect(textOf(mehmetsRow)).toBe('Wij willen rust. En een vaste avond. ');
  });

  it('flushes on its own after the delay, once for a burst', async () => {
    const plan = await buildPlan(database.db);
    const user = await buildUser(database.db);
    const docName = docNameFor(plan.id, 'doelen');
    const writer = new UpdateWriter(database.db, docName, {
      flushDelayMs: 20,
      compactAfterRows: 10_000,
      onError: (e) => {
        throw e;
      },
    });
    const doc = new Y.Doc();
    const updates = typist(doc);
    for (let i = 0; i < 100; i++) {
      doc.getText('body').insert(i, String(i % 10));
      writer.add(defined(updates[i]), user.id);
    }
    await waitFor(() => writer.writes === 1 && !writer.hasPending, 'timed flush');
    await writer.flush();
    expect(writer.writes).toBe(1);
    expect(await countUpdates(database.db, { doc: docName })).toBe(1);
    expect(textOf(await reload(docName))).toHaveLength(100);
  });

  it('stores nothing twice: flushing again with nothing queued writes nothing', async () => {
    const plan = await buildPlan(database.db);
    const docName = docNameFor(plan.id, 'evaluatie');
    const writer = new UpdateWriter(database.db, docName, {
      flushDelayMs: 60_000,
      compactAfterRows: 10_000,
      onError: (e) => {
        throw e;
      },
    });
    const doc = new Y.Doc();
    const updates = typist(doc);
    doc.getText('body').insert(0, 'eenmaal');
    writer.add(defined(updates[0]), null);
    await Promise.all([writer.flush(), writer.flush(), writer.flush()]);
    expect(writer.writes).toBe(1);
    expect(await countUpdates(database.db, { doc: docName })).toBe(1);
  });

  it('keeps a failed batch and stores it on the next flush, in order', async () => {
    const plan = await buildPlan(database.db);
    const docName = docNameFor(plan.id, 'netwerk');
    const errors: unknown[] = [];
    const writer = new UpdateWriter(database.db, docName, { flushDelayMs: 60_000, compactAfterRows: 10_000, onError: (e) => errors.push(e) });
    const doc = new Y.Doc();
    const updates = typist(doc);
    // The author's row does not exist yet, so the insert fails (foreign key), as it would while the database is away.
    const lateId = randomUUID();
    doc.getText('body').insert(0, 'eerst');
    writer.add(defined(updates[0]), lateId);
    await writer.flush();
    expect(errors).toHaveLength(1);
    expect(writer.hasPending).toBe(true);
    expect(await countUpdates(database.db, { doc: docName })).toBe(0);

    // More typing while it waits, then the cause goes away: everything is stored, nothing twice.
    const other = await buildUser(database.db);
    doc.getText('body').insert(5, ', dan');
    writer.add(defined(updates[1]), other.id);
    await buildUser(database.db, { id: lateId });
    await writer.flush();
    expect(errors).toHaveLength(1);
    expect(writer.hasPending).toBe(false);
    expect((await rowsOf(docName)).map((r) => r.userId)).toEqual([lateId, other.id]);
    expect(textOf(await reload(docName))).toBe('eerst, dan');
  });
  it('stores a batch once even when the compaction after it fails', async () => {
    const plan = await buildPlan(database.db);
    const user = await buildUser(database.db);
    const docName = docNameFor(plan.id, 'tafel');
    // The database refuses to delete this doc's rows, so every compaction of it fails (after the insert).
    await database.db.execute(
      sql.raw(`
      CREATE OR REPLACE FUNCTION test_refuse_delete() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'no deletes in this test'; END; $$ LANGUAGE plpgsql`),
    );
    await database.db.execute(
      sql.raw(`
      CREATE TRIGGER test_refuse_delete BEFORE DELETE ON yjs_updates
      FOR EACH ROW WHEN (OLD.doc = '${docName}') EXECUTE FUNCTION test_refuse_delete()`),
    );
    try {
      const errors: unknown[] = [];
      const writer = new UpdateWriter(database.db, docName, { flushDelayMs: 60_000, compactAfterRows: 2, onError: (e) => errors.push(e) });
      const doc = new Y.Doc();
      const updates = typist(doc);
      for (const word of ['een ', 'twee ', 'drie ']) {
        doc.getText('body').insert(doc.getText('body').length, word);
        writer.add(defined(updates.at(-1)), user.id);
        await writer.flush();
      }
      expect(errors.length).toBeGreaterThan(0);
      // Three batches, three rows: a failed compaction does not put stored updates back in the queue.
      expect(await countUpdates(database.db, { doc: docName })).toBe(3);
      expect(writer.hasPending).toBe(false);
      expect(textOf(await reload(docName))).toBe('een twee drie ');
    } finally {
      await database.db.execute(sql.raw('DROP TRIGGER test_refuse_delete ON yjs_updates'));
    }
  });

  it('stores a batch once even when the after-storage listener throws', async () => {
    const plan = await buildPlan(database.db);
    const docName = docNameFor(plan.id, 'evaluatie');
    const errors: unknown[] = [];
    const writer = new UpdateWriter(database.db, docName, {
      flushDelayMs: 60_000,
      compactAfterRows: 10_000,
      onError: (e) => errors.push(e),
      onStored: () => {
        throw new Error('projection broke');
      },
    });
    const doc = new Y.Doc();
    const updates = typist(doc);
    doc.getText('body').insert(0, 'eenmaal');
    writer.add(defined(updates[0]), null);
    await writer.flush();
    await writer.flush();
    expect(await countUpdates(database.db, { doc: docName })).toBe(1);
    expect(writer.hasPending).toBe(false);
  });
});

describe('compaction', () => {
  it('replaces the log by one snapshot, keeping the content and collecting deleted text', async () => {
    const plan = await buildPlan(database.db);
    const user = await buildUser(database.db);
    const docName = docNameFor(plan.id, 'veiligheid');
    const writer = new UpdateWriter(database.db, docName, {
      flushDelayMs: 60_000,
      compactAfterRows: 10_000,
      onError: (e) => {
        throw e;
      },
    });
    const doc = new Y.Doc();
    const updates = typist(doc);
    const text = doc.getText('body');
    for (let i = 0; i < 30; i++) {
      text.insert(text.length, `regel ${i} met wat tekst die later weer weg gaat\n`);
      writer.add(defined(updates.at(-1)), user.id);
      await writer.flush(); // one row each
    }
    text.delete(0, text.length);
    text.insert(0, 'Wat blijft.');
    writer.add(Y.encodeStateAsUpdate(doc), user.id);
    await writer.flush();
    const before = await rowsOf(docName);
    expect(before.length).toBe(31);

    const result = await compactDoc(database.db, docName);
    expect(result).toEqual({ before: 31, after: 1 });
    const after = await rowsOf(docName);
    expect(after).toHaveLength(1);
    expect(defined(after[0]).isSnapshot).toBe(true);
    expect(textOf(await reload(docName))).toBe('Wat blijft.');
    const bytesBefore = before.reduce((n, r) => n + r.update.byteLength, 0);
    expect(defined(after[0]).update.byteLength).toBeLessThan(bytesBefore / 4);
  });

  it('the server compacts a busy doc on its own and clients still see everything', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, {
      moeder: { role: 'ouder', name: 'Sanne' },
      vader: { role: 'ouder', name: 'Mehmet' },
    });
    const docName = docNameFor(plan.id, 'doelen');
    const node = await startRealtimeNode({ db: database.db, limits: { compactAfterRows: 20, flushDelayMs: 5 } });
    try {
      const a = await connectSynced({ node, docName, cookie: people.moeder.cookie });
      const b = await connectSynced({ node, docName, cookie: people.vader.cookie });
      let expected = '';
      for (let i = 0; i < 30; i++) {
        const who = i % 2 === 0 ? a : b;
        const line = `${i}. stap\n`;
        who.doc.getText('body').insert(textOf(who.doc).length, line);
        expected += line;
        await waitFor(() => textOf(a.doc) === expected && textOf(b.doc) === expected, `edit ${i} everywhere`);
        await node.rt.flush();
      }
      // Every flush stored a row, and somewhere past 20 rows the writer compacted them.
      const rows = await rowsOf(docName);
      expect(rows.length).toBeLessThan(20);
      expect(rows.some((r) => r.isSnapshot)).toBe(true);
      expect(textOf(await reload(docName))).toBe(expected);

      // A person joining now gets the full document from the compacted log.
      a.destroy();
      b.destroy();
      await waitFor(() => node.rt.registry.get(docName) === undefined, 'room closed');
      const c = await connectSynced({ node, docName, cookie: people.moeder.cookie });
      expect(textOf(c.doc)).toBe(expected);
    } finally {
      await node.stop();
    }
  });
});

describe('through the server', () => {
  it('stores each client update once, attributed to the person who typed it', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, {
      moeder: { role: 'ouder', name: 'Sanne' },
      wijkteam: { role: 'lokaal_team', name: 'Fatima' },
    });
    const docName = docNameFor(plan.id, 'gezin');
    const node = await startRealtimeNode({ db: database.db });
    try {
      const a = await connectSynced({ node, docName, cookie: people.moeder.cookie });
      const b = await connectSynced({ node, docName, cookie: people.wijkteam.cookie });
      a.doc.getText('body').insert(0, 'door moeder');
      await waitFor(() => textOf(b.doc) === 'door moeder', 'b sees a');
      await node.rt.flush();
      b.doc.getText('body').insert(textOf(b.doc).length, ', aangevuld door wijkteam');
      await waitFor(() => textOf(a.doc) === 'door moeder, aangevuld door wijkteam', 'a sees b');
      await node.rt.flush();

      const rows = await rowsOf(docName);
      // The receiving client's echo and the other client's sync are not stored again.
      expect(rows.map((r) => r.userId)).toEqual([people.moeder.user.id, people.wijkteam.user.id]);
      const first = new Y.Doc();
      Y.applyUpdate(first, defined(rows[0]).update);
      expect(textOf(first)).toBe('door moeder');

      // A client that reconnects and resends what the server already has adds no rows.
      a.provider.disconnect();
      a.provider.connect();
      await waitFor(() => a.provider.synced, 'resynced');
      await node.rt.flush();
      expect(await rowsOf(docName)).toHaveLength(2);
    } finally {
      await node.stop();
    }
  });

  it('state survives a server restart', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, { moeder: { role: 'ouder' } });
    const docName = docNameFor(plan.id, 'overgang18');
    const first = await startRealtimeNode({ db: database.db });
    const a = await connectSynced({ node: first, docName, cookie: people.moeder.cookie });
    a.doc.getText('body').insert(0, 'Na mijn 18e wil ik zelf wonen.');
    await waitFor(() => first.rt.registry.get(docName)?.doc.getText('body').length === 30, 'server has it');
    await first.stop();
    a.destroy();

    const second = await startRealtimeNode({ db: database.db });
    try {
      const b = await connectSynced({ node: second, docName, cookie: people.moeder.cookie });
      expect(textOf(b.doc)).toBe('Na mijn 18e wil ik zelf wonen.');
      expect((await loadUpdates(database.db, { doc: docName })).length).toBeGreaterThan(0);
    } finally {
      await second.stop();
    }
  });
});
