/**
 * The upgrade: everything is refused with a plain HTTP status before any WebSocket exists, and only a signed-in,
 * active member whose role may read the section gets a socket.
 */
import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it } from 'vitest';
import { docNameFor } from '../../lib/sections';
import { databasePerFile } from '../../test/database-per-file';
import { realtimeNodePerFile } from '../../test/realtime-per-file';
import { buildMember, buildPlan, buildPlanWithMembers, buildUser, SESSION_COOKIE, sessionCookie } from '../../test/factories';
import { closeAllRaw, rawConnect, SECRET } from '../../test/realtime';

const database = databasePerFile();
const node = realtimeNodePerFile(() => ({ db: database.db }));
afterEach(() => closeAllRaw());

async function statusOf(path: string, cookie: string | null, origin?: string | null): Promise<number> {
  const result = await rawConnect({ node, path, cookie, origin });
  if (result.opened) {
    result.raw.close();
    return 101;
  }
  return result.status;
}

describe('upgrade to /collab/<doc>', () => {
  it('opens a socket for an active member whose role may read the section', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, { ouder: { role: 'ouder' } });
    expect(await statusOf(`/collab/${docNameFor(plan.id, 'gezin')}`, people.ouder.cookie)).toBe(101);
  });

  it('answers 401 without a session cookie, before any WebSocket exists', async () => {
    const plan = await buildPlan(database.db);
    expect(await statusOf(`/collab/${docNameFor(plan.id, 'gezin')}`, null)).toBe(401);
  });

  it('answers 401 for a cookie signed with another secret or garbage', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, { ouder: { role: 'ouder' } });
    const doc = `/collab/${docNameFor(plan.id, 'gezin')}`;
    const forged = await sessionCookie(people.ouder.user.id, 'another-secret-that-is-also-long-enough-0123456789');
    expect(await statusOf(doc, forged)).toBe(401);
    expect(await statusOf(doc, 'next-auth.session-token=not-a-jwt')).toBe(401);
  });

  it('answers 401 for an expired session', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, { ouder: { role: 'ouder' } });
    // Expired a minute ago (beyond next-auth's 15 s clock tolerance).
    const token = await encode({ token: { sub: people.ouder.user.id }, secret: SECRET, maxAge: -60 });
    expect(await statusOf(`/collab/${docNameFor(plan.id, 'gezin')}`, `${SESSION_COOKIE}=${token}`)).toBe(401);
  });

  it('answers 401, not a server error, for a valid token that names no user id the database could hold', async () => {
    const plan = await buildPlan(database.db);
    for (const sub of ['not-a-uuid', "' or 1=1 --", '']) {
      expect(await statusOf(`/collab/${docNameFor(plan.id, 'gezin')}`, await sessionCookie(sub, SECRET)), sub).toBe(401);
    }
  });

  it('answers 403 for a missing or foreign Origin, even with a valid session', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, { ouder: { role: 'ouder' } });
    const doc = `/collab/${docNameFor(plan.id, 'gezin')}`;
    expect(await statusOf(doc, people.ouder.cookie, null)).toBe(403);
    expect(await statusOf(doc, people.ouder.cookie, 'https://evil.example')).toBe(403);
    expect(await statusOf(doc, people.ouder.cookie, 'http://localhost:3000.evil.example')).toBe(403);
  });

  it('answers 403 to a signed-in person who is not a member of the plan', async () => {
    const plan = await buildPlan(database.db);
    const stranger = await buildUser(database.db, { name: 'Vreemde' });
    expect(await statusOf(`/collab/${docNameFor(plan.id, 'gezin')}`, await sessionCookie(stranger.id, SECRET))).toBe(403);
  });

  it('answers 403 to a member of another plan (no plan id guessing)', async () => {
    const { people } = await buildPlanWithMembers(database.db, SECRET, { ouder: { role: 'ouder' } });
    const otherPlan = await buildPlan(database.db);
    expect(await statusOf(`/collab/${docNameFor(otherPlan.id, 'gezin')}`, people.ouder.cookie)).toBe(403);
  });

  it('answers 403 for a plan id that does not exist', async () => {
    const { people } = await buildPlanWithMembers(database.db, SECRET, { ouder: { role: 'ouder' } });
    expect(await statusOf(`/collab/${docNameFor('00000000-0000-4000-8000-000000000000', 'gezin')}`, people.ouder.cookie)).toBe(403);
  });

  it('answers 403 when the role may not read the section (ouder on professioneel, verwijzer on veiligheid)', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, {
      ouder: { role: 'ouder' },
      verwijzer: { role: 'verwijzer' },
      wijkteam: { role: 'lokaal_team' },
    });
    expect(await statusOf(`/collab/${docNameFor(plan.id, 'professioneel')}`, people.ouder.cookie)).toBe(403);
    expect(await statusOf(`/collab/${docNameFor(plan.id, 'veiligheid')}`, people.verwijzer.cookie)).toBe(403);
    // …while a role that may read it gets in.
    expect(await statusOf(`/collab/${docNameFor(plan.id, 'professioneel')}`, people.wijkteam.cookie)).toBe(101);
  });

  it('answers 403 to a member whose consent is pending or whose membership ended', async () => {
    const plan = await buildPlan(database.db);
    const waiting = await buildUser(database.db);
    const ended = await buildUser(database.db);
    await buildMember(database.db, { planId: plan.id, userId: waiting.id, role: 'aanbieder', status: 'wacht_op_toestemming' });
    await buildMember(database.db, { planId: plan.id, userId: ended.id, role: 'aanbieder', status: 'beeindigd' });
    const doc = `/collab/${docNameFor(plan.id, 'gezin')}`;
    expect(await statusOf(doc, await sessionCookie(waiting.id, SECRET))).toBe(403);
    expect(await statusOf(doc, await sessionCookie(ended.id, SECRET))).toBe(403);
  });

  it('answers 400 for a malformed doc name', async () => {
    const { plan, people } = await buildPlanWithMembers(database.db, SECRET, { ouder: { role: 'ouder' } });
    const cookie = people.ouder.cookie;
    for (const path of [
      '/collab/',
      '/collab/nonsense',
      `/collab/plan:${plan.id}`,
      `/collab/plan:${plan.id}:geheim`,
      `/collab/plan:${plan.id}:gezin:extra`,
      '/collab/plan:not-a-uuid:gezin',
      `/collab/plan:${plan.id.toUpperCase()}:gezin`,
      '/collab/%E0%A4%A',
    ]) {
      expect(await statusOf(path, cookie), path).toBe(400);
    }
  });

  it('leaves paths outside /collab/ to others (the HTTP server destroys them here)', async () => {
    const result = rawConnect({ node, path: '/elders', cookie: null });
    await expect(result).rejects.toThrow();
  });
});
