import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/AppShell';
import { SessionProvider } from '@/components/layout/SessionProvider';
import { currentUser } from '@/server/auth/session';
import { switchLocale } from './actions/locale';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ons Plan', template: '%s — Ons Plan' },
  description: 'Het live, gedeelde gezinsplan: één gezin, één plan, één regisseur.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // Section titles are rendered on the server only, for the sections a member may see; they are never handed
  // to the browser as a whole list, or a parent could read the title of a section hidden from them.
  const { sections: _serverOnly, ...clientMessages } = (await getMessages()) as Record<string, unknown>;
  const user = await currentUser();
  return (
    <html lang={locale} className="onsplan-theme utrecht-document">
      <body>
        <NextIntlClientProvider locale={locale} messages={clientMessages as never}>
          <SessionProvider>
            <AppShell user={user} switchLocale={switchLocale}>
              {children}
            </AppShell>
          </SessionProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
