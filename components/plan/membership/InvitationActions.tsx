'use client';
/**
 * The two steps of an invitation: without a session, a magic link to the invited address that leads back here;
 * with the right session, "Accepteren". Errors stay on the page in plain words.
 */
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from './api';

/** Sends a sign-in link to the invited address; the link returns to this invitation. */
export function InvitationSignIn({ email, token }: { email: string; token: string }) {
  const t = useTranslations('invitation');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    setBusy(true);
    setError(null);
    try {
      const result = await signIn('email', { email, redirect: false, callbackUrl: `/uitnodiging/${token}` });
      if (result?.status === 429) setError(t('tooMany'));
      else if (result?.error && result.error !== 'undefined') setError(t('sendFailed'));
      else router.push('/inloggen/check-je-mail');
    } catch {
      setError(t('sendFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <Button type="button" appearance="primary-action-button" onClick={() => void send()} disabled={busy} aria-busy={busy}>
        {busy ? t('sending') : t('sendLink')}
      </Button>
    </div>
  );
}

/** Accepts the invitation and opens the plan (or the "waiting for consent" page). */
export function AcceptInvitation({ token }: { token: string }) {
  const t = useTranslations('invitation');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setBusy(true);
    setError(null);
    const result = await callApi<{ planId?: string }>(`/api/invitations/${encodeURIComponent(token)}/accept`, 'POST');
    if (result.ok && result.body.planId) {
      router.push(`/plannen/${result.body.planId}`);
      router.refresh();
      return;
    }
    setError(result.body.error ?? t('acceptFailed'));
    setBusy(false);
  }

  return (
    <div>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <Button type="button" appearance="primary-action-button" onClick={() => void accept()} disabled={busy} aria-busy={busy} data-testid="accept-invitation">
        {busy ? t('accepting') : t('accept')}
      </Button>
    </div>
  );
}
