/**
 * The sample catalogue as calculator rules for one adopting org, without a database: used by the
 * golden tests (and the same data the demo seed writes through the commands).
 */
import type { BenchmarkRule, ThresholdRule, ViolationRule } from '../../domain/discretion/model.ts';
import { revisedSp001, sampleBenchmarkDocument, sampleThresholds, sampleValidTo, sampleViolations } from './samples.ts';

export interface SampleRules {
  violations: ViolationRule[];
  benchmarks: BenchmarkRule[];
  thresholds: ThresholdRule[];
}

export function sampleRules(orgId: string): SampleRules {
  const violations: ViolationRule[] = sampleViolations.map(({ benchmark: _b, ...v }) => ({ ...v, id: v.code }));
  const benchmarks: BenchmarkRule[] = sampleViolations.map((v) => ({
    id: `${v.code}@${sampleBenchmarkDocument.validFrom}`,
    violationId: v.code,
    orgId,
    ...sampleBenchmarkDocument,
    validTo: sampleValidTo(v.code),
    ...v.benchmark,
  }));
  const sp001 = sampleViolations.find((v) => v.code === 'SP-001')!;
  const revised = revisedSp001(sp001);
  benchmarks.push({ id: `SP-001@${revised.validFrom}`, violationId: 'SP-001', orgId, ...revised });
  const thresholds: ThresholdRule[] = sampleThresholds.map((t, i) => ({ ...t, id: `threshold-${i}`, orgId }));
  return { violations, benchmarks, thresholds };
}
