/** The local outbox: mails written while no SMTP server is configured (dev and demo). */
import { desc } from 'drizzle-orm';
import type { Db } from '../client';
import { outboxMails } from '../schema';

export async function addOutboxMail(db: Db, mail: { to: string; subject: string; body: string; url: string | null }): Promise<void> {
  await db.insert(outboxMails).values(mail);
}

export async function listOutboxMails(db: Db, params: { limit?: number } = {}) {
  return db
    .select()
    .from(outboxMails)
    .orderBy(desc(outboxMails.createdAt))
    .limit(params.limit ?? 50);
}
