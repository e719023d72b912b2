import { serviceContext } from '@/server/context';
import { json, refusalResponse } from '@/server/http/respond';
import { demoPeople } from '@/server/pages/demo';
import { Refusal } from '@/server/refusal';

export const dynamic = 'force-dynamic';

/** Demo people with their roles; exists only in demo mode (404 otherwise). */
export async function GET() {
  const people = await demoPeople(serviceContext());
  if (!people) return refusalResponse(new Refusal('not_found', 'Niet gevonden.'));
  return json({ people });
}
