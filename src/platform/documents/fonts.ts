/**
 * The CJK fonts the PDF renderer embeds.
 *
 * `bundled` (the default, `PDF_FONTS=bundled`): Noto Serif SC Regular and Bold (a 宋体-like serif; SIL Open
 * Font License 1.1), TrueType files that `npm install` brings with the package `@expo-google-fonts/noto-serif-sc`
 * — no system font is needed. Headings use the same face in bold.
 * `system` (`PDF_FONTS=system`): Debian's Noto Serif/Sans CJK SC (fonts-noto-cjk) for text and headings,
 * WenQuanYi Micro Hei (fonts-wqy-microhei) when Noto is absent, found by path or through fontconfig.
 *
 * No font, no PDF: `selectCjkFonts` is called at start-up, so a missing font stops the server with a message
 * naming the fix before anything is seeded, never boxes instead of text and never a crash mid-way.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../errors.ts';

export type PdfFontChoice = 'bundled' | 'system';
export const PDF_FONT_CHOICES: readonly PdfFontChoice[] = ['bundled', 'system'];

export interface FontFace {
  file: string;
  /** the face inside a .ttc collection; absent for a single-font file */
  postscriptName?: string;
}

export interface CjkFontSet {
  choice: PdfFontChoice;
  serif: { normal: FontFace; bold: FontFace };
  sans: { normal: FontFace; bold: FontFace };
}

export const BUNDLED_FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

function bundledPackageRoot(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${BUNDLED_FONT_PACKAGE}/package.json`));
  } catch {
    return null;
  }
}

/** The package's TrueType files, or null when the package is not installed. */
function bundledFaces(root = bundledPackageRoot()): { normal: FontFace; bold: FontFace } | null {
  if (!root) return null;
  const normal = join(root, '400Regular', 'NotoSerifSC_400Regular.ttf');
  const bold = join(root, '700Bold', 'NotoSerifSC_700Bold.ttf');
  return existsSync(normal) && existsSync(bold) ? { normal: { file: normal }, bold: { file: bold } } : null;
}

const NOTO = '/usr/share/fonts/opentype/noto';
const systemCandidates: Record<string, string[]> = {
  'NotoSerifCJKsc-Regular': [`${NOTO}/NotoSerifCJK-Regular.ttc`, '/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc'],
  'NotoSerifCJKsc-Bold': [`${NOTO}/NotoSerifCJK-Bold.ttc`, '/usr/share/fonts/noto-cjk/NotoSerifCJK-Bold.ttc'],
  'NotoSansCJKsc-Regular': [`${NOTO}/NotoSansCJK-Regular.ttc`, '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'],
  'NotoSansCJKsc-Bold': [`${NOTO}/NotoSansCJK-Bold.ttc`, '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc'],
  WenQuanYiMicroHei: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc'],
};

/** Where fontconfig says a face is (for installations outside the Debian paths). */
function fontconfigFile(postscriptName: string): string | null {
  try {
    const out = execFileSync('fc-list', [`:postscriptname=${postscriptName}`, 'file'], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const file = out.split('\n')[0]?.replace(/:\s*$/, '').trim();
    return file && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function findSystem(postscriptName: string): FontFace | null {
  const file = (systemCandidates[postscriptName] ?? []).find((f) => existsSync(f)) ?? fontconfigFile(postscriptName);
  return file ? { file, postscriptName } : null;
}

function systemFonts(): Omit<CjkFontSet, 'choice'> | null {
  const wqy = findSystem('WenQuanYiMicroHei');
  const serif = findSystem('NotoSerifCJKsc-Regular');
  const serifBold = findSystem('NotoSerifCJKsc-Bold') ?? serif;
  const sans = findSystem('NotoSansCJKsc-Regular') ?? wqy;
  const sansBold = findSystem('NotoSansCJKsc-Bold') ?? sans;
  const body = serif ?? sans;
  if (!body || !sans) return null;
  return { serif: { normal: body, bold: serifBold ?? body }, sans: { normal: sans, bold: sansBold ?? sans } };
}

/** Finds the fonts of a choice; 500 CJK_FONT_MISSING, naming the fix, when they are not installed. */
export function resolveCjkFonts(choice: PdfFontChoice, where: { packageRoot?: string } = {}): CjkFontSet {
  if (choice === 'bundled') {
    const faces = bundledFaces(where.packageRoot);
    if (!faces) {
      throw new AppError(
        'CJK_FONT_MISSING',
        `未找到随平台安装的中文字体（npm 包 ${BUNDLED_FONT_PACKAGE}），无法生成 PDF 文书。请在项目目录运行 npm install；或安装系统字体（fonts-noto-cjk 或 fonts-wqy-microhei）并设置 PDF_FONTS=system`,
      );
    }
    return { choice, serif: faces, sans: faces };
  }
  const sys = systemFonts();
  if (!sys) {
    throw new AppError(
      'CJK_FONT_MISSING',
      '服务器未安装中文字体（PDF_FONTS=system），无法生成 PDF 文书。请安装 fonts-noto-cjk 或 fonts-wqy-microhei，或改用随平台安装的字体（PDF_FONTS=bundled，默认）',
    );
  }
  return { choice, ...sys };
}

let selected: CjkFontSet | null = null;

/** Chooses the fonts for this process (called by createContext); throws CJK_FONT_MISSING at once. */
export function selectCjkFonts(choice: PdfFontChoice): CjkFontSet {
  if (selected?.choice !== choice) selected = resolveCjkFonts(choice);
  return selected;
}

/** The fonts to embed: the process's choice, `bundled` when none was made. */
export function cjkFonts(): CjkFontSet {
  return selected ?? selectCjkFonts('bundled');
}

const bytes = new Map<string, Buffer>();
/** Font files are read once (Noto Serif SC is 15 MB a weight, the Noto collections 20–27 MB). */
export function fontBytes(file: string): Buffer {
  let b = bytes.get(file);
  if (!b) {
    b = readFileSync(file);
    bytes.set(file, b);
  }
  return b;
}
