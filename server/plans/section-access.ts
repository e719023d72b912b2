import 'server-only';
/**
 * The check every section-level route makes: signed in, a member of the plan, the section exists in this plan
 * and the member's right on it is at least what the action needs. Non-members get 404 (as for unknown ids).
 */
import type { LoadedMember } from '@/db/queries/members';
import { can, type Action } from '@/lib/policy';
import { isSectionKey, type SectionKey } from '@/lib/sections';
import { currentUser, type SessionUser } from '@/server/auth/session';
import { jsonError, notSignedIn, planNotFound } from '@/server/http/responses';
import { loadPlanForMember } from './access';

export type SectionAccess =
  | { ok: true; user: SessionUser; member: LoadedMember; section: SectionKey }
  | { ok: false; response: Response };

export async function requireSectionAccess(params: { planId: string; section: string; action: Exclude<Action, 'manage'> }): Promise<SectionAccess> {
  const user = await currentUser();
  if (!user) return { ok: false, response: notSignedIn() };
  const loaded = await loadPlanForMember({ planId: params.planId, userId: user.id });
  if (!loaded) return { ok: false, response: planNotFound() };
  const section = params.section;
  // A section the member may not see answers like a section that does not exist.
  if (!isSectionKey(section) || !loaded.sections.some((s) => s.key === section)) {
    return { ok: false, response: jsonError(404, 'Dit onderdeel bestaat niet of je hebt er geen toegang toe.') };
  }
  if (!can(loaded.member, params.action, section)) {
    return { ok: false, response: jsonError(403, params.action === 'comment' ? 'Je mag in dit onderdeel niet reageren.' : 'Je mag dit onderdeel niet aanpassen.') };
  }
  return { ok: true, user, member: loaded.member, section };
}
