/**
 * Two realtime nodes, each with its own RedisBus against a real Redis (REDIS_URL), on one database: edits and
 * presence converge, revokes and notifies cross nodes, a room opening on one node heals from the other, and a
 * node cut off from Redis converges again once it is back. Each run uses its own channel prefix.
 */
import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { docNameFor } from '../../lib/sections';
import { openTestDatabase } from '../../test/db';
import {
  connectSynced,
  rawOpen,
  sleep,
  startRealtimeNode,
  textOf,
  waitFor,
  type RealtimeNode,
  closeClientsAndNodes,
  realtimeFamily,
} from '../../test/realtime';
import { MESSAGE_NOTIFY } from './protocol';
import { decodeFrame, encodeFrame, RedisBus } from './redis-bus';

const redisUrl = process.env.REDIS_URL;

describe('bus frames', () => {
  it('round-trip every kind with binary payloads intact', () => {
    const payload = new Uint8Array([0, 255, 10, 13, 0, 128]);
    for (const kind of ['update', 'awareness', 'sync-request', 'notify', 'revoke'] as const) {
      expect(decodeFrame(encodeFrame({ kind, doc: 'plan:x:gezin', origin: 'n1', payload }))).toEqual({ kind, doc: 'plan:x:gezin', origin: 'n1', payload });
    }
  });

  it('ignores a frame of an unknown version or kind', () => {
    const frame = encodeFrame({ kind: 'update', doc: 'd', origin: 'o', payload: new Uint8Array([1]) });
    expect(decodeFrame(Uint8Array.from([9, ...frame.slice(1)]))).toBeNull();
    expect(decodeFrame(Uint8Array.from([frame[0] ?? 1, 77, ...frame.slice(2)]))).toBeNull();
  });
});

