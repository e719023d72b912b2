'use client';
import { useTranslations } from 'next-intl';

/** Shown when a page fails to render; the live editors keep their text in their own documents. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <section role="alert">
      <h1>{t('genericTitle')}</h1>
      <p>{t('genericBody')}</p>
      <p>
        <button type="button" onClick={reset}>
          {t('retry')}
        </button>{' '}
        <a href="/plannen">{t('home')}</a>
      </p>
    </section>
  );
}
