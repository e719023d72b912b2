import 'server-only';
/** The plan page's membership links, computed on the server and handed to components/plan/membership as props. */
import type { LoadedMember } from '@/db/queries/members';
import type { MembershipLinksData } from '@/lib/api/membership';
import { canManage } from '@/lib/policy';
import type { ServiceContext } from '../../context';
import { pendingConsentCount } from './consent';

/** "Leden en regie" for the casusregisseur; "Toestemming" with its open questions for parents with gezag and young people of 12+. */
export async function membershipLinks(ctx: Pick<ServiceContext, 'db' | 'clock'>, params: { member: LoadedMember }): Promise<MembershipLinksData> {
  const { member } = params;
  const family = member.role === 'ouder' || member.role === 'jeugdige';
  return { manages: canManage(member), consent: family ? await pendingConsentCount(ctx, { member }) : null };
}
