/**
 * The plan routes as the route shape runs them, on a real database (only the session and the service context are
 * stand-ins): every GET of plan content leaves an audit event with access point and client; text holding NUL or
 * another control character is refused with 400 before any service runs, and nothing is stored; a rating of a goal
 * or domain that does not exist is a 400 in Dutch; and the refusal order (cross-site 403 → 401 → 404 → 403 → 400)
 * holds, in the one error body `{ error: { code, message, issues? } }`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '@/db/client';
import { appendUpdates } from '@/db/queries/yjs';
import { auditEvents, comments, commentThreads, planSectionOverrides, planStatusChanges, planVersions, ratings } from '@/db/schema';
import { docNameFor } from '@/lib/sections';
import { addGoal } from '@/lib/shapes/goals';
import type { ServiceContext } from '@/server/context';
import type { SessionUser } from '@/server/auth/session';
import { testContext } from '@/test/context';
import { openTestDatabase } from '@/test/db';
import { appointCasusregisseur, buildMember, buildPlan, buildUser } from '@/test/factories';
import * as audit from '@/app/api/plans/[planId]/audit/route';
import * as exportRoute from '@/app/api/plans/[planId]/export/route';
import * as household from '@/app/api/plans/[planId]/household/route';
import * as outcomes from '@/app/api/plans/[planId]/outcomes/route';
import * as overrides from '@/app/api/plans/[planId]/overrides/route';
import * as ratingsRoute from '@/app/api/plans/[planId]/ratings/route';
import * as planRoute from '@/app/api/plans/[planId]/route';
import * as safetyScale from '@/app/api/plans/[planId]/safety-scale/route';
import * as broken from '@/app/api/plans/[planId]/safety/broken/route';
import * as replies from '@/app/api/plans/[planId]/sections/[section]/comments/[threadId]/replies/route';
import * as commentsRoute from '@/app/api/plans/[planId]/sections/[section]/comments/route';
import * as status from '@/app/api/plans/[planId]/status/route';
import * as versions from '@/app/api/plans/[planId]/versions/route';

const state = vi.hoisted(() => ({ user: null as SessionUser | null, ctx: null as ServiceContext | null }));
vi.mock('@/server/auth/session', () => ({
  currentUser: () => Promise.resolve(state.user),
  requireUser: () => Promise.resolve(state.user),
}));
vi.mock('@/server/context', () => ({
  serviceContext: () => {
    if (!state.ctx) throw new Error('no test context');
    return state.ctx;
  },
}));

// The route shape's Origin check reads the configuration: a throw-away data directory, the default origin.
process.env.DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'onsplan-routes-'));
delete process.env.NEXTAUTH_URL;
const ORIGIN = 'http://localhost:3000';
const CLIENT = 'vitest-routes';
const SOCKET = '192.0.2.44';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let database: Database;
let f: Awaited<ReturnType<typeof planWithPeople>>;

beforeAll(async () => {
  database = await openTestDatabase();
  state.ctx = testContext(database.db).ctx;
  f = await planWithPeople();
});
afterAll(async () => {
  await database?.close();
});

async function planWithPeople() {
  const db = database.db;
  const plan = await buildPlan(db);
  const regisseur = await buildUser(db, { name: 'Fatima Regisseur' });
  const parent = await buildUser(db, { name: 'Sanne Ouder' });
  const outsider = await buildUser(db, { name: 'Kees Buiten' });
  await buildMember(db, { planId: plan.id, userId: regisseur.id, role: 'gi', basis: 'wettelijke_taak' });
  await appointCasusregisseur(db, { planId: plan.id, userId: regisseur.id });
  await buildMember(db, { planId: plan.id, userId: parent.id, role: 'ouder', gezag: true });
  const goals = new Y.Doc();
  addGoal(goals, { id: 'goal-rust-in-huis', domain: 'wonen', words: 'Rust in huis' });
  await appendUpdates(db, [{ doc: docNameFor(plan.id, 'doelen'), update: Y.encodeStateAsUpdate(goals), userId: null }]);
  const user = (u: { id: string; name: string | null; email: string }): SessionUser => ({ id: u.id, name: u.name, email: u.email });
  return { plan, regisseur: user(regisseur), parent: user(parent), outsider: user(outsider) };
}

/** Calls a route handler as the browser would: the session's user, our Origin on writes, a user agent. */
async function call(
  handler: Handler,
  options: { as: SessionUser | null; path?: string; params?: Record<string, string>; body?: unknown; origin?: string | null; method?: string },
) {
  state.user = options.as;
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { 'user-agent': CLIENT, 'x-onsplan-remote-addr': SOCKET };
  if (method !== 'GET' && options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const url = `${ORIGIN}/api/plans/${f.plan.id}${options.path ? `/${options.path}` : ''}`;
  const req = new Request(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const res = await handler(req, { params: Promise.resolve({ planId: f.plan.id, ...options.params }) });
  const type = res.headers.get('content-type') ?? '';
  const json = type.includes('application/json') ? ((await res.json()) as Record<string, unknown>) : null;
  return { status: res.status, json, cacheControl: res.headers.get('cache-control') };
}

const lastEventId = async () => {
  const [row] = await database.db.select({ id: sql<string>`coalesce(max(${auditEvents.id}), 0)` }).from(auditEvents);
  return Number(row?.id ?? 0);
};
const eventsSince = (id: number) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.planId, f.plan.id), gt(auditEvents.id, id)))
    .orderBy(asc(auditEvents.id));

