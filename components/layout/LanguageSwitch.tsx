import { getLocale, getTranslations } from 'next-intl/server';

/**
 * One button that switches between Dutch and English (a cookie; no locale in the URL). The server action that
 * stores the choice comes from the layout (app/actions/locale.ts): components never import app/.
 */
export async function LanguageSwitch({ action }: { action: (form: FormData) => Promise<void> }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  const next = locale === 'nl' ? 'en' : 'nl';
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={next} />
      <button type="submit" lang={next}>
        {t('switchTo')}
      </button>
    </form>
  );
}
