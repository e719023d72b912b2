/**
 * The permission matrix, proven from outside: every role × every section × {see in the rendered page, open the
 * room, receive content, write, show presence}, through the real HTTP server and real sockets. The expected
 * answers are the matrix of DOMAIN.md written out by hand in test/permission-matrix.ts, not computed by the policy
 * under test.
 */
import { expect, test } from '@playwright/test';
import { MATRIX_ROWS, SECTION_TITLES_HTML } from '../test/permission-matrix';
import { eventually, openLive, signInOverHttp, textOf, upgradeStatus, writeParagraph, type Session } from './live';

// Familie Bos (demo) has one member of every role; Noah is 17, so `overgang18` exists.
const PEOPLE = {
  ouder: 'linda@demo.onsplan.nl',
  jeugdige: 'noah@demo.onsplan.nl',
  netwerk: 'gerrit@demo.onsplan.nl',
  lokaal_team: 'mo@demo.onsplan.nl',
  aanbieder: 'eva@demo.onsplan.nl',
  gi: 'fatima@demo.onsplan.nl',
  verwijzer: 'anouk@demo.onsplan.nl',
  tafel: 'henk@demo.onsplan.nl',
} as const;
type Role = keyof typeof PEOPLE;
const ROLES = Object.keys(PEOPLE) as Role[];
const TITLES: Record<string, string> = SECTION_TITLES_HTML;
const rows = MATRIX_ROWS;

test.describe.configure({ mode: 'serial' });

test('every role × every section: see, open, receive, write, presence', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const base = baseURL ?? '';
  const sessions = {} as Record<Role, Session>;
  for (const role of ROLES) sessions[role] = await signInOverHttp(base, PEOPLE[role]);
  const people = (await (await sessions.gi.api.get('/api/demo/people')).json()) as {
    people: { email: string; plans: { planId: string; householdName: string }[] }[];
  };
  const planId = people.people.flatMap((p) => p.plans).find((p) => p.householdName === 'Familie Bos')?.planId ?? '';
  expect(planId).not.toBe('');

  // The GI (casusregisseur, edits everything) writes a marker into each section and stays as the observer.
  const observers = new Map<string, Awaited<ReturnType<typeof openLive>>>();
  for (const { section } of rows) {
    const live = await openLive(base, `plan:${planId}:${section}`, sessions.gi.cookie);
    writeParagraph(live.doc, `INHOUD-${section}`);
    observers.set(section, live);
  }

  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };

  for (const role of ROLES) {
    const session = sessions[role];
    const api = await session.api.get(`/api/plans/${planId}`);
    expect(api.status()).toBe(200);
    const apiSections = ((await api.json()) as { sections: { key: string; right: string }[] }).sections;

    for (const { section, cells } of rows) {
      const cell = cells[ROLES.indexOf(role)];
      const level = cell === 'E' ? 'edit' : cell === 'C' ? 'comment' : cell === 'R' ? 'read' : 'none';
      const where = `${role} × ${section}`;

      // 1. see: in the rendered page (tab and title) and in the API, or not at all.
      const html = await (await session.api.get(`/plannen/${planId}?sectie=${section}`)).text();
      check(html.includes(`section-tab-${section}`) === (level !== 'none'), `${where}: tab shown should be ${level !== 'none'}`);
      if (level === 'none' && section !== 'netwerk' && section !== 'tafel') {
        // The title appears nowhere in the page — not in the HTML and not in the data sent along for React.
        check(!html.includes(TITLES[section] ?? '??'), `${where}: hidden title leaked into the page`);
      }
      const fromApi = apiSections.find((s) => s.key === section);
      check((fromApi?.right ?? 'none') === level, `${where}: API says ${fromApi?.right ?? 'none'}, matrix says ${level}`);

      // 2. open the room.
      const status = await upgradeStatus(base, `plan:${planId}:${section}`, { cookie: session.cookie, origin: new URL(base).origin });
      check(status === (level === 'none' ? 403 : 101), `${where}: upgrade answered ${status}`);
      if (level === 'none') continue;

      // 3. receive content, 4. write, 5. presence.
      const live = await openLive(base, `plan:${planId}:${section}`, session.cookie);
      check(textOf(live.doc).includes(`INHOUD-${section}`), `${where}: did not receive the section's content`);
      const observer = observers.get(section);
      if (!observer) throw new Error('no observer');
      const marker = `SCHRIJF-${role}-${section}`;
      writeParagraph(live.doc, marker);
      live.provider.awareness.setLocalStateField('user', { name: 'Iemand anders', color: '#000' });
      const seesPresence = () =>
        [...observer.provider.awareness.getStates().values()].some((s) => (s as { user?: { id?: string } }).user?.id === session.userId);
      if (level === 'edit') {
        check(await eventually(() => textOf(observer.doc).includes(marker), 5000), `${where}: write did not arrive`);
      } else {
        check(!(await eventually(() => textOf(observer.doc).includes(marker), 700)), `${where}: read-only write was accepted`);
      }
      const presenceExpected = level === 'edit' || level === 'comment';
      const presenceSeen = await eventually(seesPresence, presenceExpected ? 5000 : 700);
      check(presenceSeen === presenceExpected, `${where}: presence seen=${presenceSeen}, expected ${presenceExpected}`);
      if (presenceSeen) {
        // Whatever name the client claims, others see the signed-in person's real name.
        const state = [...observer.provider.awareness.getStates().values()].find((s) => (s as { user?: { id?: string } }).user?.id === session.userId) as
          { user?: { name?: string } } | undefined;
        check(state?.user?.name !== 'Iemand anders', `${where}: a claimed name was relayed`);
      }
      live.close();
    }
  }
  for (const o of observers.values()) o.close();
  expect(failures).toEqual([]);
});

