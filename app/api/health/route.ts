import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getSharedDatabase } from '@/db/client';
import { getRuntime } from '@/server/runtime';
import { appVersion } from '@/server/version';

export const dynamic = 'force-dynamic';

/** Liveness and what this node runs on: database kind, bus kind, version. 503 when the database does not answer. */
export async function GET() {
  const database = getSharedDatabase();
  const runtime = getRuntime();
  let databaseOk = true;
  try {
    await database.db.execute(sql`select 1`);
  } catch {
    databaseOk = false;
  }
  return NextResponse.json(
    { status: databaseOk ? 'ok' : 'degraded', database: database.kind, databaseOk, bus: runtime?.busKind ?? 'local', version: appVersion() },
    { status: databaseOk ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
