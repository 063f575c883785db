/**
 * The violation editor writes statutory ranges as short text (the way the statute reads), e.g.
 *   conditions: "货值金额<10000"  "货值金额>=10000"  "无广告费用"  "有广告费用"  "serious"  "非 serious"
 *               (several joined by "；", alternatives by " 或 ")
 *   bounds:     "50000" / "5万"（元）   "10倍货值金额"   "3倍违法所得，最高30000"
 */
import { formatPermille, parsePermille, parseYuan } from '../../../../src/domain/discretion/money';
import type { Bound, BranchCondition, SimpleBranchCondition } from '../../../../src/domain/discretion/model';
import { baseKinds, idByLabel, type BaseKind } from '../../../../src/domain/discretion/vocabulary';

const yuanText = (fen: number) => String(fen / 100);

function simpleText(c: SimpleBranchCondition): string {
  switch (c.kind) {
    case 'baseBelow':
      return `${baseKinds[c.base]}<${yuanText(c.fen)}`;
    case 'baseAtLeast':
      return `${baseKinds[c.base]}>=${yuanText(c.fen)}`;
    case 'baseMissing':
      return `无${baseKinds[c.base]}`;
    case 'basePresent':
      return `有${baseKinds[c.base]}`;
    case 'condition':
      return c.id;
    case 'notCondition':
      return `非 ${c.id}`;
  }
}

export const conditionsText = (cs: BranchCondition[]) => cs.map((c) => (c.kind === 'anyOf' ? c.of.map(simpleText).join(' 或 ') : simpleText(c))).join('；');

function parseSimple(t: string): SimpleBranchCondition | string {
  const cmp = /^(.+?)\s*(<|>=|≥)\s*(.+)$/.exec(t);
  if (cmp) {
    const base = idByLabel(baseKinds, cmp[1]) as BaseKind | undefined;
    const fen = parseYuan(cmp[3]);
    if (!base || fen === null) return `无法理解“${t}”`;
    return cmp[2] === '<' ? { kind: 'baseBelow', base, fen } : { kind: 'baseAtLeast', base, fen };
  }
  const has = /^(无|有)(.+)$/.exec(t);
  if (has && idByLabel(baseKinds, has[2])) return { kind: has[1] === '无' ? 'baseMissing' : 'basePresent', base: idByLabel(baseKinds, has[2]) as BaseKind };
  const not = /^非\s*([A-Za-z][A-Za-z0-9_.-]*)$/.exec(t);
  if (not) return { kind: 'notCondition', id: not[1] };
  if (/^[A-Za-z][A-Za-z0-9_.-]*$/.test(t)) return { kind: 'condition', id: t };
  return `无法理解“${t}”`;
}

export function parseConditions(text: string): BranchCondition[] | string {
  const out: BranchCondition[] = [];
  for (const part of text
    .split(/[；;]/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    const alts = part.split(/\s+或\s+/).map(parseSimple);
    const bad = alts.find((a): a is string => typeof a === 'string');
    if (bad) return bad;
    out.push(alts.length === 1 ? (alts[0] as SimpleBranchCondition) : { kind: 'anyOf', of: alts as SimpleBranchCondition[] });
  }
  return out;
}

export const boundText = (b: Bound) =>
  'fen' in b ? yuanText(b.fen) : `${formatPermille(b.permille)}倍${baseKinds[b.base]}${b.capFen !== undefined ? `，最高${yuanText(b.capFen)}` : ''}`;

export function parseBound(text: string): Bound | string {
  const t = text.trim();
  const m = /^([\d.]+)\s*倍\s*([^，,]+?)(?:[，,]\s*最高\s*(.+))?$/.exec(t);
  if (m) {
    const permille = parsePermille(m[1]);
    const base = idByLabel(baseKinds, m[2]) as BaseKind | undefined;
    const cap = m[3] !== undefined ? parseYuan(m[3]) : undefined;
    if (permille === null || !base || cap === null) return `无法理解“${t}”`;
    return { base, permille, ...(cap !== undefined ? { capFen: cap } : {}) };
  }
  const fen = parseYuan(t);
  return fen === null ? `无法理解“${t}”（应为元数，如 50000 或 5万，或“10倍货值金额”）` : { fen };
}
