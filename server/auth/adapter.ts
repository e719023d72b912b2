/**
 * The next-auth v4 adapter on our database (db/queries/auth.ts). Sessions are JWTs, so only users, accounts and
 * verification tokens (magic links) are stored.
 */
import type { Adapter, AdapterAccount, AdapterUser } from 'next-auth/adapters';
import type { Db } from '../../db/client';
import { consumeVerificationToken, createUser, createVerificationToken, findUserByAccount, linkAccount, updateUser } from '../../db/queries/auth';
import { findUserByEmail, findUserById, type UserRow } from '../../db/queries/users';

function toAdapterUser(row: UserRow): AdapterUser {
  return { id: row.id, name: row.name, email: row.email, emailVerified: row.emailVerified, image: row.image };
}

/** Builds the adapter; `getDb` is called per operation so it always uses the process-wide database. */
export function drizzleAdapter(getDb: () => Db): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, 'id'>) {
      const row = await createUser(getDb(), { name: user.name ?? null, email: user.email, emailVerified: user.emailVerified, image: user.image ?? null });
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
      const row = await findUserByAccount(getDb(), { provider, providerAccountId });
      return row ? toAdapterUser(row) : null;
    },
    async updateUser(user) {
      const row = await updateUser(getDb(), { id: user.id, name: user.name, emailVerified: user.emailVerified, image: user.image });
      return toAdapterUser(row);
    },
    async linkAccount(account: AdapterAccount) {
      await linkAccount(getDb(), {
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
      await createVerificationToken(getDb(), token);
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      // Single use: the row is deleted as it is read.
      return consumeVerificationToken(getDb(), { identifier, token });
    },
  };
}
