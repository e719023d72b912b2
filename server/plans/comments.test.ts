/**
 * Comment services against a real database: who may read and write comments on a section (a section the member
 * may not see does not exist for them), valid anchors, a thread of another section or plan cannot be reached by its
 * id; each write commits with its audit event (access point and client included), and open editors are told only
 * after the commit.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { auditEvents, comments, commentThreads } from '@/db/schema';
import { testContext, VIA } from '@/test/context';
import { refusalOf } from '@/test/assert';
import { databasePerFile } from '@/test/database-per-file';
import { buildPlanWithPeople } from '@/test/factories';
import { closeThread, openThreads, replyToThread, startThread } from './comments';

const database = databasePerFile();

/** Two anchors into a text, as the editor encodes them (base64 Yjs relative positions). */
function anchors(): { anchorStart: string; anchorEnd: string } {
  const doc = new Y.Doc();
  const text = doc.getText('body');
  text.insert(0, 'Wij willen rust in huis.');
  const at = (i: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString('base64');
  return { anchorStart: at(11), anchorEnd: at(15) };
}

const thread = (body = 'Wat betekent rust voor jullie?') => ({ ...anchors(), quote: 'rust', body });

async function planWithPeople() {
  const { plan, as, people } = await buildPlanWithPeople(database.db, {
    parent: { name: 'Sanne Ouder', role: 'ouder', gezag: true }, // gezin: edit, professioneel: none
    referrer: { name: 'Anouk Huisarts', role: 'verwijzer' }, // gezin: read
    provider: { name: 'Eva Aanbieder', role: 'aanbieder' }, // professioneel: edit
    outsider: { name: 'Kees Buiten' },
  });
  return { plan, as, ...people };
}

const commentEvents = (planId: string) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.planId, planId), inArray(auditEvents.action, ['comment.create', 'comment.reply', 'comment.resolve'])))
    .orderBy(asc(auditEvents.id));
const threadsOf = (planId: string) => database.db.select().from(commentThreads).where(eq(commentThreads.planId, planId));