describe.skipIf(!redisUrl)('two nodes over Redis (skipped: REDIS_URL is not set)', () => {
  const prefix = `onsplan-test:${randomUUID()}:`;
  let database: Database;
  const nodes: RealtimeNode[] = [];
  const buses: RedisBus[] = [];

  function newBus(name: string): RedisBus {
    const bus = new RedisBus({
      url: redisUrl ?? '',
      prefix,
      log: () => undefined,
      redisOptions: { connectionName: `${prefix}${name}`, retryStrategy: () => 50 },
    });
    buses.push(bus);
    return bus;
  }

  async function twoNodes(limits: { flushDelayMs?: number } = {}) {
    const busA = newBus('a');
    const busB = newBus('b');
    expect(await busA.ready(5000)).toBe(true);
    expect(await busB.ready(5000)).toBe(true);
    const a = await startRealtimeNode({ db: database.db, bus: busA, nodeId: 'a', limits });
    const b = await startRealtimeNode({ db: database.db, bus: busB, nodeId: 'b', limits });
    nodes.push(a, b);
    return { a, b, busA, busB };
  }

  const family = () => realtimeFamily(database.db);

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterEach(async () => {
    await closeClientsAndNodes(nodes);
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('edits and presence converge both ways', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const { a, b } = await twoNodes();
    const moeder = await connectSynced({ node: a, docName, cookie: people.moeder.cookie });
    const vader = await connectSynced({ node: b, docName, cookie: people.vader.cookie });

    moeder.doc.getText('body').insert(0, 'via a. ');
    await waitFor(() => textOf(vader.doc) === 'via a. ', 'a → b');
    vader.doc.getText('body').insert(7, 'via b.');
    await waitFor(() => textOf(moeder.doc) === 'via a. via b.', 'b → a');

    moeder.provider.awareness.setLocalStateField('user', { color: '#0a0' });
    await waitFor(() => vader.provider.awareness.getStates().get(moeder.doc.clientID)?.user !== undefined, 'presence a → b');
    // Under the name the server knows, not one the client made up.
    expect((vader.provider.awareness.getStates().get(moeder.doc.clientID)?.user as { name: string }).name).toBe('Sanne');
  });

  it('a revoke on node A closes the person’s socket on node B with 4403', async () => {
    const { plan, people } = await family();
    const { a, b } = await twoNodes();
    const onB = await connectSynced({ node: b, docName: docNameFor(plan.id, 'gezin'), cookie: people.wijkteam.cookie });
    const other = await connectSynced({ node: b, docName: docNameFor(plan.id, 'gezin'), cookie: people.moeder.cookie });
    a.rt.revoke({ planId: plan.id, userId: people.wijkteam.user.id });
    await waitFor(() => onB.terminal.length > 0, 'closed on b', 2000);
    expect(onB.terminal[0]?.code).toBe(4403);
    expect(other.provider.wsconnected).toBe(true);
  });

  it('a notify on node A reaches the peers of that doc on node B', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const { a, b } = await twoNodes();
    const raw = await rawOpen({ node: b, docName, cookie: people.vader.cookie });
    await raw.roundTrip();
    const topics: string[] = [];
    raw.ws.on('message', (data) => {
      const decoder = decoding.createDecoder(new Uint8Array(data as Buffer));
      if (decoding.readVarUint(decoder) === MESSAGE_NOTIFY) topics.push(decoding.readVarString(decoder));
    });
    // Node A has no room for the doc: the notify goes over the bus alone.
    expect(a.rt.registry.get(docName)).toBeUndefined();
    a.rt.notify(docName, 'comments');
    await waitFor(() => topics.includes('comments'), 'notify on b', 2000);
  });

  it('a room opening on node B heals from node A’s edits that are not stored yet', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'netwerk');
    // Nothing is stored within the test: only node A's memory has the edit.
    const { a, b } = await twoNodes({ flushDelayMs: 60_000 });
    const moeder = await connectSynced({ node: a, docName, cookie: people.moeder.cookie });
    moeder.doc.getText('body').insert(0, 'nog niet opgeslagen');
    await waitFor(() => a.rt.registry.get(docName)?.doc.getText('body').length === 19, 'a has it');
    const vader = await connectSynced({ node: b, docName, cookie: people.vader.cookie });
    await waitFor(() => textOf(vader.doc) === 'nog niet opgeslagen', 'healed from a');
  });

  it('node B’s subscriber lost and back: B gets the edits made on A meanwhile', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const { a, b, busB } = await twoNodes({ flushDelayMs: 60_000 });
    const moeder = await connectSynced({ node: a, docName, cookie: people.moeder.cookie });
    const vader = await connectSynced({ node: b, docName, cookie: people.vader.cookie });
    moeder.doc.getText('body').insert(0, 'eerst. ');
    await waitFor(() => textOf(vader.doc) === 'eerst. ', 'first edit crosses');

    busB.subscriber.disconnect();
    await waitFor(() => busB.subscriber.status === 'end', 'subscriber gone');
    moeder.doc.getText('body').insert(7, 'tijdens de storing.');
    await waitFor(() => a.rt.registry.get(docName)?.doc.getText('body').toString() === 'eerst. tijdens de storing.', 'a has it');
    await sleep(200);
    expect(textOf(vader.doc)).toBe('eerst. ');

    await busB.subscriber.connect();
    await waitFor(() => textOf(vader.doc) === 'eerst. tijdens de storing.', 'b healed after reconnect');
  });

  it('node A cut off from Redis: its edits meanwhile reach B once A is back', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const { a, b, busA } = await twoNodes({ flushDelayMs: 60_000 });
    const moeder = await connectSynced({ node: a, docName, cookie: people.moeder.cookie });
    const vader = await connectSynced({ node: b, docName, cookie: people.vader.cookie });

    // Redis drops A's connections (as a network cut would); A retries, but the editing goes on meanwhile.
    busA.publisher.disconnect();
    busA.subscriber.disconnect();
    moeder.doc.getText('body').insert(0, 'alleen op a.');
    await waitFor(() => a.rt.registry.get(docName)?.doc.getText('body').length === 12, 'a has it');
    await sleep(200);
    expect(textOf(vader.doc)).toBe('');

    // Back: A asks B what it lacks; B sees A holds more and asks back.
    await Promise.all([busA.publisher.connect(), busA.subscriber.connect()]);
    await waitFor(() => textOf(vader.doc) === 'alleen op a.', 'b got a’s edit');
  });

  it('kills of the bus connections by Redis itself are survived: both nodes keep converging', async () => {
    const { plan, people } = await family();
    const docName = docNameFor(plan.id, 'gezin');
    const { a, b } = await twoNodes();
    const moeder = await connectSynced({ node: a, docName, cookie: people.moeder.cookie });
    const vader = await connectSynced({ node: b, docName, cookie: people.vader.cookie });
    const { Redis } = await import('ioredis');
    const admin = new Redis(redisUrl ?? '');
    try {
      const list = (await admin.client('LIST')) as string;
      const ids = list
        .split('\n')
        .filter((line) => line.includes(`name=${prefix}`))
        .map((line) => /id=(\d+)/.exec(line)?.[1])
        .filter((id): id is string => id !== undefined);
      expect(ids.length).toBe(4);
      for (const id of ids) await admin.client('KILL', 'ID', id);
    } finally {
      admin.disconnect();
    }
    moeder.doc.getText('body').insert(0, 'na de storing.');
    await waitFor(() => textOf(vader.doc) === 'na de storing.', 'a → b after the kill');
  });
});
