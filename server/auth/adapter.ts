/**
 * The next-auth v4 adapter on our drizzle schema. Sessions are JWTs, so only users, accounts and
 * verification tokens (magic links) are stored.
 */
import { and, eq } from 'drizzle-orm';
import type { Adapter, AdapterAccount, AdapterUser } from 'next-auth/adapters';
import type { Db } from '../../db/client';
import { findUserByEmail, findUserById, type UserRow } from '../../db/queries/users';
import { accounts, users, verificationTokens } from '../../db/schema';

function toAdapterUser(row: UserRow): AdapterUser {
  return { id: row.id, name: row.name, email: row.email, emailVerified: row.emailVerified, image: row.image };
}

/** Builds the adapter; `getDb` is called per operation so it always uses the process-wide database. */
export function drizzleAdapter(getDb: () => Db): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, 'id'>) {
      const [row] = await getDb()
        .insert(users)
        .values({ name: user.name ?? null, email: user.email.toLowerCase(), emailVerified: user.emailVerified, image: user.image ?? null })
        .returning();
      if (!row) throw new Error('createUser returned nothing');
      return toAdapterUser(row);
    },
    async getUser(id) {
      const row = await findUserById(getDb(), { id });
      return row ? toAdapterUser(row) : null;
    },
    async getUserByEmail(email) {
      const row = await findUserByEmail(getDb(), { email });
      return row ? toAdapterUser(row) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const [row] = await getDb()
        .select({ user: users })
        .from(accounts)
        .innerJoin(users, eq(users.id, accounts.userId))
        .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
        .limit(1);
      return row ? toAdapterUser(row.user) : null;
    },
    async updateUser(user) {
      const [row] = await getDb()
        .update(users)
        .set({
          ...(user.name !== undefined ? { name: user.name } : {}),
          ...(user.emailVerified !== undefined ? { emailVerified: user.emailVerified } : {}),
          ...(user.image !== undefined ? { image: user.image } : {}),
        })
        .where(eq(users.id, user.id))
        .returning();
      if (!row) throw new Error('updateUser: no such user');
      return toAdapterUser(row);
    },
    async linkAccount(account: AdapterAccount) {
      await getDb().insert(accounts).values({
        userId: account.userId,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        refreshToken: account.refresh_token ?? null,
        accessToken: account.access_token ?? null,
        expiresAt: account.expires_at ?? null,
        tokenType: account.token_type ?? null,
        scope: account.scope ?? null,
        idToken: account.id_token ?? null,
        sessionState: typeof account.session_state === 'string' ? account.session_state : null,
      });
    },
    async createVerificationToken(token) {
      await getDb().insert(verificationTokens).values(token);
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      // Single use: the row is deleted as it is read.
      const [row] = await getDb()
        .delete(verificationTokens)
        .where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token)))
        .returning();
      return row ?? null;
    },
  };
}
