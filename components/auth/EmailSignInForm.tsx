'use client';
import { Alert, Button, FormField, FormFieldDescription, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';

const Email = z.string().trim().email();

/** Asks for an email address and sends a magic link; the address stays in the field on any error. */
export function EmailSignInForm() {
  const t = useTranslations('signIn');
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = Email.safeParse(email);
    if (!parsed.success) {
      setError(t('invalidEmail'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await signIn('email', { email: parsed.data, redirect: false, callbackUrl: '/' });
      if (result?.status === 429) setError(t('tooMany'));
      else if (result?.error && result.error !== 'undefined') setError(t('failed'));
      else router.push('/inloggen/check-je-mail');
    } catch {
      setError(t('failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <FormField>
        <Paragraph>
          <FormLabel htmlFor="email">{t('email')}</FormLabel>
        </Paragraph>
        <FormFieldDescription id="email-hint">{t('emailHint')}</FormFieldDescription>
        <Paragraph>
          <Textbox
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            value={email}
            invalid={error === t('invalidEmail')}
            aria-describedby={error ? 'email-hint email-error' : 'email-hint'}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Paragraph>
      </FormField>
      {error && (
        <Alert type="error" id="email-error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <Button type="submit" appearance="primary-action-button" disabled={busy} aria-busy={busy}>
        {busy ? t('sending') : t('send')}
      </Button>
    </form>
  );
}
