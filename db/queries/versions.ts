/** Named versions of a plan and their signatures; both tables refuse UPDATE and DELETE (migration 0004). */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { PlanRole } from '../../lib/roles';
import type { Db } from '../client';
import { planSignatures, planVersions, users } from '../schema';

export type VersionRow = typeof planVersions.$inferSelect;

export async function insertVersion(
  db: Db,
  params: { planId: string; name: string; snapshot: Record<string, string>; hash: string; createdBy: string },
): Promise<VersionRow> {
  const [row] = await db.insert(planVersions).values(params).returning();
  if (!row) throw new Error('version insert returned nothing');
  return row;
}

/** One version of this plan (never another plan's, whatever id is asked for). */
export async function findVersion(db: Db, params: { planId: string; versionId: string }): Promise<VersionRow | null> {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.id, params.versionId), eq(planVersions.planId, params.planId)))
    .limit(1);
  return row ?? null;
}

export interface SignatureView {
  userId: string;
  name: string | null;
  role: PlanRole;
  hash: string;
  signedAt: Date;
}

export interface VersionSummary {
  id: string;
  name: string;
  hash: string;
  createdAt: Date;
  createdByName: string | null;
  signatures: SignatureView[];
}

/** The plan's versions, newest first, with their signatures (oldest first) — no snapshot content. */
export async function listVersions(db: Db, params: { planId: string }): Promise<VersionSummary[]> {
  const versions = await db
    .select({ id: planVersions.id, name: planVersions.name, hash: planVersions.hash, createdAt: planVersions.createdAt, createdByName: users.name })
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.createdBy))
    .where(eq(planVersions.planId, params.planId))
    .orderBy(desc(planVersions.createdAt));
  if (versions.length === 0) return [];
  const signatures = await db
    .select({
      versionId: planSignatures.versionId,
      userId: planSignatures.userId,
      name: users.name,
      role: planSignatures.role,
      hash: planSignatures.hash,
      signedAt: planSignatures.signedAt,
    })
    .from(planSignatures)
    .innerJoin(users, eq(users.id, planSignatures.userId))
    .where(
      inArray(
        planSignatures.versionId,
        versions.map((v) => v.id),
      ),
    )
    .orderBy(asc(planSignatures.signedAt));
  return versions.map((v) => ({ ...v, signatures: signatures.filter((s) => s.versionId === v.id).map(({ versionId: _v, ...s }) => s) }));
}

/** Stores a signature; null when this person already signed this version (unique per version and person). */
export async function insertSignature(
  db: Db,
  params: { versionId: string; userId: string; role: PlanRole; hash: string },
): Promise<{ id: string; signedAt: Date } | null> {
  const rows = await db
    .insert(planSignatures)
    .values(params)
    .onConflictDoNothing({ target: [planSignatures.versionId, planSignatures.userId] })
    .returning({ id: planSignatures.id, signedAt: planSignatures.signedAt });
  return rows[0] ?? null;
}
