import 'server-only';
/**
 * next-auth configuration: magic link by email, OIDC for professionals (when configured) and, only in demo
 * mode, one-click demo sign-in. Sessions are JWTs carrying only the user id: roles are never in the token,
 * they are read from the database at every check.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import EmailProvider from 'next-auth/providers/email';
import type { Provider } from 'next-auth/providers/index';
import { z } from 'zod';
import { getDb } from '../../db/client';
import { findUserByEmail } from '../../db/queries/users';
import { recordAudit } from '../audit/record';
import { getConfig } from '../config';
import { sendMail } from '../mail/send';
import { drizzleAdapter } from './adapter';

const DemoCredentials = z.object({ email: z.string().email() });

export const VERIFY_PAGE = '/inloggen/check-je-mail';

function providers(): Provider[] {
  const config = getConfig();
  const list: Provider[] = [
    EmailProvider({
      from: config.emailFrom,
      maxAge: 15 * 60,
      server: config.smtpUrl ?? 'smtp://localhost:25',
      normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
      async sendVerificationRequest({ identifier, url }) {
        await sendMail(
          {
            to: identifier,
            subject: 'Je inloglink voor Ons Plan',
            text: `Hallo,\n\nMet deze link log je in bij Ons Plan. De link werkt één keer en 15 minuten lang:\n\n${url}\n\nHeb je niet om deze link gevraagd? Dan kun je deze mail negeren.`,
            url,
          },
          { smtpUrl: config.smtpUrl, from: config.emailFrom },
        );
      },
    }),
  ];
  if (config.oidc) {
    list.push({
      id: 'oidc',
      name: config.oidc.name,
      type: 'oauth',
      wellKnown: `${config.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: config.oidc.clientId,
      clientSecret: config.oidc.clientSecret,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: { sub: string; name?: string; email: string }) {
        return { id: profile.sub, name: profile.name ?? profile.email, email: profile.email };
      },
    });
  }
  if (config.demo) {
    list.push(
      CredentialsProvider({
        id: 'demo',
        name: 'Demo',
        credentials: { email: { label: 'E-mail', type: 'email' } },
        async authorize(raw) {
          if (!getConfig().demo) return null;
          const parsed = DemoCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const user = await findUserByEmail(getDb(), { email: parsed.data.email });
          if (!user || !user.isDemo) return null;
          return { id: user.id, name: user.name, email: user.email };
        },
      }),
    );
  }
  return list;
}

/** Builds the options; called per request so configuration read at start is always current. */
export function authOptions(): NextAuthOptions {
  const config = getConfig();
  return {
    secret: config.secret,
    adapter: drizzleAdapter(getDb),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    providers: providers(),
    pages: { signIn: '/inloggen', verifyRequest: VERIFY_PAGE, error: '/inloggen' },
    callbacks: {
      async signIn({ user, account, email }) {
        if (account?.provider !== 'email') return true;
        // Only people who were invited (and so exist) get a link; others see the same "check your mail" page,
        // so the form does not reveal who has an account.
        const existing = user.email ? await findUserByEmail(getDb(), { email: user.email }) : null;
        if (!existing) return VERIFY_PAGE;
        if (config.professionalsRequireOidc && existing.organisationId && email?.verificationRequest) return '/inloggen?error=oidc_required';
        return true;
      },
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    events: {
      async signIn({ user, account }) {
        await recordAudit(getDb(), { action: 'auth.sign_in', actorUserId: user.id, details: { provider: account?.provider ?? null } });
      },
    },
  };
}
