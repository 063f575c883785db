/**
 * Renders a laid-out instrument to PDF (pdfmake 0.2 on Node) with an embedded CJK font: A4, margins and
 * sizes after GB/T 9704-2012 — title 22 pt (二号), text 16 pt (三号) at about 29 pt line pitch (22 lines a
 * page), page numbers 14 pt (四号) as “— 1 —”, odd pages right, even pages left.
 */
import { createRequire } from 'node:module';
import PdfPrinter from 'pdfmake';
import type { Content, ContentTable, TableCell, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { cjkFonts, fontBytes, type CjkFontSet, type FontFace } from './fonts.ts';
import { PAGE_MM, type Align, type LaidCell, type LaidOutInstrument, type LaidParagraph } from './model.ts';

const mm = (v: number) => (v * 72) / 25.4;
const PAGE = PAGE_MM;
const BODY = 16;
const TITLE = 22;
const TABLE = 12;
const NOTE = 12;
/** line pitch ≈ 29 pt: the CJK faces' own line height is ≈ 1.44 em */
const BODY_LINE = 1.26;
const TABLE_LINE = 1.05;
const CHAR = BODY;

/**
 * fontkit parses a 15–26 MB CJK font on every document; parsing it once makes a PDF 2–3 times
 * faster. The parsed font is only read afterwards (each document builds its own subset), and a
 * document is laid out and finalised synchronously, so sharing it is safe. If the library's shape
 * ever changes, this quietly does nothing and rendering is only slower.
 */
function memoizeFontParsing(): void {
  try {
    const req = createRequire(import.meta.url);
    const fromPdfmake = createRequire(req.resolve('pdfmake'));
    const fontkit = createRequire(fromPdfmake.resolve('@foliojs-fork/pdfkit'))('@foliojs-fork/fontkit') as { create: (b: Buffer, name?: string) => unknown };
    const original = fontkit.create;
    if (typeof original !== 'function' || (original as { memoized?: boolean }).memoized) return;
    const parsed = new WeakMap<Buffer, Map<string, unknown>>();
    const memo = function (this: unknown, buffer: Buffer, name?: string) {
      if (!Buffer.isBuffer(buffer)) return original.call(this, buffer, name);
      let byName = parsed.get(buffer);
      if (!byName) parsed.set(buffer, (byName = new Map()));
      const key = name ?? '';
      if (!byName.has(key)) byName.set(key, original.call(this, buffer, name));
      return byName.get(key);
    };
    (memo as { memoized?: boolean }).memoized = true;
    fontkit.create = memo;
  } catch {
    // rendering works without the memo
  }
}
memoizeFontParsing();

let printer: { fonts: CjkFontSet; printer: PdfPrinter } | null = null;
function getPrinter(): PdfPrinter {
  const fonts = cjkFonts();
  if (printer?.fonts === fonts) return printer.printer;
  // a collection (.ttc) names its face; a single-font file is the face
  const src = (f: FontFace) => (f.postscriptName ? [fontBytes(f.file), f.postscriptName] : fontBytes(f.file));
  const family = (normal: FontFace, bold: FontFace) => ({ normal: src(normal), bold: src(bold), italics: src(normal), bolditalics: src(bold) });
  const p = new PdfPrinter({
    Serif: family(fonts.serif.normal, fonts.serif.bold),
    Sans: family(fonts.sans.normal, fonts.sans.bold),
  } as unknown as TFontDictionary);
  printer = { fonts, printer: p };
  return p;
}

const pdfAlign = (a: Align) => a;

function paragraph(p: LaidParagraph, o: { fontSize?: number; lineHeight?: number } = {}): Content {
  const role = p.role ?? 'body';
  const fontSize = role === 'note' ? NOTE : (o.fontSize ?? BODY);
  return {
    text: p.runs.length ? p.runs.map((r) => ({ text: r.text, bold: r.bold, decoration: r.underline ? ('underline' as const) : undefined })) : ' ',
    font: role === 'heading' ? 'Sans' : 'Serif',
    fontSize,
    lineHeight: o.lineHeight ?? BODY_LINE,
    alignment: pdfAlign(p.align),
    leadingIndent: p.indent ? fontSize * 2 : 0,
    preserveLeadingSpaces: true,
  } as Content;
}

function tableCell(c: LaidCell): TableCell {
  const stack = c.paragraphs.map((p) => paragraph({ ...p, indent: false }, { fontSize: TABLE, lineHeight: TABLE_LINE }));
  return {
    stack: stack.length ? stack : [{ text: ' ', fontSize: TABLE }],
    colSpan: c.colSpan > 1 ? c.colSpan : undefined,
    margin: [3, 3, 3, 3],
    fillColor: c.header ? '#f2f2f2' : undefined,
  } as TableCell;
}

function table(widths: number[], rows: LaidCell[][], headerRows: number): ContentTable {
  const total = widths.reduce((a, b) => a + b, 0);
  const body: TableCell[][] = rows.map((row) => {
    const cells: TableCell[] = [];
    for (const c of row) {
      cells.push(tableCell(c));
      for (let i = 1; i < c.colSpan; i++) cells.push({ text: '' });
    }
    return cells;
  });
  return {
    table: {
      widths: widths.map((w) => `${((w / total) * 100).toFixed(2)}%`),
      body,
      headerRows,
      dontBreakRows: true,
      heights: (i: number) => {
        const min = Math.max(...rows[i].map((c) => c.minHeightMm));
        return min > 0 ? mm(min) : 'auto';
      },
    } as ContentTable['table'],
    layout: { hLineWidth: () => 0.75, vLineWidth: () => 0.75 },
    margin: [0, 4, 0, 4],
  };
}

/** Renders a laid-out instrument to PDF bytes. */
export async function renderPdf(doc: LaidOutInstrument): Promise<Buffer> {
  const content: Content[] = [
    { text: doc.orgName, font: 'Serif', bold: true, fontSize: TITLE, alignment: 'center', lineHeight: 1.15 },
    {
      text: doc.title,
      font: 'Serif',
      bold: true,
      fontSize: TITLE,
      alignment: 'center',
      lineHeight: 1.15,
      margin: [0, 2, 0, 0],
      characterSpacing: doc.title.length <= 6 ? 4 : 0,
    },
    doc.numberPlacement === 'center'
      ? { text: doc.number, font: 'Serif', fontSize: BODY, alignment: 'center', margin: [0, 10, 0, 14], preserveLeadingSpaces: true }
      : { text: `编号：${doc.number}`, font: 'Serif', fontSize: TABLE, alignment: 'right', margin: [0, 8, 0, 6], preserveLeadingSpaces: true },
  ];
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'paragraph':
        content.push(paragraph(b.paragraph));
        break;
      case 'table':
        content.push(table(b.widths, b.rows, b.headerRows));
        break;
      case 'spacer':
        content.push({ text: ' ', fontSize: BODY * b.lines, lineHeight: 1 });
        break;
      case 'signature': {
        const stack: Content[] = b.lines.map((l) => ({ text: l, alignment: 'center' as const }));
        if (b.seal) stack.push({ text: '（印章）', color: '#9a9a9a', fontSize: NOTE, alignment: 'center' as const });
        stack.push({ text: b.date, alignment: 'center' as const });
        content.push({
          columns: [
            { width: '*', text: '' },
            { width: 'auto', stack, font: 'Serif', fontSize: BODY, lineHeight: BODY_LINE },
          ],
          margin: [0, BODY * 1.5, CHAR * 4, 0],
          unbreakable: true,
        } as Content);
        break;
      }
    }
  }
  const footer = doc.footer;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [mm(PAGE.marginLeft), mm(PAGE.marginTop), mm(PAGE.marginRight), mm(PAGE.marginBottom)],
    info: { title: `${doc.title} ${doc.number}`.trim(), author: doc.orgName, creator: '法治 Fazhi 平台', producer: '法治 Fazhi 平台' },
    defaultStyle: { font: 'Serif', fontSize: BODY },
    content,
    footer: (currentPage: number, pageCount: number) =>
      footer.kind === 'recordPage'
        ? {
            columns: [
              { text: `${footer.signLabel}：`, width: '*' },
              { text: `第 ${currentPage} 页　共 ${pageCount} 页`, width: 'auto' },
            ],
            font: 'Serif',
            fontSize: NOTE,
            margin: [mm(PAGE.marginLeft), mm(7), mm(PAGE.marginRight), 0],
          }
        : {
            text: `— ${currentPage} —`,
            font: 'Serif',
            fontSize: 14,
            alignment: currentPage % 2 === 1 ? 'right' : 'left',
            margin: [mm(PAGE.marginLeft) + 14, mm(7), mm(PAGE.marginRight) + 14, 0],
          },
    ...(doc.watermark ? { watermark: { text: doc.watermark, color: '#c00000', opacity: 0.18, bold: true, fontSize: 150, angle: -35 } } : {}),
  };
  const pdf = getPrinter().createPdfKitDocument(definition);
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
