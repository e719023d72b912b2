'use client';
/**
 * The two steps of an invitation: without a session, a magic link to the invited address that leads back here;
 * with the right session, "Accepteren". Errors stay on the page in plain words.
 */
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { messageOf, postJson, type ApiResult } from '@/components/api/client';
import { useSubmit } from '@/components/api/useSubmit';
import type { AcceptInvitationResponse } from '@/lib/api/membership';

/** Sends a sign-in link to the invited address; the link returns to this invitation. */
export function InvitationSignIn({ email, token }: { email: string; token: string }) {
  const t = useTranslations('invitation');
  const router = useRouter();
  const send = useCallback(async (): Promise<ApiResult<null>> => {
    const failed = (status: number, message: string): ApiResult<null> => ({ ok: false, status, error: { code: 'sign_in_link', message } });
    try {
      const result = await signIn('email', { email, redirect: false, callbackUrl: `/uitnodiging/${token}` });
      if (result?.status === 429) return failed(429, t('tooMany'));
      if (result?.error && result.error !== 'undefined') return failed(result.status, t('sendFailed'));
      return { ok: true, status: result?.status ?? 200, data: null };
    } catch {
      return failed(0, t('sendFailed'));
    }
  }, [email, token, t]);
  const toMailbox = useCallback(() => router.push('/inloggen/check-je-mail'), [router]);
  const { submit, busy, error } = useSubmit(send, toMailbox);

  return (
    <div>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error.message}</Paragraph>
        </Alert>
      )}
      <Button type="button" appearance="primary-action-button" onClick={() => void submit()} disabled={busy} aria-busy={busy}>
        {busy ? t('sending') : t('sendLink')}
      </Button>
    </div>
  );
}

/** Accepts the invitation and opens the plan (or the "waiting for consent" page). */
export function AcceptInvitation({ token }: { token: string }) {
  const t = useTranslations('invitation');
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const accept = useCallback(() => postJson<AcceptInvitationResponse>(`/api/invitations/${encodeURIComponent(token)}/accept`), [token]);
  const open = useCallback(
    (data: AcceptInvitationResponse) => {
      setLeaving(true);
      router.push(`/plannen/${data.planId}`);
      router.refresh();
    },
    [router],
  );
  const { submit, busy, error } = useSubmit(accept, open);
  const waiting = busy || leaving;

  return (
    <div>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{messageOf(error, { failed: t('acceptFailed') })}</Paragraph>
        </Alert>
      )}
      <Button
        type="button"
        appearance="primary-action-button"
        onClick={() => void submit()}
        disabled={waiting}
        aria-busy={waiting}
        data-testid="accept-invitation"
      >
        {waiting ? t('accepting') : t('accept')}
      </Button>
    </div>
  );
}
