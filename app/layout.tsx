import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/AppShell';
import { currentUser } from '@/server/auth/session';
import { SessionProvider } from '@/components/layout/SessionProvider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ons Plan', template: '%s — Ons Plan' },
  description: 'Het live, gedeelde gezinsplan: één gezin, één plan, één regisseur.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  const user = await currentUser();
  return (
    <html lang={locale} className="onsplan-theme utrecht-document">
      <body>
        <NextIntlClientProvider locale={locale} messages={messages}>
          <SessionProvider>
            <AppShell user={user}>{children}</AppShell>
          </SessionProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
