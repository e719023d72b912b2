/**
 * Named versions of the plan and "plan vaststellen": the casusregisseur snapshots every section (the stored Yjs
 * state of each, base64) under a SHA-256 hash; the family and the professionals sign the hash they saw.
 * A version is shown to each member with only the sections they may see *now*: a snapshot never reveals a
 * section hidden from the viewer. Each service checks membership and right itself and audits what it did.
 */
import { findVersion, insertSignature, insertVersion, listVersions, type VersionSummary } from '@/db/queries/versions';
import { transaction } from '@/db/transaction';
import { isUuid } from '@/lib/ids';
import { canManage } from '@/lib/policy';
import type { PlanRole } from '@/lib/roles';
import { isSectionKey, type SectionKey } from '@/lib/sections';
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { Refusal } from '../refusal';
import { accessOf, type Actor } from './actor';
import { sectionsOfWholePlan } from './plan-access';
import { loadSectionState } from './section-state';
import { hashSnapshot } from './version-hash';

/**
 * Who signs a version: the family (ouder, jeugdige) and the professionals who work in the plan (lokaal team,
 * aanbieder, GI). Network members support but are no party to the agreement; a verwijzer only gets feedback and
 * a table member decides at the table, so neither signs the family's plan.
 */
export const SIGNING_ROLES: readonly PlanRole[] = ['ouder', 'jeugdige', 'lokaal_team', 'aanbieder', 'gi'];

export const ONLY_CASUSREGISSEUR_VERSION = 'Alleen de casusregisseur kan een versie van het plan vastleggen.';

const versionNotFound = () => new Refusal('not_found', 'Deze versie bestaat niet (meer) in dit plan.', { code: 'version_not_found' });

/**
 * Creates a version (casusregisseur only: one person puts a text forward for everyone to sign, so nobody is asked
 * to sign competing versions). Snapshots every section the plan has, whoever may see it.
 */
export async function createVersion(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor; name: string; via: Via }) {
  const { member, plan } = await accessOf(ctx.db, params.actor);
  if (!canManage(member)) {
    throw new Refusal('forbidden', ONLY_CASUSREGISSEUR_VERSION, { code: 'not_casusregisseur' });
  }
  const snapshot: Record<string, string> = {};
  for (const section of sectionsOfWholePlan(plan)) {
    snapshot[section] = Buffer.from(await loadSectionState(ctx.db, { planId: plan.id, section })).toString('base64');
  }
  const hash = hashSnapshot(snapshot);
  return transaction(ctx.db, async (tx) => {
    const version = await insertVersion(tx, { planId: plan.id, name: params.name, snapshot, hash, createdBy: member.userId });
    await auditAs(tx, member, 'version.create', params.via, {
      details: { versionId: version.id, name: version.name, hash, sections: Object.keys(snapshot) },
    });
    return { id: version.id, name: version.name, hash, createdAt: version.createdAt };
  });
}

/** The plan's versions with who signed each, for any member. */
export async function versionsOfPlan(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor }): Promise<VersionSummary[]> {
  const { plan } = await accessOf(ctx.db, params.actor);
  return listVersions(ctx.db, { planId: plan.id });
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
export async function viewVersion(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor; versionId: string; via: Via }): Promise<VersionForMember> {
  const { member, plan, sections } = await accessOf(ctx.db, params.actor);
  if (!isUuid(params.versionId)) throw versionNotFound();
  const version = await findVersion(ctx.db, { planId: plan.id, versionId: params.versionId });
  if (!version) throw versionNotFound();
  const snapshot = (version.snapshot ?? {}) as Record<string, unknown>;
  const visible = sections
    .filter((s) => isSectionKey(s.key) && typeof snapshot[s.key] === 'string')
    .map((s) => ({ key: s.key, state: new Uint8Array(Buffer.from(snapshot[s.key] as string, 'base64')) }));
  const summary = (await listVersions(ctx.db, { planId: plan.id })).find((v) => v.id === version.id);
  const signatures = summary?.signatures ?? [];
  await auditAs(ctx.db, member, 'version.view', params.via, { details: { versionId: version.id, sections: visible.map((s) => s.key) } });
  return {
    id: version.id,
    name: version.name,
    hash: version.hash,
    createdAt: version.createdAt,
    sections: visible,
    signatures,
    maySign: SIGNING_ROLES.includes(member.role),
    signed: signatures.some((s) => s.userId === member.userId),
  };
}

/**
 * Signs a version: the request carries the hash the signer saw; a different hash (the version is not what they
 * were shown) is a conflict, as is signing twice. The signature row can never change afterwards (trigger).
 */
export async function signVersion(ctx: Pick<ServiceContext, 'db'>, params: { actor: Actor; versionId: string; hash: string; via: Via }) {
  const { member, plan } = await accessOf(ctx.db, params.actor);
  if (!SIGNING_ROLES.includes(member.role)) {
    throw new Refusal('forbidden', 'Het gezin en de professionals die in het plan werken ondertekenen een versie; jouw rol niet.', { code: 'not_a_signer' });
  }
  if (!isUuid(params.versionId)) throw versionNotFound();
  const version = await findVersion(ctx.db, { planId: plan.id, versionId: params.versionId });
  if (!version) throw versionNotFound();
  if (params.hash !== version.hash) {
    throw new Refusal('conflict', 'Deze versie is niet dezelfde als die jij hebt gezien. Open de versie opnieuw en kijk of je wilt ondertekenen.', {
      code: 'hash_mismatch',
    });
  }
  return transaction(ctx.db, async (tx) => {
    const signature = await insertSignature(tx, { versionId: version.id, userId: member.userId, role: member.role, hash: params.hash });
    if (!signature) throw new Refusal('conflict', 'Je hebt deze versie al ondertekend.', { code: 'already_signed' });
    await auditAs(tx, member, 'version.sign', params.via, { details: { versionId: version.id, hash: params.hash } });
    return { versionId: version.id, signedAt: signature.signedAt, role: member.role };
  });
}
