/**
 * One connection's protocol handling, as an attacker or a broken client would probe it: frames that are too
 * large, malformed, truncated or random close that connection only; read-only members cannot change a document
 * whatever they send; presence is relayed only for members the policy lets show it, under their real name.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { yjsUpdates } from '../../db/schema';
import { docNameFor } from '../../lib/sections';
import { databasePerFile } from '../../test/database-per-file';
import { realtimeNodePerFile } from '../../test/realtime-per-file';
import { buildPlanWithMembers } from '../../test/factories';
import {
  awarenessFrame,
  connectSynced,
  rawOpen,
  SECRET,
  startRealtimeNode,
  syncStep1Frame,
  syncStep2Frame,
  textOf,
  textUpdate,
  updateFrame,
  waitFor,
  closeClientsAndNodes,
} from '../../test/realtime';
import { defined } from '../../test/assert';
import { loadStoredState } from './persistence';

const MAX_MESSAGE_BYTES = 64 * 1024;

const database = databasePerFile();
const node = realtimeNodePerFile(() => ({ db: database.db, limits: { maxMessageBytes: MAX_MESSAGE_BYTES } }));
afterEach(() => closeClientsAndNodes());

async function family() {
  return buildPlanWithMembers(database.db, SECRET, {
    moeder: { role: 'ouder', name: 'Sanne de Vries' },
    vader: { role: 'ouder', name: 'Mehmet Yilmaz' },
    verwijzer: { role: 'verwijzer', name: 'Huisarts Bakker' },
    netwerk: { role: 'netwerk', name: 'Oma Truus' },
  });
}

/** Proves a room still works: a fresh pair of editors converges in it. */
async function roomStillWorks(docName: string, cookies: [string, string], text: string): Promise<void> {
  const a = await connectSynced({ node, docName, cookie: cookies[0] });
  const b = await connectSynced({ node, docName, cookie: cookies[1] });
  a.doc.getText('check').insert(0, text);
  await waitFor(() => b.doc.getText('check').toString().includes(text), 'room still converges');
  a.destroy();
  b.destroy();
}

async function storedRows(docName: string) {
  await node.rt.flush();
  return database.db.select().from(yjsUpdates).where(eq(yjsUpdates.doc, docName));
}

describe('frame limits', () => {
  it('closes a connection that sends an oversized frame with 4413; another room carries on', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const otherRoom = docNameFor(plan.id, 'doelen');
    const bystanderA = await connectSynced({ node, docName: otherRoom, cookie: people.moeder.cookie });
    const bystanderB = await connectSynced({ node, docName: otherRoom, cookie: people.vader.cookie });

    const raw = await rawOpen({ node, docName, cookie: people.moeder.cookie });
    raw.send(updateFrame(textUpdate('x'.repeat(MAX_MESSAGE_BYTES + 10))));
    expect((await raw.closed).code).toBe(4413);

    bystanderA.doc.getText('body').insert(0, 'gaat door');
    await waitFor(() => textOf(bystanderB.doc) === 'gaat door', 'other room unaffected');
    // The oversized content was not applied.
    expect(await storedRows(docName)).toHaveLength(0);
  });

  it('closes with 4413 however large the frame is (not a generic 1009, so the client stops retrying)', async () => {
    const { plan, people } = await family();
    const raw = await rawOpen({ node, docName: docNameFor(plan.id, 'gezin'), cookie: people.moeder.cookie });
    raw.send(updateFrame(textUpdate('y'.repeat(4 * MAX_MESSAGE_BYTES))));
    expect((await raw.closed).code).toBe(4413);
  });

  it('a real y-websocket client that pastes too much is told 4413 and stops reconnecting', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const client = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    client.doc.getText('body').insert(0, 'z'.repeat(MAX_MESSAGE_BYTES * 2));
    await waitFor(() => client.terminal.length > 0, 'terminal close');
    expect(client.terminal[0]?.code).toBe(4413);
  });
});