test('non-members and signed-out visitors reach nothing', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const sanne = await signInOverHttp(base, 'sanne@demo.onsplan.nl'); // not a member of Familie Bos
  const people = (await (await sanne.api.get('/api/demo/people')).json()) as { people: { plans: { planId: string; householdName: string }[] }[] };
  const planId = people.people.flatMap((p) => p.plans).find((p) => p.householdName === 'Familie Bos')?.planId ?? '';
  expect((await sanne.api.get(`/api/plans/${planId}`)).status()).toBe(404);
  expect((await sanne.api.get(`/api/plans/00000000-0000-4000-8000-000000000000`)).status()).toBe(404);
  expect((await sanne.api.get(`/api/plans/not-a-uuid`)).status()).toBe(404);
  expect(await upgradeStatus(base, `plan:${planId}:gezin`, { cookie: sanne.cookie, origin: new URL(base).origin })).toBe(403);
  expect(await upgradeStatus(base, `plan:${planId}:gezin`, { origin: new URL(base).origin })).toBe(401);
  expect(await upgradeStatus(base, `plan:${planId}:gezin`, { cookie: sanne.cookie, origin: 'https://evil.example' })).toBe(403);
  const anonymous = await (await import('@playwright/test')).request.newContext({ baseURL: base });
  expect((await anonymous.get(`/api/plans/${planId}`)).status()).toBe(401);
  expect((await anonymous.get('/api/plans')).status()).toBe(401);
});

