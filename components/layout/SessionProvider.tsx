'use client';
import { SessionProvider as NextAuthSessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';

/** Gives client components (sign-in and sign-out buttons) the next-auth client context. */
export function SessionProvider({ children }: { children: ReactNode }) {
  return <NextAuthSessionProvider refetchOnWindowFocus={false}>{children}</NextAuthSessionProvider>;
}
