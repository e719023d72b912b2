import { getLocale, getTranslations } from 'next-intl/server';
import { switchLocale } from '@/app/actions/locale';

/** One button that switches between Dutch and English (a cookie; no locale in the URL). */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations('app');
  const next = locale === 'nl' ? 'en' : 'nl';
  return (
    <form action={switchLocale}>
      <input type="hidden" name="locale" value={next} />
      <button type="submit" lang={next}>
        {t('switchTo')}
      </button>
    </form>
  );
}
