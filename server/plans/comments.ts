import 'server-only';
/** Comment services: validate anchors, write, audit, and tell open editors to refresh their comments. */
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { addReply, createThread, findThread, resolveThread } from '@/db/queries/comments';
import type { LoadedMember } from '@/db/queries/members';
import { docNameFor, type SectionKey } from '@/lib/sections';
import { recordAudit } from '@/server/audit/record';
import { getRuntime } from '@/server/runtime';

/** True when the string is a base64-encoded Yjs relative position. */
export function isRelativePosition(encoded: string): boolean {
  try {
    Y.decodeRelativePosition(new Uint8Array(Buffer.from(encoded, 'base64')));
    return true;
  } catch {
    return false;
  }
}

function announce(planId: string, section: SectionKey): void {
  getRuntime()?.notify?.(docNameFor(planId, section), 'comments');
}

export async function startThread(
  member: LoadedMember,
  section: SectionKey,
  input: { anchorStart: string; anchorEnd: string; quote: string; body: string },
): Promise<string> {
  const db = getDb();
  const threadId = await createThread(db, { planId: member.planId, section, ...input, authorId: member.userId, authorRole: member.role });
  await recordAudit(db, { action: 'comment.create', actorUserId: member.userId, actorRole: member.role, planId: member.planId, section, basis: member.basis, details: { threadId } });
  announce(member.planId, section);
  return threadId;
}

/** Replies to a thread of this plan and section; false when there is no such thread. */
export async function replyToThread(member: LoadedMember, section: SectionKey, threadId: string, body: string): Promise<boolean> {
  const db = getDb();
  const thread = await findThread(db, { planId: member.planId, section, threadId });
  if (!thread || thread.resolvedAt) return false;
  await addReply(db, { threadId, authorId: member.userId, authorRole: member.role, body });
  await recordAudit(db, { action: 'comment.reply', actorUserId: member.userId, actorRole: member.role, planId: member.planId, section, basis: member.basis, details: { threadId } });
  announce(member.planId, section);
  return true;
}

/** Resolves a thread; false when there is no such open thread. */
export async function closeThread(member: LoadedMember, section: SectionKey, threadId: string): Promise<boolean> {
  const db = getDb();
  const thread = await findThread(db, { planId: member.planId, section, threadId });
  if (!thread || thread.resolvedAt) return false;
  await resolveThread(db, { threadId, userId: member.userId });
  await recordAudit(db, { action: 'comment.resolve', actorUserId: member.userId, actorRole: member.role, planId: member.planId, section, basis: member.basis, details: { threadId } });
  announce(member.planId, section);
  return true;
}
