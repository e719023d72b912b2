/** User queries. Emails are matched case-insensitively. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { users } from '../schema';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, params: { email: string }): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${params.email})`)
    .limit(1);
  return row ?? null;
}

export async function findUserById(db: Db, params: { id: string }): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, params.id)).limit(1);
  return row ?? null;
}

/** Creates the account of an invited person, so the magic link in their invitation can sign them in. */
export async function createInvitedUser(db: Db, params: { name: string; email: string; organisationId: string | null }): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ name: params.name, email: params.email.trim().toLowerCase(), organisationId: params.organisationId })
    .returning();
  if (!row) throw new Error('insert user returned nothing');
  return row;
}
