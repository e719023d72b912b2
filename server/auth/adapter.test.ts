/**
 * The next-auth adapter on a real database (through db/queries/auth.ts): users are stored with a lower-case email,
 * an OIDC account finds its user, an update changes only the fields it names, and a magic-link token is used once.
 */
import { describe, expect, it } from 'vitest';
import { databasePerFile } from '../../test/database-per-file';
import { drizzleAdapter } from './adapter';

const database = databasePerFile();

const adapter = () => drizzleAdapter(() => database.db);

describe('the next-auth adapter', () => {
  it('creates, finds, links and updates a user', async () => {
    const a = adapter();
    const created = await a.createUser?.({ name: 'Sanne', email: 'Sanne.Adapter@Example.NL', emailVerified: null, image: null });
    expect(created).toMatchObject({ name: 'Sanne', email: 'sanne.adapter@example.nl', emailVerified: null });
    const id = created?.id ?? '';
    expect(await a.getUser?.(id)).toMatchObject({ id });
    expect(await a.getUserByEmail?.('SANNE.adapter@example.nl')).toMatchObject({ id });

    expect(await a.getUserByAccount?.({ provider: 'oidc', providerAccountId: 'sub-1' })).toBeNull();
    await a.linkAccount?.({ userId: id, type: 'oidc', provider: 'oidc', providerAccountId: 'sub-1', access_token: 'at' });
    expect(await a.getUserByAccount?.({ provider: 'oidc', providerAccountId: 'sub-1' })).toMatchObject({ id });

    const verified = new Date('2026-01-02T03:04:05Z');
    expect(await a.updateUser?.({ id, emailVerified: verified })).toMatchObject({ id, name: 'Sanne', emailVerified: verified });
    await expect(a.updateUser?.({ id: '00000000-0000-4000-8000-000000000000', name: 'Niemand' })).rejects.toThrow(/no such user/);
  });

  it('uses a verification token once', async () => {
    const a = adapter();
    const token = { identifier: 'kees@example.nl', token: 'hashed-token', expires: new Date(Date.now() + 60_000) };
    await a.createVerificationToken?.(token);
    expect(await a.useVerificationToken?.({ identifier: token.identifier, token: token.token })).toEqual(token);
    expect(await a.useVerificationToken?.({ identifier: token.identifier, token: token.token })).toBeNull();
  });
});
