import 'server-only';
/** Section titles as a plan's region names them (region settings), falling back to the message files. */
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { regionSettingsOfPlan } from '@/db/queries/regions';
import { sectionTitle } from '@/lib/bigfive';
import type { SectionKey } from '@/lib/sections';

export async function sectionLabelsForPlan(planId: string): Promise<(key: SectionKey) => string> {
  const settings = await regionSettingsOfPlan(getDb(), { planId });
  const t = await getTranslations('sections');
  return (key) => sectionTitle(key, settings, (k) => t(k as SectionKey));
}
