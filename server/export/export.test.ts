/**
 * The export against a real database: a parent's JSON and PDF hold nothing of the professional notes — not the
 * text, not the title, not its comments — while the GI's hold them; structured content is validated (invalid items
 * left out); Dutch diacritics survive into the PDF; every export is audited.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createThread } from '@/db/queries/comments';
import { appendUpdates } from '@/db/queries/yjs';
import { auditEvents, households, regions } from '@/db/schema';
import { docNameFor } from '@/lib/sections';
import { yItem, yText } from '@/lib/shapes/common';
import { addReview, evaluationTypes, setStable } from '@/lib/shapes/evaluation';
import { testContext, VIA } from '@/test/context';
import { databasePerFile } from '@/test/database-per-file';
import { appointCasusregisseur, buildMember, buildPlan, buildUser } from '@/test/factories';
import { exportPlan } from './export';
import { buildExport } from './model';
import { printableExport, printableText } from './printable';
import { toWinAnsi } from './pdf';

const database = databasePerFile();
const ctx = () => testContext(database.db).ctx;

const MARKER = `MELDCODE-MARKER-${Math.random().toString(36).slice(2, 10)}`;

function richText(paragraphs: string[], field = 'body'): Uint8Array {
  const doc = new Y.Doc();
  for (const text of paragraphs) {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment(field).push([p]);
  }
  return Y.encodeStateAsUpdate(doc);
}

async function planWithNotes() {
  const db = database.db;
  const plan = await buildPlan(db, { summary: 'Rust in huis.' });
  const parent = await buildUser(db, { name: 'Sanne Jansen' });
  const gi = await buildUser(db, { name: 'Fatima Yılmaz' });
  await buildMember(db, { planId: plan.id, userId: parent.id, role: 'ouder', gezag: true });
  await buildMember(db, { planId: plan.id, userId: gi.id, role: 'gi', basis: 'wettelijke_taak' });
  await appointCasusregisseur(db, { planId: plan.id, userId: gi.id });

  const evaluation = new Y.Doc();
  addReview(evaluation, { date: '2026-10-01', by: 'Fatima', summary: 'Daan gaat weer naar school; één keer per week naar de café-training.' });
  evaluationTypes(evaluation).reviews.push([yItem({ id: 'kapot', date: 'nooit', by: 'x', summary: yText('ongeldig') })]);
  setStable(evaluation, 'support', true);
  await appendUpdates(db, [
    { doc: docNameFor(plan.id, 'gezin'), update: richText(['Wij willen rust — ook voor Daniëlle en Zoë.']), userId: null },
    { doc: docNameFor(plan.id, 'professioneel'), update: richText([`Risicotaxatie ${MARKER}: geen acuut gevaar.`]), userId: null },
    { doc: docNameFor(plan.id, 'evaluatie'), update: Y.encodeStateAsUpdate(evaluation), userId: null },
  ]);
  await createThread(db, {
    planId: plan.id,
    section: 'gezin',
    anchorStart: 'AA==',
    anchorEnd: 'AA==',
    quote: 'rust',
    authorId: parent.id,
    authorRole: 'ouder',
    body: 'Rust betekent: geen ruzie bij het wisselen.',
  });
  await createThread(db, {
    planId: plan.id,
    section: 'professioneel',
    anchorStart: 'AA==',
    anchorEnd: 'AA==',
    quote: 'gevaar',
    authorId: gi.id,
    authorRole: 'gi',
    body: `Overleg ${MARKER}-comment`,
  });
  return { plan, parent, gi };
}

/**
 * Rough text of an uncompressed PDF: pdfkit writes each line as a TJ array of hex strings in WinAnsi; decoding
 * those is enough to see which words are on the page (not their layout).
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const tj of raw.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let line = '';
    for (const hex of (tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) line += Buffer.from(hex[1] ?? '', 'hex').toString('latin1');
    lines.push(line);
  }
  return lines.join('\n');
}

describe('plan export', () => {
  it("a parent's JSON has no professional notes, title or comments; the GI's has them", async () => {
    const { plan, parent, gi } = await planWithNotes();
    const forParent = (await exportPlan(ctx(), { actor: { planId: plan.id, userId: parent.id }, via: VIA, format: 'json' })).body.toString('utf8');
    expect(forParent).not.toContain(MARKER);
    expect(forParent).not.toContain('professioneel');
    expect(forParent).not.toContain('Professionele afwegingen');
    expect(forParent).toContain('Wij willen rust — ook voor Daniëlle en Zoë.');
    expect(forParent).toContain('Rust betekent: geen ruzie bij het wisselen.');

    const forGi = (await exportPlan(ctx(), { actor: { planId: plan.id, userId: gi.id }, via: VIA, format: 'json' })).body.toString('utf8');
    expect(forGi).toContain(`Risicotaxatie ${MARKER}`);
    expect(forGi).toContain(`${MARKER}-comment`);
    expect(forGi).toContain('Professionele afwegingen');

    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.planId, plan.id), eq(auditEvents.action, 'plan.export')));
    expect(audit.map((a) => [a.actorUserId, (a.details as { format: string }).format]).sort()).toEqual(
      [
        [gi.id, 'json'],
        [parent.id, 'json'],
      ].sort(),
    );
    expect(audit.every((a) => a.accessPoint === VIA.accessPoint && a.client === VIA.client && a.actorRole !== null)).toBe(true);
  });

  it('keeps only validated structured content and counts what it left out', async () => {
    const { plan, parent } = await planWithNotes();
    const model = await buildExport(ctx(), { actor: { planId: plan.id, userId: parent.id } });
    const evaluatie = model.sections.find((s) => s.key === 'evaluatie');
    expect(evaluatie?.skipped).toBe(1);
    const content = evaluatie?.content as { reviews: { summary: string }[]; stability: Record<string, { stable: boolean }> };
    expect(content.reviews.map((r) => r.summary)).toEqual(['Daan gaat weer naar school; één keer per week naar de café-training.']);
    expect(content.stability.support?.stable).toBe(true);
    const gezin = model.sections.find((s) => s.key === 'gezin');
    expect(gezin?.richText).toEqual([{ field: 'body', text: 'Wij willen rust — ook voor Daniëlle en Zoë.' }]);
    expect(model.sections.map((s) => s.key)).not.toContain('professioneel');
    const text = printableText(printableExport(model));
    expect(text).toContain('Status: actief');
    expect(text).toContain('Support: stabiel');
    expect(text).toContain('Wonen: nog niet stabiel');
    expect(text).not.toContain('ongeldig');
  });

  it("a parent's PDF has no professional notes; the GI's has them; diacritics and the footer are on the page", async () => {
    const { plan, parent, gi } = await planWithNotes();
    const now = new Date('2026-11-29T10:00:00Z');
    const parentPdf = await exportPlan(ctx(), { actor: { planId: plan.id, userId: parent.id }, via: VIA, format: 'pdf', compress: false, now });
    expect(parentPdf.contentType).toBe('application/pdf');
    expect(parentPdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const parentText = pdfText(parentPdf.body);
    expect(parentText).toContain('Daniëlle en Zoë');
    expect(parentText).toContain('één keer per week');
    expect(parentText).toContain('gedownload op 29 november 2026');
    expect(parentText).toMatch(/pagina 1 van \d/);
    expect(parentText).not.toContain(MARKER);
    expect(parentText).not.toContain('Professionele afwegingen');

    const giText = pdfText((await exportPlan(ctx(), { actor: { planId: plan.id, userId: gi.id }, via: VIA, format: 'pdf', compress: false, now })).body);
    expect(giText).toContain('Professionele afwegingen');
    expect(giText).toContain(MARKER);
    // The Turkish dotless ı is not in Helvetica's encoding: it loses nothing else of the name.
    expect(giText).toContain('Fatima Y?lmaz');
  });

  it('wraps long text onto more lines and pages instead of running off the page', async () => {
    const { plan, parent } = await planWithNotes();
    const long = Array.from({ length: 400 }, (_, i) => `woord${i}`).join(' ');
    await appendUpdates(database.db, [{ doc: docNameFor(plan.id, 'netwerk'), update: richText([long]), userId: null }]);
    const text = pdfText((await exportPlan(ctx(), { actor: { planId: plan.id, userId: parent.id }, via: VIA, format: 'pdf', compress: false })).body);
    const lineWith = (w: string) => text.split('\n').findIndex((l) => l.includes(w));
    expect(lineWith('woord399')).toBeGreaterThan(lineWith('woord0 '));
    expect(text).toMatch(/pagina 2 van/);
  });

  it("names sections as the plan's region does", async () => {
    const { plan, parent } = await planWithNotes();
    const [household] = await database.db.select({ regionId: households.regionId }).from(households).where(eq(households.id, plan.householdId));
    await database.db
      .update(regions)
      .set({ settings: { sectionLabels: { gezin: 'Wie wij zijn' } } })
      .where(eq(regions.id, household?.regionId ?? ''));
    const model = await buildExport(ctx(), { actor: { planId: plan.id, userId: parent.id } });
    expect(model.sections.find((s) => s.key === 'gezin')?.title).toBe('Wie wij zijn');
    expect(model.sections.find((s) => s.key === 'doelen')?.title).toBe('Doelen');
  });

  it('only members export; others see no plan', async () => {
    const { plan } = await planWithNotes();
    const outsider = await buildUser(database.db);
    await expect(exportPlan(ctx(), { actor: { planId: plan.id, userId: outsider.id }, via: VIA, format: 'json' })).rejects.toThrow('Dit plan bestaat niet');
  });
});

describe('toWinAnsi', () => {
  it('keeps Dutch letters and typographic marks, strips accents it cannot show, replaces the rest', () => {
    expect(toWinAnsi('één, café, Zoë, ‘quote’ – “x” …')).toBe('één, café, Zoë, ‘quote’ – “x” …');
    expect(toWinAnsi('Şule Ğ')).toBe('Sule G');
    expect(toWinAnsi('😀 ≥')).toBe('? ?');
  });
});