test('the casusregisseur can change the matrix for one role in one plan, with a reason; open connections pick it up', async ({ baseURL }) => {
  const base = baseURL ?? '';
  const origin = new URL(base).origin;
  const fatima = await signInOverHttp(base, PEOPLE.gi); // casusregisseur of Familie Bos
  const gerrit = await signInOverHttp(base, PEOPLE.netwerk);
  const mo = await signInOverHttp(base, PEOPLE.lokaal_team); // member, not casusregisseur
  const sanne = await signInOverHttp(base, 'sanne@demo.onsplan.nl'); // not a member
  const people = (await (await fatima.api.get('/api/demo/people')).json()) as { people: { plans: { planId: string; householdName: string }[] }[] };
  const planId = people.people.flatMap((p) => p.plans).find((p) => p.householdName === 'Familie Bos')?.planId ?? '';
  const url = `/api/plans/${planId}/overrides`;
  const headers = { origin };

  // Refusals: non-member 404, member without manage 403, bad input 400, cross-site 403, signed out 401.
  expect((await sanne.api.post(url, { headers, data: { role: 'netwerk', section: 'doelen', level: 'edit', reason: 'test reden' } })).status()).toBe(404);
  expect((await mo.api.post(url, { headers, data: { role: 'netwerk', section: 'doelen', level: 'edit', reason: 'test reden' } })).status()).toBe(403);
  expect((await fatima.api.post(url, { headers, data: { role: 'netwerk', section: 'doelen', level: 'edit', reason: '' } })).status()).toBe(400);
  expect((await fatima.api.post(url, { headers, data: { role: 'gemeente', section: 'doelen', level: 'edit', reason: 'test reden' } })).status()).toBe(400);
  expect(
    (
      await fatima.api.post(url, {
        headers: { origin: 'https://evil.example' },
        data: { role: 'netwerk', section: 'doelen', level: 'edit', reason: 'test reden' },
      })
    ).status(),
  ).toBe(403);
  const anonymous = await (await import('@playwright/test')).request.newContext({ baseURL: base });
  expect((await anonymous.get(url)).status()).toBe(401);
  expect((await mo.api.get(url)).status()).toBe(403);

  // Gerrit has goals open (comment: read-only); the override makes him an editor and his connection reconnects.
  const live = await openLive(base, `plan:${planId}:doelen`, gerrit.cookie);
  const observer = await openLive(base, `plan:${planId}:doelen`, fatima.cookie);
  const res = await fatima.api.post(url, {
    headers,
    data: { role: 'netwerk', section: 'doelen', level: 'edit', reason: 'Opa Gerrit werkt mee aan de doelen van Noah.' },
  });
  expect(res.status()).toBe(200);
  expect(await eventually(() => live.closeCodes.includes(4000), 5000)).toBe(true);
  await eventually(() => live.provider.wsconnected && live.provider.synced, 5000);
  const marker = `GERRIT-MAG-NU-${Date.now()}`;
  writeParagraph(live.doc, marker);
  expect(await eventually(() => textOf(observer.doc).includes(marker), 5000)).toBe(true);

  // Hiding a section removes it from the page, the API and the socket.
  await fatima.api.post(url, { headers, data: { role: 'netwerk', section: 'gezin', level: 'none', reason: 'Tijdelijk alleen voor het gezin zelf.' } });
  const sections = ((await (await gerrit.api.get(`/api/plans/${planId}`)).json()) as { sections: { key: string; right: string }[] }).sections;
  expect(sections.find((s) => s.key === 'gezin')).toBeUndefined();
  expect(sections.find((s) => s.key === 'doelen')?.right).toBe('edit');
  expect(await upgradeStatus(base, `plan:${planId}:gezin`, { cookie: gerrit.cookie, origin })).toBe(403);

  // History is kept; restoring the defaults brings the matrix back.
  await fatima.api.post(url, { headers, data: { role: 'netwerk', section: 'gezin', level: null, reason: 'Terug naar de standaard.' } });
  await fatima.api.post(url, { headers, data: { role: 'netwerk', section: 'doelen', level: null, reason: 'Terug naar de standaard.' } });
  const history = ((await (await fatima.api.get(url)).json()) as { overrides: { reason: string; endedAt: string | null }[] }).overrides;
  expect(history.length).toBeGreaterThanOrEqual(2);
  expect(history.every((o) => o.endedAt !== null)).toBe(true);
  const restored = ((await (await gerrit.api.get(`/api/plans/${planId}`)).json()) as { sections: { key: string; right: string }[] }).sections;
  expect(restored.find((s) => s.key === 'gezin')?.right).toBe('read');
  expect(restored.find((s) => s.key === 'doelen')?.right).toBe('comment');
  live.close();
  observer.close();
});
