'use server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from '@/i18n/config';

const Input = z.object({ locale: z.enum(LOCALES) });

/** Stores the reader's language choice for a year. */
export async function switchLocale(form: FormData): Promise<void> {
  const parsed = Input.safeParse({ locale: form.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  revalidatePath('/', 'layout');
}