describe('malformed frames', () => {
  const validUpdate = updateFrame(textUpdate('geldige tekst'));
  const cases: [string, Uint8Array | string][] = [
    ['an empty frame', new Uint8Array(0)],
    ['an unknown message type', Uint8Array.from([7, 1, 2, 3])],
    ['an unknown sync message type', Uint8Array.from([0, 9, 0])],
    ['a truncated update', validUpdate.subarray(0, Math.floor(validUpdate.length / 2))],
    ['a length prefix longer than the frame', Uint8Array.from([0, 2, 0xff, 0xff, 0x03, 1, 2])],
    ['garbage inside a well-framed update', Uint8Array.from([0, 2, 6, 0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa])],
    ['a garbage state vector in sync step 1', Uint8Array.from([0, 0, 4, 0xff, 0xff, 0xff, 0xff])],
    ['a truncated awareness update', Uint8Array.from([1, 5, 1, 0xaa, 0x01])],
    ['a text frame', 'hallo'],
  ];

  for (const [label, frame] of cases) {
    it(`closes the sender with 4400 on ${label}; the room and other rooms carry on`, async () => {
      const { plan, people } = await family();
      const docName = docNameFor(plan.id, 'gezin');
      const neighbour = await connectSynced({ node, docName, cookie: people.vader.cookie });
      neighbour.doc.getText('body').insert(0, 'onaangetast');

      const raw = await rawOpen({ node, docName, cookie: people.moeder.cookie });
      raw.send(frame);
      expect((await raw.closed).code).toBe(4400);

      // The neighbour's connection was not touched, and the room still converges.
      expect(neighbour.provider.wsconnected).toBe(true);
      await roomStillWorks(docName, [people.moeder.cookie, people.vader.cookie], 'nog steeds');
      expect(textOf(neighbour.doc)).toBe('onaangetast');
      await roomStillWorks(docNameFor(plan.id, 'doelen'), [people.moeder.cookie, people.vader.cookie], 'ander');
    });
  }

  it('random frames either close the sender with 4400 or are harmless; the document is never damaged', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const watcher = await connectSynced({ node, docName, cookie: people.vader.cookie });
    watcher.doc.getText('body').insert(0, 'blijft staan');
    let closed4400 = 0;
    for (let i = 0; i < 25; i++) {
      const raw = await rawOpen({ node, docName, cookie: people.moeder.cookie });
      // Start with a known message type half the time, so the fuzz also reaches the sync and awareness readers.
      const body = randomBytes(1 + (i % 7) * 9);
      const frame = i % 2 === 0 ? Buffer.concat([Buffer.from([i % 4 === 0 ? 0 : 1]), body]) : body;
      raw.send(frame);
      raw.send(syncStep1Frame(raw.doc));
      // Either the connection closes (only ever with 4400) or the step 1 sent after the frame is answered.
      await waitFor(() => raw.closeCode !== null || raw.answers > 0, 'close or answer');
      if (raw.closeCode !== null) {
        expect(raw.closeCode).toBe(4400);
        closed4400 += 1;
      }
      raw.ws.terminate();
    }
    expect(closed4400).toBeGreaterThan(0);
    expect(textOf(watcher.doc)).toBe('blijft staan');
    await roomStillWorks(docName, [people.moeder.cookie, people.vader.cookie], 'na fuzz');
  });
});

describe('damaged updates', () => {
  it('an editor sending corrupted updates never leaves the room, the other clients and storage disagreeing', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const watcher = await connectSynced({ node, docName, cookie: people.vader.cookie });
    watcher.doc.getText('body').insert(0, 'basis');
    for (let i = 0; i < 40; i++) {
      const raw = await rawOpen({ node, docName, cookie: people.moeder.cookie });
      await raw.roundTrip();
      // A real edit on top of the current state, then one to three bytes overwritten.
      const local = new Y.Doc();
      Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.doc));
      const sv = Y.encodeStateVector(local);
      const text = local.getText('body');
      if (i % 3 === 0) text.insert(randomInt(text.length + 1), 'xyz');
      else if (i % 3 === 1 && text.length > 1) text.delete(randomInt(text.length), 1);
      else local.getMap('m').set(`k${i}`, { a: [1, 'x'] });
      const update = Uint8Array.from(Y.encodeStateAsUpdate(local, sv));
      for (let f = 0; f <= i % 3; f++) update[randomInt(update.length)] = randomInt(256);
      raw.send(updateFrame(update));
      raw.send(syncStep1Frame(raw.doc));
      await waitFor(() => raw.closeCode !== null || raw.answers > 1, 'close or answer');
      if (raw.closeCode !== null) expect(raw.closeCode).toBe(4400);
      raw.ws.terminate();
    }
    const room = node.rt.registry.get(docName);
    expect(room).toBeDefined();
    const serverText = defined(room).doc.getText('body').toString();
    await waitFor(() => textOf(watcher.doc) === serverText, 'watcher agrees with the server');
    await node.rt.flush();
    const reloaded = new Y.Doc();
    await loadStoredState(database.db, docName, reloaded);
    expect(textOf(reloaded)).toBe(serverText);
    await roomStillWorks(docName, [people.moeder.cookie, people.vader.cookie], 'na beschadigde updates');
  });
});

