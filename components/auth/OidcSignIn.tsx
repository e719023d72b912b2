'use client';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { signIn } from 'next-auth/react';

/** Sign-in through the professional's own organisation (OIDC); shown only when configured. */
export function OidcSignIn({ label }: { label: string }) {
  return (
    <Paragraph>
      <Button type="button" appearance="secondary-action-button" onClick={() => void signIn('oidc', { callbackUrl: '/' })}>
        {label}
      </Button>
    </Paragraph>
  );
}
