/**
 * Named versions of the plan and "plan vaststellen": the casusregisseur snapshots every section (the stored Yjs
 * state of each, base64) under a SHA-256 hash; the family and the professionals sign the hash they saw.
 * A version is shown to each member with only the sections they may see *now*: a snapshot never reveals a
 * section hidden from the viewer. Each service checks membership and right itself and audits what it did.
 */
import type { Db } from '@/db/client';
import { findVersion, insertSignature, insertVersion, listVersions, type VersionSummary } from '@/db/queries/versions';
import { canManage } from '@/lib/policy';
import type { PlanRole } from '@/lib/roles';
import { isSectionKey, type SectionKey } from '@/lib/sections';
import { recordAudit } from '../audit/record';
import { requireMemberView, sectionsOfWholePlan } from './plan-member';
import { PlanRefusal } from './refusal';
import { loadSectionState } from './section-state';
import { hashSnapshot } from './version-hash';

/** Where a request came from, for the audit trail. */
export interface Via {
  accessPoint?: string | null;
  client?: string | null;
}

/**
 * Who signs a version: the family (ouder, jeugdige) and the professionals who work in the plan (lokaal team,
 * aanbieder, GI). Network members support but are no party to the agreement; a verwijzer only gets feedback and
 * a table member decides at the table, so neither signs the family's plan.
 */
export const SIGNING_ROLES: readonly PlanRole[] = ['ouder', 'jeugdige', 'lokaal_team', 'aanbieder', 'gi'];

const VERSION_NOT_FOUND = 'Deze versie bestaat niet (meer) in dit plan.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Creates a version (casusregisseur only: one person puts a text forward for everyone to sign, so nobody is asked
 * to sign competing versions). Snapshots every section the plan has, whoever may see it.
 */
export async function createVersion(db: Db, params: { planId: string; actorId: string; name: string; via?: Via }) {
  const { member, plan } = await requireMemberView(db, { planId: params.planId, userId: params.actorId });
  if (!canManage(member)) throw new PlanRefusal('forbidden', 'Alleen de casusregisseur kan een versie van het plan vastleggen.');
  const snapshot: Record<string, string> = {};
  for (const section of sectionsOfWholePlan(plan)) {
    snapshot[section] = Buffer.from(await loadSectionState(db, { planId: params.planId, section })).toString('base64');
  }
  const hash = hashSnapshot(snapshot);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const version = await insertVersion(t, { planId: params.planId, name: params.name, snapshot, hash, createdBy: params.actorId });
    await recordAudit(t, {
      action: 'version.create',
      actorUserId: params.actorId,
      actorRole: member.role,
      planId: params.planId,
      basis: member.basis,
      accessPoint: params.via?.accessPoint,
      client: params.via?.client,
      details: { versionId: version.id, name: version.name, hash, sections: Object.keys(snapshot) },
    });
    return { id: version.id, name: version.name, hash, createdAt: version.createdAt };
  });
}

/** The plan's versions with who signed each, for any member. */
export async function versionsOfPlan(db: Db, params: { planId: string; userId: string }): Promise<VersionSummary[]> {
  await requireMemberView(db, params);
  return listVersions(db, { planId: params.planId });
}

export interface VersionForMember {
  id: string;
  name: string;
  hash: string;
  createdAt: Date;
  /** Only the sections the member may see now, with their snapshot state; hidden ones are absent. */
  sections: { key: SectionKey; state: Uint8Array }[];
  signatures: VersionSummary['signatures'];
  /** Whether this member's role signs versions, and whether they already signed this one. */
  maySign: boolean;
  signed: boolean;
}

/** One version as this member may see it; audited as `version.view`. */
export async function viewVersion(db: Db, params: { planId: string; versionId: string; userId: string; via?: Via }): Promise<VersionForMember> {
  const { member, sections } = await requireMemberView(db, { planId: params.planId, userId: params.userId });
  if (!UUID.test(params.versionId)) throw new PlanRefusal('not_found', VERSION_NOT_FOUND);
  const version = await findVersion(db, { planId: params.planId, versionId: params.versionId });
  if (!version) throw new PlanRefusal('not_found', VERSION_NOT_FOUND);
  const snapshot = (version.snapshot ?? {}) as Record<string, unknown>;
  const visible = sections
    .filter((s) => isSectionKey(s.key) && typeof snapshot[s.key] === 'string')
    .map((s) => ({ key: s.key, state: new Uint8Array(Buffer.from(snapshot[s.key] as string, 'base64')) }));
  const summary = (await listVersions(db, { planId: params.planId })).find((v) => v.id === version.id);
  const signatures = summary?.signatures ?? [];
  await recordAudit(db, {
    action: 'version.view',
    actorUserId: params.userId,
    actorRole: member.role,
    planId: params.planId,
    basis: member.basis,
    accessPoint: params.via?.accessPoint,
    client: params.via?.client,
    details: { versionId: version.id, sections: visible.map((s) => s.key) },
  });
  return {
    id: version.id,
    name: version.name,
    hash: version.hash,
    createdAt: version.createdAt,
    sections: visible,
    signatures,
    maySign: SIGNING_ROLES.includes(member.role),
    signed: signatures.some((s) => s.userId === params.userId),
  };
}

/**
 * Signs a version: the request carries the hash the signer saw; a different hash (the version is not what they
 * were shown) is a conflict, as is signing twice. The signature row can never change afterwards (trigger).
 */
export async function signVersion(db: Db, params: { planId: string; versionId: string; userId: string; hash: string; via?: Via }) {
  const { member } = await requireMemberView(db, { planId: params.planId, userId: params.userId });
  if (!SIGNING_ROLES.includes(member.role)) throw new PlanRefusal('forbidden', 'Het gezin en de professionals die in het plan werken ondertekenen een versie; jouw rol niet.');
  if (!UUID.test(params.versionId)) throw new PlanRefusal('not_found', VERSION_NOT_FOUND);
  const version = await findVersion(db, { planId: params.planId, versionId: params.versionId });
  if (!version) throw new PlanRefusal('not_found', VERSION_NOT_FOUND);
  if (params.hash !== version.hash) {
    throw new PlanRefusal('conflict', 'Deze versie is niet dezelfde als die jij hebt gezien. Open de versie opnieuw en kijk of je wilt ondertekenen.');
  }
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const signature = await insertSignature(t, { versionId: version.id, userId: params.userId, role: member.role, hash: params.hash });
    if (!signature) throw new PlanRefusal('conflict', 'Je hebt deze versie al ondertekend.');
    await recordAudit(t, {
      action: 'version.sign',
      actorUserId: params.userId,
      actorRole: member.role,
      planId: params.planId,
      basis: member.basis,
      accessPoint: params.via?.accessPoint,
      client: params.via?.client,
      details: { versionId: version.id, hash: params.hash },
    });
    return { versionId: version.id, signedAt: signature.signedAt, role: member.role };
  });
}
