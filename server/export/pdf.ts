/**
 * The export on paper: A4, pdfkit's built-in Helvetica (WinAnsi, so Dutch diacritics render), long text wrapped,
 * and on every page a footer with the household, the export date and "pagina X van Y".
 */
import PDFDocument from 'pdfkit';
import nl from '@/messages/nl.json';
import { dutchDate, fill, type PrintBlock } from './printable';

// Windows-1252 beyond Latin-1: the characters Helvetica's standard encoding has in 0x80–0x9F.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the built-in fonts can show: Latin-1 and the cp1252 extras stay; other letters lose their accents
 * (ş → s, ł stays unknown); anything else becomes '?'. Control characters become spaces.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (code < 0x100 || CP1252_EXTRA.has(ch)) out += ch;
    else if (ch === '−') out += '-';
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base.length === 1 && (base.codePointAt(0) ?? 0) < 0x100 ? base : '?';
    }
  }
  return out;
}

const INDENT = 14;

/** Renders the blocks to a PDF. `compress: false` keeps content streams readable (tests). */
export function renderPdf(blocks: readonly PrintBlock[], meta: { household: string; exportedAt: string; compress?: boolean }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    compress: meta.compress ?? true,
    lang: 'nl-NL',
    info: { Title: toWinAnsi(fill(nl.export.title, { household: meta.household })), Author: 'Ons Plan', CreationDate: new Date(meta.exportedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;
  // Keep a heading with at least a few lines of what follows it.
  const keepWithNext = (space: number) => {
    if (doc.y + space > bottomLimit()) doc.addPage();
  };

  for (const b of blocks) {
    switch (b.t) {
      case 'title':
        doc.font('Helvetica-Bold').fontSize(20).fillColor('#1a1a1a').text(toWinAnsi(b.text), left, doc.y, { width });
        doc.moveDown(0.3);
        break;
      case 'h2':
        doc.moveDown(0.8);
        keepWithNext(70);
        doc.font('Helvetica-Bold').fontSize(15).fillColor('#0b4f8a').text(toWinAnsi(b.text), left, doc.y, { width });
        doc
          .moveTo(left, doc.y + 2)
          .lineTo(left + width, doc.y + 2)
          .lineWidth(0.75)
          .strokeColor('#0b4f8a')
          .stroke();
        doc.moveDown(0.5);
        break;
      case 'h3':
        doc.moveDown(0.4);
        keepWithNext(50);
        doc.font('Helvetica-Bold').fontSize(12).fillColor('#1a1a1a').text(toWinAnsi(b.text), left, doc.y, { width });
        doc.moveDown(0.2);
        break;
      case 'field': {
        const x = left + b.indent * INDENT;
        doc
          .fontSize(10.5)
          .fillColor('#1a1a1a')
          .font('Helvetica-Bold')
          .text(`${toWinAnsi(b.label)}: `, x, doc.y, { width: width - b.indent * INDENT, continued: true });
        doc.font('Helvetica').text(toWinAnsi(b.text));
        doc.moveDown(0.25);
        break;
      }
      case 'para': {
        const x = left + b.indent * INDENT;
        doc
          .font(b.strong ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(10.5)
          .fillColor('#1a1a1a')
          .text(toWinAnsi(b.text), x, doc.y, { width: width - b.indent * INDENT });
        doc.moveDown(0.25);
        break;
      }
      case 'note':
        doc.font('Helvetica-Oblique').fontSize(10).fillColor('#4a4a4a').text(toWinAnsi(b.text), left, doc.y, { width });
        doc.moveDown(0.3);
        break;
    }
  }

  const range = doc.bufferedPageRange();
  const date = dutchDate(meta.exportedAt);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page; lift the margin while writing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footer = fill(nl.export.footer, { household: meta.household, date, page: i + 1, pages: range.count });
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor('#4a4a4a')
      .text(toWinAnsi(footer), left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
