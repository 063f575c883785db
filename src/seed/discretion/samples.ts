/**
 * The sample catalogue: 38 common market-supervision violations built from the articles in
 * laws/, each with the demo district bureau's benchmark, plus a revised benchmark for
 * SP-001 that shows 从旧兼从轻, and the bureau's own 较大数额 thresholds. Pure data.
 */
import type { BenchmarkRule, ThresholdRule } from '../../domain/discretion/model.ts';
import { advertisingViolations } from './advertising.ts';
import { V, art, conventionTiers, row, wan, type SampleViolation } from './build.ts';
import { equipmentDrugViolations } from './equipmentDrugs.ts';
import { foodViolations } from './food.ts';
import { marketViolations } from './market.ts';
import { productViolations } from './products.ts';

export const sampleViolations: SampleViolation[] = [
  ...foodViolations,
  ...productViolations,
  ...advertisingViolations,
  ...marketViolations,
  ...equipmentDrugViolations,
];

/** The benchmark document every sample benchmark belongs to. */
export const sampleBenchmarkDocument = {
  documentTitle: '示例区市场监督管理局行政处罚裁量权基准（2024年版）',
  documentNumber: '示市监法〔2023〕12号',
  validFrom: '2024-01-01',
};

/**
 * A 2026 revision of the SP-001 benchmark: 从轻 narrowed to the lower 20 %, 一般 20–60 %, 从重 80–100 %.
 * A case that happened in 2025 and is decided in 2026 gets the new 从轻 (lighter: 从旧兼从轻) but keeps
 * the old 从重 (the new one is harsher).
 */
export const revisedDocument = {
  documentTitle: '示例区市场监督管理局食品安全行政处罚裁量权基准（2026年修订）',
  documentNumber: '示市监法〔2025〕31号',
  validFrom: '2026-01-01',
};
export function revisedSp001(sp001: SampleViolation): Omit<BenchmarkRule, 'id' | 'violationId' | 'orgId'> {
  return {
    ...revisedDocument,
    validTo: null,
    tiers: conventionTiers(sp001.provisions, [
      row('lighter', 'fine', { kind: 'share', fromPermille: 0, toPermille: 200 }, null, '法定幅度下限起 20% 以内'),
      row('standard', 'fine', { kind: 'share', fromPermille: 200, toPermille: 600 }),
      row('heavier', 'fine', { kind: 'share', fromPermille: 800, toPermille: 1000 }),
    ]),
    circumstances: sp001.benchmark.circumstances,
    exemptions: sp001.benchmark.exemptions,
  };
}
/** The 2024 SP-001 benchmark ends when the revision starts. */
export const sampleValidTo = (code: string): string | null => (code === 'SP-001' ? '2025-12-31' : null);

/**
 * The district bureau's own 较大数额 (a provincial rule adopted by the bureau): 公民 5,000 元 /
 * 法人或者其他组织 50,000 元 from 2026 — lower than the default, so the per-org override is visible.
 */
export const sampleThresholds: Omit<ThresholdRule, 'id' | 'orgId'>[] = [
  {
    kind: 'hearing',
    validFrom: '2026-01-01',
    validTo: null,
    naturalPersonFen: wan(0.5),
    organisationFen: wan(5),
    articleId: art(V.penalty, '第六十三条'),
    documentNumber: '示市监法〔2025〕30号',
    note: '示例区市场监督管理局关于较大数额罚款和没收违法所得、没收非法财物较大价值标准的规定',
  },
];