describe('comment threads', () => {
  it('a parent starts a thread, a provider replies and resolves it; each step is audited and announced after the commit', async () => {
    const f = await planWithPeople();
    const { ctx, notified } = testContext(database.db);
    const id = await startThread(ctx, { actor: f.as(f.parent), section: 'gezin', input: thread(), via: VIA });
    expect((await openThreads(ctx, { actor: f.as(f.referrer), section: 'gezin' })).map((t) => [t.id, t.quote, t.comments.map((c) => c.body)])).toEqual([
      [id, 'rust', ['Wat betekent rust voor jullie?']],
    ]);

    await replyToThread(ctx, { actor: f.as(f.provider), section: 'gezin', threadId: id, body: 'Geen ruzie bij het wisselen.', via: VIA });
    const [open] = await openThreads(ctx, { actor: f.as(f.parent), section: 'gezin' });
    expect(open?.comments.map((c) => [c.authorName, c.authorRole, c.body])).toEqual([
      ['Sanne Ouder', 'ouder', 'Wat betekent rust voor jullie?'],
      ['Eva Aanbieder', 'aanbieder', 'Geen ruzie bij het wisselen.'],
    ]);

    await closeThread(ctx, { actor: f.as(f.provider), section: 'gezin', threadId: id, via: VIA });
    expect(await openThreads(ctx, { actor: f.as(f.parent), section: 'gezin' })).toEqual([]);
    const [stored] = await threadsOf(f.plan.id);
    expect(stored).toMatchObject({ id, resolvedBy: f.provider.id });

    const audit = await commentEvents(f.plan.id);
    expect(audit.map((e) => [e.action, e.actorUserId, e.actorRole, e.section, e.accessPoint, e.client, (e.details as { threadId: string }).threadId])).toEqual([
      ['comment.create', f.parent.id, 'ouder', 'gezin', VIA.accessPoint, VIA.client, id],
      ['comment.reply', f.provider.id, 'aanbieder', 'gezin', VIA.accessPoint, VIA.client, id],
      ['comment.resolve', f.provider.id, 'aanbieder', 'gezin', VIA.accessPoint, VIA.client, id],
    ]);
    expect(notified).toEqual(Array.from({ length: 3 }, () => ({ docName: `plan:${f.plan.id}:gezin`, topic: 'comments' })));
  });

  it('a read-only role may read but not comment; a hidden section and an outsider find nothing; bad anchors are refused', async () => {
    const f = await planWithPeople();
    const { ctx, notified } = testContext(database.db);
    const byReferrer = await refusalOf(startThread(ctx, { actor: f.as(f.referrer), section: 'gezin', input: thread(), via: VIA }));
    expect(byReferrer.kind).toBe('forbidden');
    expect(byReferrer.message).toBe('Je mag in dit onderdeel niet reageren.');
    // professioneel is hidden from parents: as if it does not exist, for reading and for writing.
    expect((await refusalOf(openThreads(ctx, { actor: f.as(f.parent), section: 'professioneel' }))).code).toBe('section_not_found');
    expect((await refusalOf(startThread(ctx, { actor: f.as(f.parent), section: 'professioneel', input: thread(), via: VIA }))).kind).toBe('not_found');
    expect((await refusalOf(openThreads(ctx, { actor: f.as(f.outsider), section: 'gezin' }))).code).toBe('plan_not_found');
    expect((await refusalOf(startThread(ctx, { actor: f.as(f.outsider), section: 'gezin', input: thread(), via: VIA }))).kind).toBe('not_found');
    const bad = await refusalOf(startThread(ctx, { actor: f.as(f.parent), section: 'gezin', input: { ...thread(), anchorStart: '////' }, via: VIA }));
    expect(bad.kind).toBe('invalid');
    // The provider may comment on the professional section; the parent never sees that thread.
    await startThread(ctx, { actor: f.as(f.provider), section: 'professioneel', input: thread('Meldcode besproken.'), via: VIA });
    expect((await openThreads(ctx, { actor: f.as(f.provider), section: 'professioneel' })).length).toBe(1);

    expect((await threadsOf(f.plan.id)).map((t) => t.section)).toEqual(['professioneel']);
    expect((await commentEvents(f.plan.id)).map((e) => [e.action, e.section])).toEqual([['comment.create', 'professioneel']]);
    expect(notified).toEqual([{ docName: `plan:${f.plan.id}:professioneel`, topic: 'comments' }]);
  });

  it('a thread is reached only in its own plan and section, only while open, and not by a malformed id', async () => {
    const f = await planWithPeople();
    const other = await planWithPeople();
    const { ctx, notified } = testContext(database.db);
    const id = await startThread(ctx, { actor: f.as(f.parent), section: 'gezin', input: thread(), via: VIA });
    const otherId = await startThread(ctx, { actor: other.as(other.parent), section: 'gezin', input: thread(), via: VIA });
    notified.length = 0;
    const reply = (threadId: string, section: 'gezin' | 'doelen' = 'gezin') =>
      refusalOf(replyToThread(ctx, { actor: f.as(f.parent), section, threadId, body: 'antwoord', via: VIA }));
    expect((await reply(id, 'doelen')).code).toBe('thread_not_found');
    expect((await reply(otherId)).code).toBe('thread_not_found');
    expect((await reply('not-a-uuid')).code).toBe('thread_not_found');
    expect((await refusalOf(closeThread(ctx, { actor: f.as(f.referrer), section: 'gezin', threadId: id, via: VIA }))).kind).toBe('forbidden');

    await closeThread(ctx, { actor: f.as(f.parent), section: 'gezin', threadId: id, via: VIA });
    expect((await refusalOf(closeThread(ctx, { actor: f.as(f.parent), section: 'gezin', threadId: id, via: VIA }))).code).toBe('thread_not_found');
    expect((await reply(id)).code).toBe('thread_not_found');

    const stored = await database.db
      .select()
      .from(comments)
      .where(inArray(comments.threadId, [id, otherId]));
    expect(stored).toHaveLength(2); // only the two first comments
    expect((await commentEvents(f.plan.id)).map((e) => e.action)).toEqual(['comment.create', 'comment.resolve']);
    expect(notified).toEqual([{ docName: `plan:${f.plan.id}:gezin`, topic: 'comments' }]);
  });

  it('a comment whose audit event cannot be written is not stored, and nobody is told', async () => {
    const f = await planWithPeople();
    const { ctx, notified } = testContext(database.db);
    const broken = { accessPoint: VIA.accessPoint, client: 'vitest\u0000' };
    await expect(startThread(ctx, { actor: f.as(f.parent), section: 'gezin', input: thread(), via: broken })).rejects.toThrow();
    expect(await threadsOf(f.plan.id)).toEqual([]);

    const id = await startThread(ctx, { actor: f.as(f.parent), section: 'gezin', input: thread(), via: VIA });
    await expect(replyToThread(ctx, { actor: f.as(f.provider), section: 'gezin', threadId: id, body: 'antwoord', via: broken })).rejects.toThrow();
    await expect(closeThread(ctx, { actor: f.as(f.provider), section: 'gezin', threadId: id, via: broken })).rejects.toThrow();
    const [open] = await openThreads(ctx, { actor: f.as(f.parent), section: 'gezin' });
    expect(open?.comments).toHaveLength(1);
    expect(open?.resolvedAt).toBeNull();
    expect((await commentEvents(f.plan.id)).map((e) => e.action)).toEqual(['comment.create']);
    expect(notified).toHaveLength(1);
  });
});
