/**
 * The benchmark editor's form values (text cells, like the spreadsheet) and their conversion to and
 * from the benchmark rules — the same conversions the .xlsx import uses (domain/discretion/sheet.ts).
 */
import type { BaseKind } from '../../../../src/domain/discretion/vocabulary';
import type { BenchmarkRule, CircumstanceRule, ExemptionRule, TierRow, ViolationRule } from '../../../../src/domain/discretion/model';
import { conditionText, parseCondition, parseSpec, specCells } from '../../../../src/domain/discretion/sheet';
import { conventionShares } from '../../../../src/domain/discretion/tiers';
import type { Draft } from './CalculatorPanel';

export interface TierRowValues {
  tier: string;
  kind: string;
  branch?: string | null;
  method: string;
  lo?: string;
  hi?: string;
  note?: string | null;
}
export interface ExemptionValues {
  list: string;
  label: string;
  conditions: string;
  articleId: string;
  note?: string | null;
}
export interface BenchmarkValues {
  orgId: string;
  validFrom: string;
  validTo: string | null;
  documentTitle: string;
  documentNumber: string;
  tiers: TierRowValues[];
  circumstances: (Omit<CircumstanceRule, 'keeps' | 'partyType'> & { keeps?: string[]; partyType?: string | null })[];
  exemptions: ExemptionValues[];
}

export function toValues(b: Omit<BenchmarkRule, 'id' | 'violationId'>): BenchmarkValues {
  return {
    orgId: b.orgId,
    validFrom: b.validFrom,
    validTo: b.validTo,
    documentTitle: b.documentTitle,
    documentNumber: b.documentNumber,
    tiers: b.tiers.map((t) => {
      const [method, lo, hi] = specCells(t.spec);
      return { tier: t.tier, kind: t.kind, branch: t.branch ?? null, method, lo: String(lo), hi: String(hi), note: t.note ?? null };
    }),
    circumstances: b.circumstances.map((c) => ({ ...c, keeps: c.keeps ?? [], partyType: c.partyType ?? null })),
    exemptions: b.exemptions.map((e) => ({
      list: e.list,
      label: e.label,
      conditions: e.conditions.map(conditionText).join('；'),
      articleId: e.articleId,
      note: e.note ?? null,
    })),
  };
}

/** Tier rows following the RULES.md convention, for a new benchmark. */
export function conventionRows(v: ViolationRule): TierRowValues[] {
  const rows: TierRowValues[] = [];
  for (const tier of ['mitigatedBelowRange', 'lighter', 'standard', 'heavier'] as const) {
    for (const p of v.provisions) {
      if (p.kind !== 'fine') rows.push({ tier, kind: p.kind, method: p.mode === 'required' ? '应当适用' : '可以适用', lo: '', hi: '' });
      else if (tier === 'mitigatedBelowRange') rows.push({ tier, kind: 'fine', method: '法定最低额比例', lo: '0', hi: '100' });
      else rows.push({ tier, kind: 'fine', method: '法定幅度比例', lo: String(conventionShares[tier][0] / 10), hi: String(conventionShares[tier][1] / 10) });
    }
  }
  return rows;
}

/** The rules the values describe, or the problems that prevent it (each with the row it is on). */
export function fromValues(values: BenchmarkValues, v: ViolationRule): { draft: Omit<Draft, 'id'> | null; problems: string[] } {
  const problems: string[] = [];
  const fine = v.provisions.find((p) => p.kind === 'fine');
  const tiers: TierRow[] = (values.tiers ?? []).flatMap((t, i) => {
    const branch = t.branch ? fine?.branches?.find((b) => b.id === t.branch) : undefined;
    const candidates = branch ? [branch] : fine?.branches?.length === 1 ? fine.branches : [];
    const base = candidates.flatMap((b) => [b.min, b.max]).find((x): x is { base: BaseKind; permille: number } => 'base' in x)?.base ?? null;
    const spec = parseSpec(t.method ?? '', (t.lo ?? '').trim(), (t.hi ?? '').trim(), base);
    if (typeof spec === 'string') {
      problems.push(`裁量表第 ${i + 1} 行：${spec}`);
      return [];
    }
    return [{ tier: t.tier as TierRow['tier'], kind: t.kind as TierRow['kind'], branch: t.branch || null, spec, note: t.note || null }];
  });
  const exemptions: ExemptionRule[] = (values.exemptions ?? []).flatMap((e, i) => {
    const parsed = (e.conditions ?? '')
      .split(/[；;]/)
      .map((x) => x.trim())
      .filter(Boolean)
      .map(parseCondition);
    const bad = parsed.filter((x): x is string => typeof x === 'string');
    if (bad.length) {
      problems.push(...bad.map((m) => `免罚清单第 ${i + 1} 项：${m}`));
      return [];
    }
    return [
      {
        list: e.list as ExemptionRule['list'],
        label: e.label,
        conditions: parsed as ExemptionRule['conditions'],
        articleId: e.articleId,
        note: e.note || null,
      },
    ];
  });
  const circumstances = (values.circumstances ?? []).map((c) => ({
    ...c,
    keeps: (c.keeps ?? []) as CircumstanceRule['keeps'],
    partyType: (c.partyType || null) as CircumstanceRule['partyType'],
  }));
  if (problems.length || !values.validFrom || !values.documentTitle || !values.documentNumber) return { draft: null, problems };
  return {
    draft: {
      orgId: values.orgId,
      validFrom: values.validFrom,
      validTo: values.validTo || null,
      documentTitle: values.documentTitle,
      documentNumber: values.documentNumber,
      tiers,
      circumstances: circumstances as Draft['circumstances'],
      exemptions: exemptions as Draft['exemptions'],
    },
    problems,
  };
}