describe('read-only connections', () => {
  it('a verwijzer (read on gezin) receives the document but its step 2 and updates change nothing, here or after a restart', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const moeder = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    moeder.doc.getText('body').insert(0, 'Van de moeder.');
    await waitFor(() => node.rt.registry.get(docName)?.doc.getText('body').toString() === 'Van de moeder.', 'server has it');

    const raw = await rawOpen({ node, docName, cookie: people.verwijzer.cookie });
    await raw.roundTrip();
    // It may read…
    expect(textOf(raw.doc)).toBe('Van de moeder.');
    // …but what it sends is dropped: a crafted step 2, an update, and a deletion of the mother's text.
    raw.send(syncStep2Frame(textUpdate('INJECTED-STEP2 ')));
    raw.send(updateFrame(textUpdate('INJECTED-UPDATE ')));
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(raw.doc));
    const sv = Y.encodeStateVector(attacker);
    attacker.getText('body').delete(0, attacker.getText('body').length);
    raw.send(updateFrame(Y.encodeStateAsUpdate(attacker, sv)));
    await raw.roundTrip();

    // A later real edit arrives, so anything relayed before it would have arrived too.
    moeder.doc.getText('body').insert(textOf(moeder.doc).length, ' Nog meer.');
    const other = await connectSynced({ node, docName, cookie: people.vader.cookie });
    await waitFor(() => textOf(other.doc) === 'Van de moeder. Nog meer.', 'later edit');
    expect(textOf(moeder.doc)).toBe('Van de moeder. Nog meer.');
    expect(node.rt.registry.get(docName)?.doc.getText('body').toString()).toBe('Van de moeder. Nog meer.');

    // Nothing of the verwijzer was stored.
    const rows = await storedRows(docName);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.userId !== people.verwijzer.user.id)).toBe(true);

    // After a restart, the stored document is still the mother's.
    const restarted = await startRealtimeNode({ db: database.db });
    try {
      const fresh = await connectSynced({ node: restarted, docName, cookie: people.vader.cookie });
      expect(textOf(fresh.doc)).toBe('Van de moeder. Nog meer.');
      fresh.destroy();
    } finally {
      await restarted.stop();
    }
  });

  it('a comment-only member (netwerk on doelen) typing in a real client changes nothing for others', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'doelen');
    const oma = await connectSynced({ node, docName, cookie: people.netwerk.cookie });
    const moeder = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    oma.doc.getText('body').insert(0, 'oma schrijft');
    moeder.doc.getText('body').insert(0, 'moeder schrijft');
    await waitFor(() => textOf(oma.doc).includes('moeder schrijft'), 'oma still reads');
    // The mother's later edit arrived at oma through the server; oma's never reached the mother.
    const late = await connectSynced({ node, docName, cookie: people.vader.cookie });
    expect(textOf(late.doc)).toBe('moeder schrijft');
    expect(textOf(moeder.doc)).toBe('moeder schrijft');
  });
});

