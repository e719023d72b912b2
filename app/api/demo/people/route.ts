import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { listDemoPeople } from '@/db/queries/demo';
import { getConfig } from '@/server/config';
import { jsonError } from '@/server/http/responses';

export const dynamic = 'force-dynamic';

/** Demo people with their roles; exists only in demo mode (404 otherwise). */
export async function GET() {
  if (!getConfig().demo) return jsonError(404, 'Niet gevonden.');
  return NextResponse.json({ people: await listDemoPeople(getDb()) }, { headers: { 'Cache-Control': 'no-store' } });
}