describe('every GET of plan content is an audit event', () => {
  const reads: { name: string; handler: Handler; path: string; params?: Record<string, string>; action: string; section: string | null; via?: string }[] = [
    { name: 'the plan', handler: planRoute.GET as Handler, path: '', action: 'plan.read', section: null, via: 'api' },
    { name: 'household', handler: household.GET as Handler, path: 'household', action: 'plan.read', section: null, via: 'household' },
    { name: 'outcomes', handler: outcomes.GET as Handler, path: 'outcomes', action: 'plan.read', section: 'evaluatie', via: 'outcomes' },
    { name: 'overrides', handler: overrides.GET as Handler, path: 'overrides', action: 'plan.read', section: null, via: 'overrides' },
    { name: 'ratings', handler: ratingsRoute.GET as Handler, path: 'ratings', action: 'plan.read', section: 'doelen', via: 'ratings' },
    { name: 'safety scale', handler: safetyScale.GET as Handler, path: 'safety-scale', action: 'plan.read', section: 'veiligheid', via: 'safety-scale' },
    { name: 'broken agreements', handler: broken.GET as Handler, path: 'safety/broken', action: 'plan.read', section: 'veiligheid', via: 'broken-agreements' },
    ...(['gezin', 'professioneel'] as const).map((section) => ({
      name: `comments on ${section}`,
      handler: commentsRoute.GET as Handler,
      path: `sections/${section}/comments`,
      params: { section },
      action: 'plan.read',
      section,
      via: 'comments',
    })),
    { name: 'versions', handler: versions.GET as Handler, path: 'versions', action: 'plan.read', section: null, via: 'versions' },
    { name: 'export', handler: exportRoute.GET as Handler, path: 'export?format=json', action: 'plan.export', section: null },
    { name: 'audit trail', handler: audit.GET as Handler, path: 'audit', action: 'plan.audit_view', section: null },
  ];

  for (const read of reads) {
    it(`${read.name}: one event, by the reader in their role, with access point and client`, async () => {
      const before = await lastEventId();
      const res = await call(read.handler, { as: f.regisseur, path: read.path, params: read.params });
      expect(res.status).toBe(200);
      expect(res.cacheControl).toBe('no-store');
      const events = await eventsSince(before);
      expect(events.map((e) => [e.action, e.actorUserId, e.actorRole, e.section, e.accessPoint, e.client])).toEqual([
        [read.action, f.regisseur.id, 'gi', read.section, SOCKET, CLIENT],
      ]);
      if (read.via) expect(events[0]?.details).toMatchObject({ via: read.via });
    });
  }

  it('a refused read leaves no read event', async () => {
    const before = await lastEventId();
    expect(
      (await call(commentsRoute.GET as Handler, { as: f.parent, path: 'sections/professioneel/comments', params: { section: 'professioneel' } })).status,
    ).toBe(404);
    expect((await call(overrides.GET as Handler, { as: f.parent, path: 'overrides' })).status).toBe(403);
    expect((await call(ratingsRoute.GET as Handler, { as: f.outsider, path: 'ratings' })).status).toBe(404);
    expect(await eventsSince(before)).toEqual([]);
  });

  it('the audit trail names no section the reader may not see', async () => {
    await call(commentsRoute.GET as Handler, { as: f.regisseur, path: 'sections/professioneel/comments', params: { section: 'professioneel' } });
    const res = await call(audit.GET as Handler, { as: f.parent, path: 'audit' });
    expect(res.status).toBe(200);
    const lines = (res.json?.days as { lines: { actorName: string; action: string; section: string | null }[] }[]).flatMap((d) => d.lines);
    expect(lines.some((l) => l.actorName === 'Fatima Regisseur' && l.section === 'hidden')).toBe(true);
    expect(JSON.stringify(res.json)).not.toContain('professioneel');
  });
});

