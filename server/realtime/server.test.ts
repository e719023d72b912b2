/**
 * The server as a whole: revoking access closes live sockets, shutdown loses no edits, two nodes behind one bus
 * and one database converge and heal, and the per-user and liveness bounds hold.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Database } from '../../db/client';
import { auditEvents, planMembers, yjsUpdates } from '../../db/schema';
import { docNameFor } from '../../lib/sections';
import { openTestDatabase } from '../../test/db';
import { buildPlan, buildPlanWithMembers } from '../../test/factories';
import {
  awarenessFrame,
  connectClient,
  connectSynced,
  rawConnect,
  rawOpen,
  SECRET,
  startRealtimeNode,
  textOf,
  textUpdate,
  updateFrame,
  waitFor,
  type RealtimeNode,
  closeClientsAndNodes,
  realtimeFamily,
} from '../../test/realtime';
import { defined } from '../../test/assert';
import { LocalBus } from './bus';

let database: Database;
const nodes: RealtimeNode[] = [];

async function startNode(...args: Parameters<typeof startRealtimeNode>): Promise<RealtimeNode> {
  const node = await startRealtimeNode(...args);
  nodes.push(node);
  return node;
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterEach(() => closeClientsAndNodes(nodes));
afterAll(async () => {
  await database?.close();
});

const family = () => realtimeFamily(database.db);

async function rowsOf(docName: string) {
  return database.db.select().from(yjsUpdates).where(eq(yjsUpdates.doc, docName));
}

describe('revoke', () => {
  it("closes that person's sockets to that plan with 4403 within a second; others and other plans stay", async () => {
    const { plan, people } = await family();
    const otherPlan = await buildPlan(database.db);
    // The same professional is also in another plan: that access is untouched.
    await database.db.insert(planMembers).values({ planId: otherPlan.id, userId: people.wijkteam.user.id, role: 'lokaal_team', basis: 'toestemming' });
    const node = await startNode({ db: database.db });
    const gezin = await connectSynced({ node, docName: docNameFor(plan.id, 'gezin'), cookie: people.wijkteam.cookie });
    const prof = await connectSynced({ node, docName: docNameFor(plan.id, 'professioneel'), cookie: people.wijkteam.cookie });
    const elsewhere = await connectSynced({ node, docName: docNameFor(otherPlan.id, 'gezin'), cookie: people.wijkteam.cookie });
    const moeder = await connectSynced({ node, docName: docNameFor(plan.id, 'gezin'), cookie: people.moeder.cookie });

    // As the membership service does: end the membership, then revoke the live sockets.
    await database.db
      .update(planMembers)
      .set({ status: 'beeindigd' })
      .where(and(eq(planMembers.planId, plan.id), eq(planMembers.userId, people.wijkteam.user.id)));
    const started = Date.now();
    node.rt.revoke({ planId: plan.id, userId: people.wijkteam.user.id });
    await waitFor(() => gezin.terminal.length > 0 && prof.terminal.length > 0, 'both sockets closed', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(gezin.terminal[0]?.code).toBe(4403);
    expect(prof.terminal[0]?.code).toBe(4403);
    // The provider does not come back on its own.
    expect(gezin.provider.shouldConnect).toBe(false);

    expect(elsewhere.provider.wsconnected).toBe(true);
    expect(moeder.provider.wsconnected).toBe(true);
    // And a new attempt is refused at the door.
    const retry = await rawConnect({ node, path: `/collab/${docNameFor(plan.id, 'gezin')}`, cookie: people.wijkteam.cookie });
    expect(retry.opened ? 101 : retry.status).toBe(403);
  });

  it('also reaches a connection that was being admitted when the revoke came', async () => {
    const { plan, people } = await family();
    const node = await startNode({ db: database.db });
    // Revoke right after the server started admitting the upgrade (its listener runs first): the membership
    // check may already have passed, but the socket must not stay open.
    node.http.on('upgrade', () => node.rt.revoke({ planId: plan.id, userId: people.wijkteam.user.id }));
    const result = await rawConnect({ node, path: `/collab/${docNameFor(plan.id, 'gezin')}`, cookie: people.wijkteam.cookie });
    if (result.opened) expect((await result.raw.closed).code).toBe(4403);
    else expect(result.status).toBe(403);
    await waitFor(() => node.rt.stats().connections === 0, 'no connection left');
  });
});

describe('refreshRights', () => {
  it("makes that role's connections in that plan reconnect (4000) and leaves other roles and plans alone", async () => {
    const { plan, people } = await family();
    const { plan: otherPlan, people: elsewhere } = await buildPlanWithMembers(database.db, SECRET, { ouder: { role: 'ouder' } });
    const node = await startNode({ db: database.db });
    const moeder = await connectSynced({ node, docName: docNameFor(plan.id, 'gezin'), cookie: people.moeder.cookie });
    const wijkteam = await connectSynced({ node, docName: docNameFor(plan.id, 'gezin'), cookie: people.wijkteam.cookie });
    const other = await connectSynced({ node, docName: docNameFor(otherPlan.id, 'gezin'), cookie: elsewhere.ouder.cookie });
    node.rt.refreshRights({ planId: plan.id, role: 'ouder' });
    await waitFor(() => moeder.closeCodes.length > 0, 'ouder told to reconnect', 1000);
    expect(moeder.closeCodes[0]).toBe(4000);
    // Not a terminal close: the provider comes back on its own, with the rights read afresh.
    expect(moeder.terminal).toHaveLength(0);
    await waitFor(() => moeder.provider.synced, 'reconnected');
    expect(wijkteam.closeCodes).toHaveLength(0);
    expect(other.closeCodes).toHaveLength(0);
  });

  it('also reaches a connection of that role that was being admitted when the rights changed', async () => {
    const { plan, people } = await family();
    const node = await startNode({ db: database.db });
    node.http.on('upgrade', () => node.rt.refreshRights({ planId: plan.id, role: 'ouder' }));
    const result = await rawConnect({ node, path: `/collab/${docNameFor(plan.id, 'gezin')}`, cookie: people.moeder.cookie });
    // Admitted with rights read before the change: it must not stay open with them.
    expect(result.opened).toBe(true);
    if (result.opened) expect((await result.raw.closed).code).toBe(4000);
  });
});

describe('shutdown', () => {
  it('close() stores pending edits and closes clients with 1001', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'doelen');
    // Writes wait a minute: only the shutdown can have stored them.
    const node = await startNode({ db: database.db, limits: { flushDelayMs: 60_000 } });
    const a = await connectSynced({ node, docName, cookie: people.moeder.cookie });
    const b = await connectSynced({ node, docName, cookie: people.vader.cookie });
    a.doc.getText('body').insert(0, 'Laatste zin voor de herstart.');
    b.doc.getText('notes').insert(0, 'ook dit');
    await waitFor(
      () => node.rt.registry.get(docName)?.doc.getText('notes').length === 7 && node.rt.registry.get(docName)?.doc.getText('body').length === 29,
      'server has both',
    );
    expect(await rowsOf(docName)).toHaveLength(0);

    await node.stop();
    await waitFor(() => a.closeCodes.length > 0 && b.closeCodes.length > 0, 'clients told');
    expect(a.closeCodes[0]).toBe(1001);
    expect(b.closeCodes[0]).toBe(1001);
    a.destroy();
    b.destroy();

    const next = await startNode({ db: database.db });
    const c = await connectSynced({ node: next, docName, cookie: people.wijkteam.cookie });
    expect(textOf(c.doc)).toBe('Laatste zin voor de herstart.');
    expect(textOf(c.doc, 'notes')).toBe('ook dit');
  });

  it('refuses new upgrades with 503 once closing', async () => {
    const { plan, people } = await family();
    const node = await startNode({ db: database.db });
    const closing = node.rt.close();
    const result = await rawConnect({ node, path: `/collab/${docNameFor(plan.id, 'gezin')}`, cookie: people.moeder.cookie });
    expect(result.opened ? 101 : result.status).toBe(503);
    await closing;
  });
});

describe('two nodes on one bus and one database', () => {
  it('converge: typing on one node appears on the other, both ways, and is stored once', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const bus = new LocalBus();
    const n1 = await startNode({ db: database.db, bus, nodeId: 'n1' });
    const n2 = await startNode({ db: database.db, bus, nodeId: 'n2' });
    const a = await connectSynced({ node: n1, docName, cookie: people.moeder.cookie });
    const b = await connectSynced({ node: n2, docName, cookie: people.vader.cookie });

    a.doc.getText('body').insert(0, 'via knooppunt 1. ');
    await waitFor(() => textOf(b.doc) === 'via knooppunt 1. ', 'n1 → n2');
    b.doc.getText('body').insert(textOf(b.doc).length, 'via knooppunt 2.');
    await waitFor(() => textOf(a.doc) === 'via knooppunt 1. via knooppunt 2.', 'n2 → n1');

    // Presence crosses nodes too, under the database name.
    a.provider.awareness.setLocalStateField('user', { name: 'verzonnen' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user !== undefined, 'presence n1 → n2');
    expect((b.provider.awareness.getStates().get(a.doc.clientID)?.user as { name: string }).name).toBe('Sanne');

    await Promise.all([n1.rt.flush(), n2.rt.flush()]);
    const rows = await rowsOf(docName);
    expect(rows.map((r) => r.userId).sort()).toEqual([people.moeder.user.id, people.vader.user.id].sort());
  });

  it('a node opening a room heals from the other node: it gets edits not yet stored', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'netwerk');
    const bus = new LocalBus();
    const n1 = await startNode({ db: database.db, bus, nodeId: 'n1', limits: { flushDelayMs: 60_000 } });
    const n2 = await startNode({ db: database.db, bus, nodeId: 'n2' });
    const a = await connectSynced({ node: n1, docName, cookie: people.moeder.cookie });
    a.doc.getText('body').insert(0, 'nog niet opgeslagen');
    await waitFor(() => n1.rt.registry.get(docName)?.doc.getText('body').length === 19, 'n1 has it');
    expect(await rowsOf(docName)).toHaveLength(0);

    const b = await connectSynced({ node: n2, docName, cookie: people.vader.cookie });
    await waitFor(() => textOf(b.doc) === 'nog niet opgeslagen', 'healed from n1');
  });

  it('a client on one node cannot take over or remove the presence of a client on the other', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const bus = new LocalBus();
    const n1 = await startNode({ db: database.db, bus, nodeId: 'n1' });
    const n2 = await startNode({ db: database.db, bus, nodeId: 'n2' });
    const moeder = await connectSynced({ node: n1, docName, cookie: people.moeder.cookie });
    const watcher = await connectSynced({ node: n1, docName, cookie: people.wijkteam.cookie });
    const raw = await rawOpen({ node: n2, docName, cookie: people.vader.cookie });
    await raw.roundTrip();
    moeder.provider.awareness.setLocalStateField('user', { color: '#0a0' });
    const id = moeder.doc.clientID;
    await waitFor(() => n2.rt.registry.get(docName)?.awareness.getStates().has(id) === true, 'presence on n2');

    // The father's crafted client on n2 claims the mother's client id with a higher clock, then removes it.
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = id;
    for (let i = 0; i < 10; i++) fake.setLocalState({ user: { color: '#f00' }, cursor: { anchor: i } });
    raw.send(awarenessFrame(fake, [id]));
    fake.setLocalState(null);
    raw.send(awarenessFrame(fake, [id]));
    await raw.roundTrip();
    // Barrier: a later presence change of the mother reaches the watcher after anything relayed before it.
    moeder.provider.awareness.setLocalStateField('marker', 1);
    await waitFor(() => watcher.provider.awareness.getStates().get(id)?.marker === 1, 'barrier');

    const seen = watcher.provider.awareness.getStates().get(id) as { user: Record<string, unknown>; cursor?: unknown };
    expect(seen.user.color).toBe('#0a0');
    expect(seen.cursor).toBeUndefined();
    expect(moeder.provider.awareness.getLocalState()?.cursor).toBeUndefined();
  });

  it('someone joining on the other node sees who is already there at once', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const bus = new LocalBus();
    const n1 = await startNode({ db: database.db, bus, nodeId: 'n1' });
    const n2 = await startNode({ db: database.db, bus, nodeId: 'n2' });
    const moeder = await connectSynced({ node: n1, docName, cookie: people.moeder.cookie });
    moeder.provider.awareness.setLocalStateField('user', { color: '#0a0' });
    await waitFor(() => n1.rt.registry.get(docName)?.awareness.getStates().has(moeder.doc.clientID) === true, 'present on n1');

    // n2 has no room for the doc yet; it opens one for the father and must learn the mother's presence then,
    // not 15 seconds later when her client renews it.
    const vader = await connectSynced({ node: n2, docName, cookie: people.vader.cookie });
    await waitFor(() => vader.provider.awareness.getStates().has(moeder.doc.clientID), 'mother visible on n2', 1000);
    expect((vader.provider.awareness.getStates().get(moeder.doc.clientID)?.user as { name: string }).name).toBe('Sanne');
  });

  it('revoke on one node closes the person’s sockets on the other', async () => {
    const { plan, people } = await family();
    const bus = new LocalBus();
    const n1 = await startNode({ db: database.db, bus, nodeId: 'n1' });
    const n2 = await startNode({ db: database.db, bus, nodeId: 'n2' });
    const onN2 = await connectSynced({ node: n2, docName: docNameFor(plan.id, 'gezin'), cookie: people.wijkteam.cookie });
    const other = await connectSynced({ node: n2, docName: docNameFor(plan.id, 'gezin'), cookie: people.moeder.cookie });
    n1.rt.revoke({ planId: plan.id, userId: people.wijkteam.user.id });
    await waitFor(() => onN2.terminal.length > 0, 'closed on n2', 1000);
    expect(onN2.terminal[0]?.code).toBe(4403);
    expect(other.provider.wsconnected).toBe(true);
  });
});

describe('bounds', () => {
  it('refuses a connection beyond the per-user limit with 429', async () => {
    const { plan, people } = await family();
    const node = await startNode({ db: database.db, limits: { maxConnectionsPerUser: 2 } });
    await rawOpen({ node, docName: docNameFor(plan.id, 'gezin'), cookie: people.moeder.cookie });
    await rawOpen({ node, docName: docNameFor(plan.id, 'doelen'), cookie: people.moeder.cookie });
    await waitFor(() => node.rt.stats().connections === 2, 'two admitted');
    const third = await rawConnect({ node, path: `/collab/${docNameFor(plan.id, 'netwerk')}`, cookie: people.moeder.cookie });
    expect(third.opened ? 101 : third.status).toBe(429);
    // Another person is not affected by her limit.
    const vader = await rawConnect({ node, path: `/collab/${docNameFor(plan.id, 'netwerk')}`, cookie: people.vader.cookie });
    expect(vader.opened).toBe(true);
  });

  it('holds the per-user limit when many upgrades arrive at once', async () => {
    const { plan, people } = await family();
    const node = await startNode({ db: database.db, limits: { maxConnectionsPerUser: 2 } });
    const sections = ['gezin', 'doelen', 'netwerk', 'evaluatie', 'overgang18', 'tafel'] as const;
    const results = await Promise.all(
      sections.map((section) => rawConnect({ node, path: `/collab/${docNameFor(plan.id, section)}`, cookie: people.moeder.cookie })),
    );
    expect(results.filter((r) => r.opened)).toHaveLength(2);
    expect(results.filter((r) => !r.opened).map((r) => (r.opened ? 101 : r.status))).toEqual([429, 429, 429, 429]);
    await waitFor(() => node.rt.stats().connections === 2, 'two admitted');
    // A refused or closed slot is given back.
    const opened = results.flatMap((r) => (r.opened ? [r.raw] : []));
    defined(opened[0]).ws.close();
    await waitFor(() => node.rt.stats().connections === 1, 'one closed');
    const again = await rawConnect({ node, path: `/collab/${docNameFor(plan.id, 'gezin')}`, cookie: people.moeder.cookie });
    expect(again.opened).toBe(true);
  });

  it('drops a peer that stops answering pings, and keeps one that answers', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const node = await startNode({ db: database.db, limits: { pingIntervalMs: 50 } });
    const dead = await rawOpen({ node, docName, cookie: people.moeder.cookie, autoPong: false });
    const alive = await rawOpen({ node, docName, cookie: people.vader.cookie });
    await dead.closed;
    await waitFor(() => node.rt.stats().connections === 1, 'dead peer removed');
    expect(alive.isOpen).toBe(true);
  });

  it('connections that go away at once, even while their room loads, leave no room or connection behind', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'evaluatie');
    const node = await startNode({ db: database.db });
    // Dropped the moment the socket opens: the room is typically still loading from the database.
    for (let i = 0; i < 5; i++) (await rawOpen({ node, docName, cookie: people.moeder.cookie })).ws.terminate();
    const client = connectClient({ node, docName, cookie: people.vader.cookie });
    await waitFor(() => client.provider.synced, 'a normal client in between');
    client.destroy();
    await waitFor(() => node.rt.stats().connections === 0 && node.rt.stats().rooms === 0, 'nothing left');
  });
});

describe('audit trail', () => {
  /** Opens a section with the given upgrade headers, writes once, closes; returns the access points recorded. */
  async function openWriteClose(node: RealtimeNode, headers: Record<string, string>) {
    const { plan, people } = await family();
    const raw = await rawOpen({ node, docName: docNameFor(plan.id, 'gezin'), cookie: people.moeder.cookie, headers });
    raw.send(updateFrame(textUpdate('hallo')));
    await raw.roundTrip();
    raw.close();
    await raw.closed;
    const events = async () =>
      database.db
        .select({ action: auditEvents.action, accessPoint: auditEvents.accessPoint, client: auditEvents.client })
        .from(auditEvents)
        .where(and(eq(auditEvents.planId, plan.id), eq(auditEvents.actorUserId, people.moeder.user.id)))
        .orderBy(auditEvents.id);
    // The write event is recorded in the background once the socket has closed.
    const deadline = Date.now() + 5000;
    while (!(await events()).some((e) => e.action === 'section.write') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return events();
  }

  it('records the socket address of section.open and section.write: a forged X-Forwarded-For is not believed', async () => {
    const node = await startNode({ db: database.db });
    const events = await openWriteClose(node, { 'X-Forwarded-For': '203.0.113.66', 'X-Real-IP': '203.0.113.67', 'User-Agent': 'probe/1' });
    expect(events).toEqual([
      { action: 'section.open', accessPoint: '127.0.0.1', client: 'probe/1' },
      { action: 'section.write', accessPoint: '127.0.0.1', client: 'probe/1' },
    ]);
  });

  it('with TRUST_PROXY=1 records the hop the balancer wrote, not what the client put before it', async () => {
    const node = await startNode({ db: database.db, trustProxy: { kind: 'hops', hops: 1 } });
    const events = await openWriteClose(node, { 'X-Forwarded-For': '203.0.113.66, 198.51.100.20', 'User-Agent': 'probe/1' });
    expect(events.map((e) => e.accessPoint)).toEqual(['198.51.100.20', '198.51.100.20']);
  });
});
