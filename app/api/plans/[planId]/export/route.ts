import { ExportFormat } from '@/lib/plan-record-input';
import { exportPlan } from '@/server/export/export';
import { NO_STORE } from '@/server/http/respond';
import { planRoute } from '@/server/http/route';
import { Refusal } from '@/server/refusal';

export const dynamic = 'force-dynamic';
// pdfkit and the database driver need Node, not the edge runtime.
export const runtime = 'nodejs';

/** The plan as the signed-in member may see it: `?format=pdf` (default) or `?format=json`. Audited as 'plan.export'. */
export const GET = planRoute({ access: 'member', audit: 'service' }, async ({ req, member, plan, sections, via, services }) => {
  const format = ExportFormat.safeParse(new URL(req.url).searchParams.get('format') ?? 'pdf');
  if (!format.success) throw new Refusal('invalid', "Kies 'pdf' of 'json' als formaat.", { code: 'invalid_format' });
  const file = await exportPlan(services, { actor: { member, plan, sections }, format: format.data, via });
  return new Response(new Uint8Array(file.body), {
    headers: { ...NO_STORE, 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"` },
  });
});
