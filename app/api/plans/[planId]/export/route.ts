import { getDb } from '@/db/client';
import { ExportFormat } from '@/lib/plan-record-input';
import { currentUser } from '@/server/auth/session';
import { exportPlan } from '@/server/export/export';
import { viaOf } from '@/server/http/membership-responses';
import { planRefusalResponse } from '@/server/http/plan-refusal';
import { jsonError, notSignedIn } from '@/server/http/responses';
import { requireMemberView } from '@/server/plans/plan-member';

export const dynamic = 'force-dynamic';
// pdfkit and the database driver need Node, not the edge runtime.
export const runtime = 'nodejs';

/** The plan as the signed-in member may see it: `?format=pdf` (default) or `?format=json`. Audited as 'plan.export'. */
export async function GET(req: Request, ctx: { params: Promise<{ planId: string }> }) {
  const user = await currentUser();
  if (!user) return notSignedIn();
  const { planId } = await ctx.params;
  try {
    await requireMemberView(getDb(), { planId, userId: user.id });
    const format = ExportFormat.safeParse(new URL(req.url).searchParams.get('format') ?? 'pdf');
    if (!format.success) return jsonError(400, "Kies 'pdf' of 'json' als formaat.");
    const file = await exportPlan(getDb(), { planId, userId: user.id, format: format.data, via: viaOf(req) });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (err) {
    return planRefusalResponse(err);
  }
}
