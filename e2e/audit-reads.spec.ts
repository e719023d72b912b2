import { expect, test } from '@playwright/test';
import type { PlanAuditResponse } from '../lib/api/audit';
import { signInOverHttp, type Session } from './live';

/**
 * Every read of plan content is an audit event (NEN 7513): a professional walks every GET route of a plan, and the
 * plan's own audit trail (`GET …/audit`, what the family's "Wie heeft ons plan bekeken?" shows) grows by one event
 * per call. A refused read reads nothing and adds nothing. Text with NUL is refused with 400 and stored nowhere.
 */

const HOUSEHOLD = 'Familie El Amrani'; // Fatima (GI) is its casusregisseur
const ME = 'Fatima Yilmaz';

/** The plan's GET routes, relative to `/api/plans/<id>`; the comment routes are walked once per visible section. */
function getRoutes(sections: string[]): { path: string; status: number }[] {
  return [
    { path: '', status: 200 },
    { path: '/household', status: 200 },
    { path: '/members', status: 200 },
    { path: '/consent', status: 403 }, // only the parents with gezag and young people decide: a professional reads nothing here
    { path: '/outcomes', status: 200 },
    { path: '/overrides', status: 200 },
    { path: '/placement', status: 200 },
    { path: '/ratings', status: 200 },
    { path: '/safety-scale', status: 200 },
    { path: '/safety/broken', status: 200 },
    ...sections.map((s) => ({ path: `/sections/${s}/comments`, status: 200 })),
    { path: '/versions', status: 200 },
    { path: '/export?format=json', status: 200 },
    { path: '/export?format=pdf', status: 200 },
    { path: '/audit', status: 200 },
  ];
}

async function planOf(session: Session): Promise<string> {
  const list = (await (await session.api.get('/api/plans')).json()) as { plans: { id: string; householdName: string }[] };
  const planId = list.plans.find((p) => p.householdName === HOUSEHOLD)?.id ?? '';
  expect(planId).not.toBe('');
  return planId;
}

/** My events in the plan's trail as the audit route shows them: reads (everything but looking at the trail) and trail views. */
async function myEvents(session: Session, planId: string): Promise<{ reads: number; views: number }> {
  const res = await session.api.get(`/api/plans/${planId}/audit`);
  expect(res.status()).toBe(200);
  const { days } = (await res.json()) as PlanAuditResponse;
  const mine = days.flatMap((d) => d.lines).filter((l) => l.actorName === ME);
  const sum = (lines: typeof mine) => lines.reduce((n, l) => n + l.count, 0);
  return { reads: sum(mine.filter((l) => l.action !== 'plan.audit_view')), views: sum(mine.filter((l) => l.action === 'plan.audit_view')) };
}

test('every GET route of a plan leaves exactly one event in the plan’s audit trail; a refused one leaves none', async ({ baseURL }) => {
  const fatima = await signInOverHttp(baseURL ?? '', 'fatima@demo.onsplan.nl');
  const planId = await planOf(fatima);
  const plan = (await (await fatima.api.get(`/api/plans/${planId}`)).json()) as { sections: { key: string }[] };
  const sections = plan.sections.map((s) => s.key);
  expect(sections).toEqual(expect.arrayContaining(['gezin', 'doelen', 'veiligheid', 'professioneel']));

  for (const route of getRoutes(sections)) {
    const before = await myEvents(fatima, planId);
    const res = await fatima.api.get(`/api/plans/${planId}${route.path}`);
    expect(res.status(), `GET ${route.path || '/'}`).toBe(route.status);
    expect(res.headers()['cache-control'], `GET ${route.path || '/'}: never cached`).toContain('no-store');
    const after = await myEvents(fatima, planId);
    // The audit route's own view of the trail is an event too: it shows up in the next look.
    const added = route.path === '/audit' ? after.views - before.views - 1 : after.reads - before.reads;
    expect(added, `GET ${route.path || '/'}: events added`).toBe(route.status === 200 ? 1 : 0);
    expect(after.views, 'looking at the trail is itself recorded').toBeGreaterThan(before.views);
  }
});

test('text with NUL is refused with 400 and stored nowhere: a comment, a rating note, an override reason', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const origin = new URL(base).origin;
  const fatima = await signInOverHttp(base, 'fatima@demo.onsplan.nl');
  const planId = await planOf(fatima);
  const api = `/api/plans/${planId}`;
  const marker = `NUL-${Date.now().toString(36)}`;
  const withNul = `${marker} voor\u0000na`;
  const refused = async (path: string, data: unknown) => {
    const res = await fatima.api.post(`${api}${path}`, { headers: { origin }, data });
    expect(res.status(), `POST ${path}`).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string; issues?: { path: string }[] } };
    expect(error.code).toBe('control_character');
    expect(error.message).toContain('stuurteken');
    return error;
  };
  const text = async (path: string) => (await fatima.api.get(`${api}${path}`)).text();

  const threadsBefore = await text('/sections/gezin/comments');
  expect(
    (await refused('/sections/gezin/comments', { anchorStart: 'AQRib2R5AA==', anchorEnd: 'AQRib2R5AA==', quote: 'iets', body: withNul })).issues?.[0]?.path,
  ).toBe('body');
  const threadsAfter = await text('/sections/gezin/comments');
  expect(threadsAfter).not.toContain(marker);
  expect(JSON.parse(threadsAfter)).toEqual(JSON.parse(threadsBefore));

  const ratingsBefore = ((await (await fatima.api.get(`${api}/ratings`)).json()) as { ratings: unknown[] }).ratings.length;
  expect((await refused('/ratings', { kind: 'zelfredzaamheid', domain: 'wonen', value: 3, note: withNul })).issues?.[0]?.path).toBe('note');
  const ratings = await text('/ratings');
  expect(ratings).not.toContain(marker);
  expect((JSON.parse(ratings) as { ratings: unknown[] }).ratings).toHaveLength(ratingsBefore);

  const overridesBefore = await text('/overrides');
  expect((await refused('/overrides', { role: 'netwerk', section: 'doelen', level: 'edit', reason: withNul })).issues?.[0]?.path).toBe('reason');
  const overridesAfter = await text('/overrides');
  expect(overridesAfter).not.toContain(marker);
  expect(JSON.parse(overridesAfter)).toEqual(JSON.parse(overridesBefore));

  // The same texts without the NUL are accepted: the character is the reason, nothing else.
  const rated = await fatima.api.post(`${api}/ratings`, {
    headers: { origin },
    data: { kind: 'zelfredzaamheid', domain: 'wonen', value: 3, note: `${marker} zonder` },
  });
  expect(rated.status()).toBe(201);
});
