/**
 * Meaning checks of violations and benchmarks (the zod schemas check the shape). Each problem names
 * where it is, so the API, the editor and the .xlsx import can point at it.
 */
import { enforcementFields } from '../certifiedDuty.ts';
import type { BenchmarkRule, Bound, BranchCondition, FineBranch, StatuteVersion, TierRow, ViolationRule } from './model.ts';
import { formatYuan } from './money.ts';
import { baseKinds, discretionTiers, penaltyKinds } from './vocabulary.ts';

export interface Problem {
  path: string;
  message: string;
}

const dup = <T>(xs: T[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

function boundProblems(b: Bound, path: string): Problem[] {
  if ('fen' in b) return Number.isSafeInteger(b.fen) && b.fen >= 0 ? [] : [{ path, message: '金额须为以分计的非负整数' }];
  const out: Problem[] = [];
  if (!(b.base in baseKinds)) out.push({ path, message: `未知的计罚基数“${b.base}”` });
  if (!Number.isSafeInteger(b.permille) || b.permille < 0) out.push({ path, message: '倍数须为以‰计的非负整数' });
  if (b.capFen !== undefined && (!Number.isSafeInteger(b.capFen) || b.capFen < 0)) out.push({ path, message: '封顶金额须为以分计的非负整数' });
  return out;
}

function conditionRefs(c: BranchCondition): string[] {
  if (c.kind === 'condition' || c.kind === 'notCondition') return [c.id];
  if (c.kind === 'anyOf') return c.of.flatMap(conditionRefs);
  return [];
}

/** All article ids a violation cites, with the role each has. */
export function violationCitations(
  v: Pick<ViolationRule, 'violates' | 'punishes' | 'conditions' | 'provisions' | 'earlierStatutes'>,
): { articleId: string; role: 'violates' | 'punishes' }[] {
  const statutes: StatuteVersion[] = [v, ...(v.earlierStatutes ?? [])];
  const violates = new Set(statutes.flatMap((s) => s.violates));
  const punishes = new Set(
    statutes.flatMap((s) => [
      ...s.punishes,
      ...s.conditions.map((c) => c.articleId),
      ...s.provisions.flatMap((p) => [p.articleId, ...(p.branches ?? []).map((b) => b.articleId), ...(p.reservedTo ? [p.reservedTo.articleId] : [])]),
    ]),
  );
  return [
    ...[...violates].map((articleId) => ({ articleId, role: 'violates' as const })),
    ...[...punishes].map((articleId) => ({ articleId, role: 'punishes' as const })),
  ];
}

const lawVersion = (articleId: string) => articleId.split('#')[0];

export function validateViolation(v: Omit<ViolationRule, 'id'>): Problem[] {
  const out: Problem[] = [];
  if (!(v.field in enforcementFields)) out.push({ path: 'field', message: `未知的执法领域“${v.field}”` });
  out.push(...statuteProblems(v, ''));
  const versions = [v, ...(v.earlierStatutes ?? [])].map((s) => (s.punishes[0] ? lawVersion(s.punishes[0]) : ''));
  (v.earlierStatutes ?? []).forEach((s, i) => {
    const at = `earlierStatutes.${i}.`;
    out.push(...statuteProblems(s, at));
    if (versions.indexOf(versions[i + 1]) !== i + 1)
      out.push({ path: `${at}punishes`, message: `处罚依据的版本“${versions[i + 1]}”重复：每个较早的版本须引用不同版本的法律` });
    if (versions[i + 1] && versions[0] && versions[i + 1].split('@')[1] >= versions[0].split('@')[1])
      out.push({ path: `${at}punishes`, message: `较早版本“${versions[i + 1]}”须早于现行版本“${versions[0]}”` });
    if (s.punishes.some((a) => lawVersion(a) !== versions[i + 1])) out.push({ path: `${at}punishes`, message: '同一版本的处罚依据须引用同一版本法律的条文' });
  });
  return out;
}

/** Problems of one statute version (the current one at `at` = '', an earlier one at `earlierStatutes.i.`). */
function statuteProblems(v: StatuteVersion, at0: string): Problem[] {
  const out: Problem[] = [];
  if (!v.violates.length) out.push({ path: `${at0}violates`, message: '须引用所违反的条款' });
  if (!v.punishes.length) out.push({ path: `${at0}punishes`, message: '须引用处罚依据条款' });
  const conditionIds = v.conditions.map((c) => c.id);
  for (const d of dup(conditionIds)) out.push({ path: `${at0}conditions`, message: `法定情形编号“${d}”重复` });
  for (const d of dup(v.provisions.map((p) => p.kind))) out.push({ path: `${at0}provisions`, message: `处罚种类“${penaltyKinds[d]}”重复` });
  if (!v.provisions.length) out.push({ path: `${at0}provisions`, message: '须至少规定一种处罚种类' });
  v.provisions.forEach((p, i) => {
    const at = `${at0}provisions.${i}`;
    if (p.reservedTo && p.kind === 'fine') out.push({ path: `${at}.reservedTo`, message: '罚款不能规定为由其他机关决定' });
    if (p.onlyIf && !conditionIds.includes(p.onlyIf)) out.push({ path: `${at}.onlyIf`, message: `未定义的法定情形“${p.onlyIf}”` });
    if (p.kind !== 'fine' && p.branches?.length) out.push({ path: `${at}.branches`, message: `${penaltyKinds[p.kind]}不能规定罚款幅度` });
    if (p.kind === 'fine') out.push(...branchProblems(p.branches ?? [], conditionIds, `${at}.branches`));
  });
  return out;
}

function branchProblems(branches: FineBranch[], conditionIds: string[], at: string): Problem[] {
  const out: Problem[] = [];
  if (!branches.length) out.push({ path: at, message: '罚款须至少规定一个法定幅度' });
  for (const d of dup(branches.map((b) => b.id))) out.push({ path: at, message: `法定幅度编号“${d}”重复` });
  branches.forEach((b, j) => {
    const bp = `${at}.${j}`;
    out.push(...boundProblems(b.min, `${bp}.min`), ...boundProblems(b.max, `${bp}.max`));
    if ('fen' in b.min && 'fen' in b.max && b.min.fen > b.max.fen)
      out.push({ path: bp, message: `法定幅度“${b.label}”的下限 ${formatYuan(b.min.fen)} 高于上限 ${formatYuan(b.max.fen)}` });
    if ('base' in b.min && 'base' in b.max && b.min.base === b.max.base && b.min.permille > b.max.permille)
      out.push({ path: bp, message: `法定幅度“${b.label}”的下限倍数高于上限倍数` });
    for (const ref of b.when.flatMap(conditionRefs)) if (!conditionIds.includes(ref)) out.push({ path: `${bp}.when`, message: `未定义的法定情形“${ref}”` });
  });
  return out;
}

const fixedRange = (b: FineBranch) => ('fen' in b.min && 'fen' in b.max ? { min: b.min.fen, max: b.max.fen } : null);
const branchBases = (b: FineBranch) => [b.min, b.max].flatMap((x) => ('base' in x ? [x.base] : []));

function rowProblems(row: TierRow, v: ViolationRule, at: string): Problem[] {
  const out: Problem[] = [];
  const provision = v.provisions.find((p) => p.kind === row.kind);
  const what = `${discretionTiers[row.tier]}·${penaltyKinds[row.kind]}`;
  if (!provision) return [{ path: at, message: `${what}：该违法行为的处罚依据没有规定${penaltyKinds[row.kind]}` }];
  const branches = provision.branches ?? [];
  const branch = row.branch ? branches.find((b) => b.id === row.branch) : null;
  if (row.branch && !branch) out.push({ path: `${at}.branch`, message: `${what}：未定义的法定幅度“${row.branch}”` });
  const s = row.spec;
  if (row.kind !== 'fine' && s.kind !== 'apply') return [...out, { path: `${at}.spec`, message: `${what}：非罚款种类只能规定是否适用` }];
  if (row.tier === 'noPenalty' && s.kind !== 'apply') out.push({ path: `${at}.spec`, message: `${what}：不予处罚阶次只能规定是否适用` });
  if (
    s.kind === 'apply' &&
    s.mode !== 'required' &&
    provision.mode === 'required' &&
    (row.tier === 'lighter' || row.tier === 'standard' || row.tier === 'heavier')
  )
    out.push({ path: `${at}.spec`, message: `${what}：法律规定“${provision.text}”，应当适用，裁量基准不能免除或者改为可以适用` });
  if (s.kind === 'share' || s.kind === 'belowMinimum' || s.kind === 'multiple') {
    if (s.fromPermille < 0 || s.fromPermille > s.toPermille) out.push({ path: `${at}.spec`, message: `${what}：下限不能高于上限` });
  }
  if ((s.kind === 'share' || s.kind === 'belowMinimum') && s.toPermille > 1000) out.push({ path: `${at}.spec`, message: `${what}：比例不能超过 100%` });
  if (s.kind === 'belowMinimum' && row.tier !== 'mitigatedBelowRange') out.push({ path: `${at}.spec`, message: `${what}：低于法定最低额只能用于减轻处罚阶次` });
  if (row.tier === 'mitigatedBelowRange' && (s.kind === 'share' || s.kind === 'multiple'))
    out.push({ path: `${at}.spec`, message: `${what}：减轻处罚应在法定最低额以下，请用“法定最低额比例”或固定金额` });
  if (s.kind === 'amount') {
    if (s.minFen > s.maxFen) out.push({ path: `${at}.spec`, message: `${what}：下限不能高于上限` });
    if (!branch && branches.length > 1) out.push({ path: `${at}.branch`, message: `${what}：罚款有多个法定幅度，固定金额须指明适用的法定幅度` });
    const target = branch ?? (branches.length === 1 ? branches[0] : null);
    const legal = target ? fixedRange(target) : null;
    if (legal && row.tier !== 'mitigatedBelowRange' && (s.minFen < legal.min || s.maxFen > legal.max)) {
      out.push({
        path: `${at}.spec`,
        message: `${what}：${formatYuan(s.minFen)}至${formatYuan(s.maxFen)}超出法定幅度 ${formatYuan(legal.min)}至${formatYuan(legal.max)}`,
      });
    }
    if (legal && row.tier === 'mitigatedBelowRange' && s.maxFen >= legal.min)
      out.push({ path: `${at}.spec`, message: `${what}：减轻处罚的罚款须低于法定最低额 ${formatYuan(legal.min)}` });
  }
  if (s.kind === 'multiple') {
    const target = branch ?? (branches.length === 1 ? branches[0] : null);
    if (!target) out.push({ path: `${at}.branch`, message: `${what}：倍数须指明适用的法定幅度` });
    else if (!branchBases(target).includes(s.base)) out.push({ path: `${at}.spec`, message: `${what}：法定幅度“${target.label}”不以${baseKinds[s.base]}计算` });
  }
  return out;
}

export function validateBenchmark(b: Omit<BenchmarkRule, 'id'>, v: ViolationRule): Problem[] {
  const out: Problem[] = [];
  if (!isDate(b.validFrom)) out.push({ path: 'validFrom', message: '生效日期不是有效日期' });
  if (b.validTo !== null && !isDate(b.validTo)) out.push({ path: 'validTo', message: '失效日期不是有效日期' });
  if (b.validTo !== null && b.validTo < b.validFrom) out.push({ path: 'validTo', message: '失效日期不能早于生效日期' });
  const keys = b.tiers.map((r) => `${r.tier}/${r.kind}/${r.branch ?? ''}`);
  for (const d of dup(keys)) {
    const [tier, kind, branch] = d.split('/');
    out.push({
      path: 'tiers',
      message: `${discretionTiers[tier as keyof typeof discretionTiers]}·${penaltyKinds[kind as keyof typeof penaltyKinds]}${branch ? `（${branch}）` : ''}重复规定`,
    });
  }
  b.tiers.forEach((row, i) => out.push(...rowProblems(row, v, `tiers.${i}`)));
  const ids = b.circumstances.map((c) => c.id);
  for (const d of dup(ids)) out.push({ path: 'circumstances', message: `情节编号“${d}”重复` });
  const conditionIds = new Set(v.conditions.map((c) => c.id));
  b.circumstances.forEach((c, i) => {
    if (conditionIds.has(c.id)) out.push({ path: `circumstances.${i}.id`, message: `情节编号“${c.id}”与违法行为的法定情形重复` });
    if (c.kind === 'discretionary' && c.force === 'must')
      out.push({ path: `circumstances.${i}.force`, message: `情节“${c.label}”：酌定情节由行政机关裁量，不能规定为“应当”` });
    if (c.keeps?.length && c.effect !== 'noPenalty')
      out.push({ path: `circumstances.${i}.keeps`, message: `情节“${c.label}”：仅不予处罚情节可以保留处罚种类` });
    for (const k of c.keeps ?? [])
      if (!v.provisions.some((p) => p.kind === k))
        out.push({ path: `circumstances.${i}.keeps`, message: `情节“${c.label}”：处罚依据没有规定${penaltyKinds[k]}` });
  });
  b.exemptions.forEach((e, i) => {
    if (!e.conditions.length) out.push({ path: `exemptions.${i}`, message: `免罚清单“${e.label}”须至少有一个条件` });
    for (const c of e.conditions) {
      if ((c.kind === 'circumstance' || c.kind === 'notCircumstance') && !ids.includes(c.id))
        out.push({ path: `exemptions.${i}.conditions`, message: `免罚清单“${e.label}”：未定义的情节“${c.id}”` });
    }
  });
  return out;
}

/** All article ids a benchmark cites. */
export const benchmarkCitations = (b: Pick<BenchmarkRule, 'circumstances' | 'exemptions'>): string[] => [
  ...new Set([...b.circumstances.map((c) => c.articleId), ...b.exemptions.map((e) => e.articleId)]),
];
