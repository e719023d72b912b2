/**
 * One export of the plan for one member, as JSON (the AVG right of access: everything they may see, comments
 * included) or as PDF (readable on paper). Every export is an audit event ('plan.export'), written before the file
 * is handed out, so an unlogged export never happens.
 */
import { auditAs, type Via } from '../audit/record';
import type { ServiceContext } from '../context';
import { accessOf, type Actor } from '../plans/actor';
import { buildExport } from './model';
import { renderPdf } from './pdf';
import { printableExport } from './printable';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** A file name without spaces or diacritics: "ons-plan-familie-jansen-2026-11-29.pdf". */
function fileName(household: string, at: string, ext: string): string {
  const slug = household
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `ons-plan-${slug || 'gezin'}-${at.slice(0, 10)}.${ext}`;
}

export async function exportPlan(
  ctx: Pick<ServiceContext, 'db'>,
  params: { actor: Actor; format: 'pdf' | 'json'; via: Via; now?: Date; compress?: boolean },
): Promise<ExportFile> {
  const access = await accessOf(ctx.db, params.actor);
  const model = await buildExport(ctx, { actor: access, now: params.now });
  await auditAs(ctx.db, access.member, 'plan.export', params.via, { details: { format: params.format, sections: model.sections.map((s) => s.key) } });
  if (params.format === 'json') {
    return {
      body: Buffer.from(JSON.stringify(model, null, 2), 'utf8'),
      contentType: 'application/json; charset=utf-8',
      filename: fileName(model.plan.household, model.exportedAt, 'json'),
    };
  }
  const body = await renderPdf(printableExport(model), { household: model.plan.household, exportedAt: model.exportedAt, compress: params.compress });
  return { body, contentType: 'application/pdf', filename: fileName(model.plan.household, model.exportedAt, 'pdf') };
}
