/**
 * What next-auth stores (server/auth/adapter.ts): users, linked OIDC accounts and single-use verification tokens
 * (magic links). Sessions are JWTs, so there is no session table. Emails are stored lower-case.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { accounts, users, verificationTokens } from '../schema';
import type { UserRow } from './users';

export type NewAccount = typeof accounts.$inferInsert;
export type VerificationTokenRow = typeof verificationTokens.$inferSelect;

export async function createUser(db: Db, params: { name: string | null; email: string; emailVerified: Date | null; image: string | null }): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ name: params.name, email: params.email.toLowerCase(), emailVerified: params.emailVerified, image: params.image })
    .returning();
  if (!row) throw new Error('createUser returned nothing');
  return row;
}

/** Changes the given fields of a user; `undefined` leaves a field as it is. Throws when there is no such user. */
export async function updateUser(db: Db, params: { id: string; name?: string | null; emailVerified?: Date | null; image?: string | null }): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({
      ...(params.name !== undefined ? { name: params.name } : {}),
      ...(params.emailVerified !== undefined ? { emailVerified: params.emailVerified } : {}),
      ...(params.image !== undefined ? { image: params.image } : {}),
    })
    .where(eq(users.id, params.id))
    .returning();
  if (!row) throw new Error('updateUser: no such user');
  return row;
}

export async function findUserByAccount(db: Db, params: { provider: string; providerAccountId: string }): Promise<UserRow | null> {
  const [row] = await db
    .select({ user: users })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, params.provider), eq(accounts.providerAccountId, params.providerAccountId)))
    .limit(1);
  return row?.user ?? null;
}

export async function linkAccount(db: Db, account: NewAccount): Promise<void> {
  await db.insert(accounts).values(account);
}

export async function createVerificationToken(db: Db, token: VerificationTokenRow): Promise<void> {
  await db.insert(verificationTokens).values(token);
}

/** Single use: the token's row is deleted as it is read; null when it does not exist (or was used already). */
export async function consumeVerificationToken(db: Db, params: { identifier: string; token: string }): Promise<VerificationTokenRow | null> {
  const [row] = await db
    .delete(verificationTokens)
    .where(and(eq(verificationTokens.identifier, params.identifier), eq(verificationTokens.token, params.token)))
    .returning();
  return row ?? null;
}
