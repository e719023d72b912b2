/** Region settings as they apply to one plan (its household's region). */
import { eq } from 'drizzle-orm';
import { RegionSettings } from '../../lib/bigfive';
import type { Db } from '../client';
import { households, plans, regions } from '../schema';

/** The plan's region settings, validated; defaults when the row holds nothing valid. */
export async function regionSettingsOfPlan(db: Db, params: { planId: string }): Promise<RegionSettings> {
  const [row] = await db
    .select({ settings: regions.settings })
    .from(plans)
    .innerJoin(households, eq(households.id, plans.householdId))
    .innerJoin(regions, eq(regions.id, households.regionId))
    .where(eq(plans.id, params.planId))
    .limit(1);
  const parsed = RegionSettings.safeParse(row?.settings ?? {});
  return parsed.success ? parsed.data : RegionSettings.parse({});
}
