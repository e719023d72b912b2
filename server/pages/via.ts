import 'server-only';
/** Where a page's request came from, for the audit trail: the same rule as a route's (server/http/client-address.ts). */
import { headers } from 'next/headers';
import type { Via } from '../audit/record';
import { clientAddressOf } from '../http/client-address';

export async function pageVia(): Promise<Via> {
  const h = await headers();
  return { accessPoint: clientAddressOf(h), client: h.get('user-agent') };
}
