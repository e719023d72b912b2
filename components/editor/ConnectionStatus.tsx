'use client';
import { useTranslations } from 'next-intl';
import type { ConnectionState } from './useCollabSection';
import styles from './editor.module.css';

const TONE: Record<ConnectionState, 'ok' | 'busy' | 'warn' | 'error'> = {
  connected: 'ok',
  connecting: 'busy',
  reconnecting: 'busy',
  offline: 'warn',
  signedOut: 'error',
  denied: 'error',
  tooLarge: 'error',
};

/** Always-visible live state: verbonden, opnieuw verbinden, offline — and why a connection ended. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const t = useTranslations('connection');
  const tone = TONE[state];
  return (
    <div className={styles.connection} data-tone={tone} data-state={state} data-testid="connection-state" role="status" aria-live="polite">
      <span className={styles.dot} aria-hidden="true" />
      <span>{t(state)}</span>
      {state === 'signedOut' && (
        <a href="/inloggen" className={styles.inlineLink}>
          {t('signInAgain')}
        </a>
      )}
    </div>
  );
}