describe('text with control characters is refused before anything is stored', () => {
  const nul = 'Rust\u0000 in huis';
  const cases: { name: string; handler: Handler; path: string; params?: Record<string, string>; body: unknown }[] = [
    {
      name: 'a comment body',
      handler: commentsRoute.POST as Handler,
      path: 'sections/gezin/comments',
      params: { section: 'gezin' },
      body: { anchorStart: '3q2+7w==', anchorEnd: '3q2+7w==', quote: 'rust', body: nul },
    },
    {
      name: 'a rating note',
      handler: ratingsRoute.POST as Handler,
      path: 'ratings',
      body: { kind: 'voortgang', goalId: 'goal-rust-in-huis', value: 5, note: nul },
    },
    {
      name: 'an override reason',
      handler: overrides.POST as Handler,
      path: 'overrides',
      body: { role: 'netwerk', section: 'doelen', level: 'edit', reason: nul },
    },
    { name: 'a safety scale note', handler: safetyScale.POST as Handler, path: 'safety-scale', body: { value: 5, note: 'bel\u0007 me' } },
    {
      name: 'a broken agreement reason',
      handler: broken.POST as Handler,
      path: 'safety/broken',
      body: { agreementId: 'afspraak-0001', discussedWithFamily: false, reason: 'niet\u001b besproken' },
    },
    { name: 'a version name', handler: versions.POST as Handler, path: 'versions', body: { name: 'Versie\u007f 1' } },
    { name: 'a status reason', handler: status.POST as Handler, path: 'status', body: { to: 'afgesloten', reason: 'verhuisd\u0000' } },
  ];

  for (const c of cases) {
    it(`${c.name}: 400 control_character with the field's path`, async () => {
      const before = await lastEventId();
      const res = await call(c.handler, { as: f.regisseur, path: c.path, params: c.params, body: c.body });
      expect(res.status).toBe(400);
      const error = res.json?.error as { code: string; message: string; issues: { path: string }[] };
      expect(error.code).toBe('control_character');
      expect(error.message).toMatch(/stuurteken/);
      expect(error.issues[0]?.path).toMatch(/^(body|note|reason|name)$/);
      expect(await eventsSince(before)).toEqual([]);
    });
  }

  it('nothing of them is stored', async () => {
    const planId = f.plan.id;
    expect(await database.db.select().from(commentThreads).where(eq(commentThreads.planId, planId))).toEqual([]);
    expect(await database.db.select().from(ratings).where(eq(ratings.planId, planId))).toEqual([]);
    expect(await database.db.select().from(planSectionOverrides).where(eq(planSectionOverrides.planId, planId))).toEqual([]);
    expect(await database.db.select().from(planVersions).where(eq(planVersions.planId, planId))).toEqual([]);
    expect(await database.db.select().from(planStatusChanges).where(eq(planStatusChanges.planId, planId))).toEqual([]);
    expect(await database.db.select().from(comments)).toEqual([]);
  });
});

