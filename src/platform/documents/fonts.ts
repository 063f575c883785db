/**
 * The CJK fonts the PDF renderer embeds, found at run time: Noto Serif CJK SC (a 宋体-like serif, Debian
 * fonts-noto-cjk) for the text, Noto Sans CJK SC (黑体-like) for headings, WenQuanYi Micro Hei
 * (fonts-wqy-microhei) when Noto is absent. No font, no PDF: a clear error, never boxes instead of text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../errors.ts';

export interface FontFace {
  file: string;
  /** the face inside a .ttc collection */
  postscriptName: string;
}

export interface CjkFontSet {
  serif: { normal: FontFace; bold: FontFace };
  sans: { normal: FontFace; bold: FontFace };
}

const NOTO = '/usr/share/fonts/opentype/noto';
const candidates: Record<string, string[]> = {
  'NotoSerifCJKsc-Regular': [`${NOTO}/NotoSerifCJK-Regular.ttc`, '/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc'],
  'NotoSerifCJKsc-Bold': [`${NOTO}/NotoSerifCJK-Bold.ttc`, '/usr/share/fonts/noto-cjk/NotoSerifCJK-Bold.ttc'],
  'NotoSansCJKsc-Regular': [`${NOTO}/NotoSansCJK-Regular.ttc`, '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'],
  'NotoSansCJKsc-Bold': [`${NOTO}/NotoSansCJK-Bold.ttc`, '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc'],
  WenQuanYiMicroHei: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc'],
};

/** Where fontconfig says a face is (for installations outside the Debian paths). */
function fontconfigFile(postscriptName: string): string | null {
  try {
    const out = execFileSync('fc-list', [`:postscriptname=${postscriptName}`, 'file'], { encoding: 'utf8', timeout: 5000 });
    const file = out.split('\n')[0]?.replace(/:\s*$/, '').trim();
    return file && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function find(postscriptName: string): FontFace | null {
  const file = (candidates[postscriptName] ?? []).find((f) => existsSync(f)) ?? fontconfigFile(postscriptName);
  return file ? { file, postscriptName } : null;
}

let cached: CjkFontSet | null = null;

/** The fonts to embed; 500 CJK_FONT_MISSING when none is installed. */
export function cjkFonts(): CjkFontSet {
  if (cached) return cached;
  const wqy = find('WenQuanYiMicroHei');
  const serif = find('NotoSerifCJKsc-Regular');
  const serifBold = find('NotoSerifCJKsc-Bold') ?? serif;
  const sans = find('NotoSansCJKsc-Regular') ?? wqy;
  const sansBold = find('NotoSansCJKsc-Bold') ?? sans;
  const body = serif ?? sans;
  if (!body || !sans) {
    throw new AppError(500, 'CJK_FONT_MISSING', '服务器未安装中文字体，无法生成 PDF 文书。请安装 fonts-noto-cjk 或 fonts-wqy-microhei 后重试');
  }
  cached = { serif: { normal: body, bold: serifBold ?? body }, sans: { normal: sans, bold: sansBold ?? sans } };
  return cached;
}

const bytes = new Map<string, Buffer>();
/** Font files are read once (the Noto collections are 20–27 MB each). */
export function fontBytes(file: string): Buffer {
  let b = bytes.get(file);
  if (!b) {
    b = readFileSync(file);
    bytes.set(file, b);
  }
  return b;
}