describe('presence', () => {
  it("relays an editor's presence under the name from the database, not the one the client claims", async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const moeder = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    const vader = await connectSynced({ node, docName, cookie: people.vader.cookie });
    moeder.provider.awareness.setLocalStateField('user', { name: 'Koning Willem', role: 'gi', id: 'x', color: '#f00' });

    const id = moeder.doc.clientID;
    await waitFor(() => vader.provider.awareness.getStates().get(id)?.user !== undefined, 'presence relayed');
    const user = vader.provider.awareness.getStates().get(id)?.user as Record<string, unknown>;
    expect(user.name).toBe('Sanne de Vries');
    expect(user.role).toBe('ouder');
    expect(user.id).toBe(people.moeder.user.id);
    // What the client may choose (its caret colour) is kept.
    expect(user.color).toBe('#f00');
  });

  it("does not relay a read-only member's presence, but does relay the editors' presence to it", async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const moeder = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    const vader = await connectSynced({ node, docName, cookie: people.vader.cookie });
    const verwijzer = await connectSynced({ node, docName, cookie: people.verwijzer.cookie });
    verwijzer.provider.awareness.setLocalStateField('user', { name: 'Huisarts' });

    // Barrier: an editor's later presence change reaches the mother after anything relayed before it.
    vader.provider.awareness.setLocalStateField('user', { name: 'Papa' });
    await waitFor(() => moeder.provider.awareness.getStates().has(vader.doc.clientID), "editor's presence arrives");
    await waitFor(() => verwijzer.provider.awareness.getStates().has(vader.doc.clientID), 'read-only member sees editors');
    expect(moeder.provider.awareness.getStates().has(verwijzer.doc.clientID)).toBe(false);
    expect(node.rt.registry.get(docName)?.awareness.getStates().has(verwijzer.doc.clientID)).toBe(false);
  });

  it("nobody can overwrite or remove another connection's presence", async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const moeder = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    const vader = await connectSynced({ node, docName, cookie: people.vader.cookie });
    moeder.provider.awareness.setLocalStateField('user', { color: '#0a0' });
    const id = moeder.doc.clientID;
    await waitFor(() => vader.provider.awareness.getStates().has(id), 'mother present');

    // An editor's crafted client claims the mother's client id, with a higher clock, then removes it.
    const raw = await rawOpen({ node, docName, cookie: people.vader.cookie });
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = id;
    fake.setLocalState({ user: { name: 'Nep' } });
    for (let i = 0; i < 5; i++) fake.setLocalState({ user: { name: `Nep ${i}` } });
    raw.send(awarenessFrame(fake, [id]));
    fake.setLocalState(null);
    raw.send(awarenessFrame(fake, [id]));
    await raw.roundTrip();
    vader.provider.awareness.setLocalStateField('user', { color: '#00a' });
    await waitFor(() => moeder.provider.awareness.getStates().has(vader.doc.clientID), 'barrier');

    const seen = vader.provider.awareness.getStates().get(id)?.user as Record<string, unknown> | undefined;
    expect(seen?.name).toBe('Sanne de Vries');
  });

  it('closes a connection that claims presence for many clients with 4400; none of them is shown', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const moeder = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    const raw = await rawOpen({ node, docName, cookie: people.vader.cookie });
    const fakes = Array.from({ length: 50 }, (_, i) => {
      const fake = new awarenessProtocol.Awareness(new Y.Doc());
      fake.setLocalState({ user: { color: '#f00' }, cursor: i });
      return fake;
    });
    // One frame with all fifty states, as encodeAwarenessUpdate would write them for one awareness.
    const merged = new awarenessProtocol.Awareness(new Y.Doc());
    for (const fake of fakes) awarenessProtocol.applyAwarenessUpdate(merged, awarenessProtocol.encodeAwarenessUpdate(fake, [fake.clientID]), null);
    raw.send(
      awarenessFrame(
        merged,
        fakes.map((f) => f.clientID),
      ),
    );
    expect((await raw.closed).code).toBe(4400);
    expect(fakes.some((f) => moeder.provider.awareness.getStates().has(f.clientID))).toBe(false);
    expect(node.rt.registry.get(docName)?.awareness.getStates().size ?? 0).toBeLessThanOrEqual(1);
  });

  it('removes a person’s presence when they leave', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const moeder = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    const vader = await connectSynced({ node, docName, cookie: people.vader.cookie });
    moeder.provider.awareness.setLocalStateField('user', { color: '#0a0' });
    await waitFor(() => vader.provider.awareness.getStates().has(moeder.doc.clientID), 'present');
    moeder.destroy();
    await waitFor(() => !vader.provider.awareness.getStates().has(moeder.doc.clientID), 'gone');
  });
});