describe('ratings only of what exists', () => {
  it('a goal that is not in the plan or a domain the region lacks: 400 in Dutch; a real goal: 201', async () => {
    const unknownGoal = await call(ratingsRoute.POST as Handler, {
      as: f.parent,
      path: 'ratings',
      body: { kind: 'voortgang', goalId: 'goal-bestaat-niet', value: 5 },
    });
    expect(unknownGoal.status).toBe(400);
    expect(unknownGoal.json?.error).toMatchObject({ code: 'unknown_goal', issues: [{ path: 'goalId' }] });
    expect((unknownGoal.json?.error as { message: string }).message).toMatch(/Dit doel staat niet/);
    const unknownDomain = await call(ratingsRoute.POST as Handler, {
      as: f.parent,
      path: 'ratings',
      body: { kind: 'zelfredzaamheid', domain: 'gezondheid', value: 3 },
    });
    expect(unknownDomain.status).toBe(400);
    expect(unknownDomain.json?.error).toMatchObject({ code: 'unknown_domain', issues: [{ path: 'domain' }] });
    expect(await database.db.select().from(ratings).where(eq(ratings.planId, f.plan.id))).toEqual([]);

    const created = await call(ratingsRoute.POST as Handler, {
      as: f.parent,
      path: 'ratings',
      body: { kind: 'voortgang', goalId: 'goal-rust-in-huis', value: 5 },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: expect.any(String) });
  });
});

describe('the refusal order', () => {
  const body = { role: 'netwerk', section: 'doelen', level: 'edit', reason: '' }; // invalid: no reason
  it('cross-site 403 → 401 → 404 → 403 → 400', async () => {
    const crossSite = await call(overrides.POST as Handler, { as: null, path: 'overrides', body, origin: 'https://evil.example' });
    expect([crossSite.status, (crossSite.json?.error as { code: string }).code]).toEqual([403, 'cross_site']);
    expect((await call(overrides.POST as Handler, { as: null, path: 'overrides', body })).status).toBe(401);
    expect((await call(overrides.POST as Handler, { as: f.outsider, path: 'overrides', body })).status).toBe(404);
    const forbidden = await call(overrides.POST as Handler, { as: f.parent, path: 'overrides', body });
    expect([forbidden.status, (forbidden.json?.error as { message: string }).message]).toEqual([
      403,
      'Alleen de casusregisseur kan de rechten in dit plan aanpassen.',
    ]);
    const invalid = await call(overrides.POST as Handler, { as: f.regisseur, path: 'overrides', body });
    expect([invalid.status, (invalid.json?.error as { code: string }).code]).toEqual([400, 'invalid_input']);
  });

  it('a malformed thread id answers 404 before the body is read', async () => {
    const res = await call(replies.POST as Handler, {
      as: f.parent,
      path: 'sections/gezin/comments/not-a-uuid/replies',
      params: { section: 'gezin', threadId: 'not-a-uuid' },
      body: { body: '' },
    });
    expect([res.status, (res.json?.error as { code: string }).code]).toEqual([404, 'thread_not_found']);
  });

  it('an export in an unknown format is a 400 after membership (a stranger gets 404)', async () => {
    expect((await call(exportRoute.GET as Handler, { as: f.outsider, path: 'export?format=docx' })).status).toBe(404);
    const res = await call(exportRoute.GET as Handler, { as: f.parent, path: 'export?format=docx' });
    expect([res.status, (res.json?.error as { code: string }).code]).toEqual([400, 'invalid_format']);
  });
});
