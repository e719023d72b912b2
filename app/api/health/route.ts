import { json } from '@/server/http/respond';
import { health } from '@/server/health';

export const dynamic = 'force-dynamic';

/** Liveness and what this node runs on: database kind, bus kind, version. 503 when the database does not answer. */
export async function GET() {
  const report = await health();
  return json(report, report.databaseOk ? 200 : 503);
}
