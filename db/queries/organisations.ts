/** Organisations of a region (care providers, local teams, GI, referrers, tables). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { organisations, users } from '../schema';

export type OrganisationRow = typeof organisations.$inferSelect;

/** One organisation, only when it belongs to the given region. */
export async function findRegionOrganisation(db: Db, params: { regionId: string; id: string }): Promise<OrganisationRow | null> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.regionId, params.regionId), eq(organisations.id, params.id)))
    .limit(1);
  return row ?? null;
}

/** The organisations of a region whose people can join plans (not the municipality), by name. */
export async function listRegionOrganisations(db: Db, params: { regionId: string }) {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.regionId, params.regionId), inArray(organisations.kind, ['lokaal_team', 'aanbieder', 'gi', 'verwijzer', 'tafel'])))
    .orderBy(asc(organisations.name));
}

/** The organisation a user works for (id, region and kind), or null for someone without one (a parent, say). */
export async function findOrganisationOfUser(db: Db, params: { userId: string }): Promise<Pick<OrganisationRow, 'id' | 'regionId' | 'kind'> | null> {
  const [row] = await db
    .select({ id: organisations.id, regionId: organisations.regionId, kind: organisations.kind })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, params.userId))
    .limit(1);
  return row ?? null;
}
