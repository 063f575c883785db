/**
 * Renders a laid-out instrument to .docx in the layout of GB/T 9704-2012 党政机关公文格式: A4, margins
 * top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 方正小标宋简体 二号 (22 pt) centred; text
 * in 仿宋_GB2312 三号 (16 pt) at a fixed 29 pt line pitch (22 lines of 28 characters a page); headings
 * in 黑体; the 文号 centred under the title; page numbers 四号 宋体 “— 1 —”, odd pages right and even
 * pages left, one character in from the edge; 署名 centred over the 成文日期, which stands four
 * characters in from the right. Word and WPS substitute 宋体/仿宋 where the GB fonts are not installed.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { PAGE_MM as PAGE, type Align, type LaidCell, type LaidOutInstrument, type LaidParagraph } from './model.ts';

export const DOCX_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

const pt = (v: number) => v * 2; // half-points
const BODY = 16;
const CHAR_TWIPS = BODY * 20;
const LINE = 580; // 29 pt
const TEXT_WIDTH = convertMillimetersToTwip(210 - PAGE.marginLeft - PAGE.marginRight);

const font = (eastAsia: string) => ({ ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia, cs: DOCX_FONTS.latin });

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
};

function paragraph(p: LaidParagraph, o: { size?: number; line?: number } = {}): Paragraph {
  const role = p.role ?? 'body';
  const size = role === 'note' ? 12 : (o.size ?? BODY);
  const face = role === 'heading' ? DOCX_FONTS.heading : DOCX_FONTS.body;
  return new Paragraph({
    alignment: ALIGN[p.align],
    indent: p.indent ? { firstLine: size * 20 * 2 } : undefined,
    spacing: { line: o.line ?? (role === 'note' ? 400 : LINE), lineRule: LineRuleType.EXACT },
    keepNext: p.keepNext,
    children: p.runs.map((r) => new TextRun({ text: r.text, bold: r.bold, underline: r.underline ? {} : undefined, font: font(face), size: pt(size) })),
  });
}

const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function table(widths: number[], rows: LaidCell[][], headerRows: number): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map((row, i) => {
      const min = Math.max(...row.map((c) => c.minHeightMm));
      let col = 0;
      return new TableRow({
        cantSplit: true,
        tableHeader: i < headerRows,
        height: min > 0 ? { value: convertMillimetersToTwip(min), rule: HeightRule.ATLEAST } : undefined,
        children: row.map((c) => {
          const width = twips.slice(col, col + c.colSpan).reduce((a, b) => a + b, 0);
          col += c.colSpan;
          return new TableCell({
            columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
            width: { size: width, type: WidthType.DXA },
            verticalAlign: c.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            shading: c.header ? { fill: 'F2F2F2', type: ShadingType.CLEAR, color: 'auto' } : undefined,
            children: c.paragraphs.length
              ? c.paragraphs.map((p) => paragraph({ ...p, indent: false }, { size: 12, line: 360 }))
              : [new Paragraph({ children: [] })],
          });
        }),
      });
    }),
  });
}

/** 署名 and 成文日期: a borderless table whose right column (centred lines) ends four characters from the margin. */
function signature(lines: string[], seal: boolean, date: string): (Paragraph | Table)[] {
  const longest = Math.max(date.length, ...lines.map((l) => l.length));
  const right = CHAR_TWIPS * 4;
  const mid = Math.min(TEXT_WIDTH - right - CHAR_TWIPS, (longest + 1) * CHAR_TWIPS);
  const left = TEXT_WIDTH - right - mid;
  const centred = (text: string, o: { size?: number; color?: string } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text, font: font(DOCX_FONTS.body), size: pt(o.size ?? BODY), color: o.color })],
    });
  const cells = [...lines.map((l) => centred(l)), ...(seal ? [centred('（印章）', { size: 12, color: '9A9A9A' })] : []), centred(date)];
  const none = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder };
  return [
    new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [left, mid, right],
      layout: TableLayoutType.FIXED,
      borders: { ...none, insideHorizontal: noBorder, insideVertical: noBorder },
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: left, type: WidthType.DXA }, borders: none, children: [new Paragraph({ children: [] })] }),
            new TableCell({ width: { size: mid, type: WidthType.DXA }, borders: none, children: cells }),
            new TableCell({ width: { size: right, type: WidthType.DXA }, borders: none, children: [new Paragraph({ children: [] })] }),
          ],
        }),
      ],
    }),
  ];
}

function footer(doc: LaidOutInstrument, odd: boolean): Footer {
  const f = doc.footer;
  if (f.kind === 'recordPage') {
    return new Footer({
      children: [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
          children: [
            new TextRun({ text: `${f.signLabel}：`, font: font(DOCX_FONTS.body), size: pt(12) }),
            new TextRun({ children: ['\t第 ', PageNumber.CURRENT, ' 页　共 ', PageNumber.TOTAL_PAGES, ' 页'], font: font(DOCX_FONTS.body), size: pt(12) }),
          ],
        }),
      ],
    });
  }
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: DOCX_FONTS.pageNumber, hAnsi: DOCX_FONTS.pageNumber, eastAsia: DOCX_FONTS.pageNumber },
            size: pt(14),
          }),
        ],
      }),
    ],
  });
}

/** Renders a laid-out instrument to .docx bytes. */
export async function renderDocx(doc: LaidOutInstrument): Promise<Buffer> {
  const titleRun = (text: string) => new TextRun({ text, font: font(DOCX_FONTS.title), size: pt(22) });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 640, lineRule: LineRuleType.EXACT }, children: [titleRun(doc.orgName)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 640, lineRule: LineRuleType.EXACT }, children: [titleRun(doc.title)] }),
    doc.numberPlacement === 'center'
      ? new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 160, after: 280, line: LINE, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: doc.number, font: font(DOCX_FONTS.body), size: pt(BODY) })],
        })
      : new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { before: 120, after: 120, line: 400, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: `编号：${doc.number}`, font: font(DOCX_FONTS.body), size: pt(12) })],
        }),
  ];
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'paragraph':
        children.push(paragraph(b.paragraph));
        break;
      case 'table':
        children.push(table(b.widths, b.rows, b.headerRows));
        break;
      case 'spacer':
        children.push(new Paragraph({ spacing: { line: Math.max(1, Math.round(LINE * b.lines)), lineRule: LineRuleType.EXACT }, children: [] }));
        break;
      case 'signature':
        children.push(...signature(b.lines, b.seal, b.date));
        break;
    }
  }
  const mark = doc.watermark;
  const watermark = () =>
    new Header({ children: [new Paragraph({ children: [new TextWatermark({ text: mark!, font: DOCX_FONTS.body, color: 'C00000', opacity: 0.2 })] })] });
  const document = new Document({
    creator: '法治 Fazhi 平台',
    title: `${doc.title} ${doc.number}`.trim(),
    description: `${doc.orgName}${doc.title}`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(DOCX_FONTS.body), size: pt(BODY) }, paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(PAGE.marginTop),
              bottom: convertMillimetersToTwip(PAGE.marginBottom),
              left: convertMillimetersToTwip(PAGE.marginLeft),
              right: convertMillimetersToTwip(PAGE.marginRight),
              header: convertMillimetersToTwip(15),
              footer: convertMillimetersToTwip(PAGE.marginBottom - 7 - 7),
            },
          },
        },
        headers: mark ? { default: watermark(), even: watermark() } : undefined,
        footers: { default: footer(doc, true), even: footer(doc, false) },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
