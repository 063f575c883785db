/** The figures of the 裁量基准 (统计指标目录, platform/figures): the quantified clauses in force. */
import { defineFigures } from '../../platform/figures/define.ts';

export const discretionFigures = defineFigures([
  {
    id: 'discretion.clauses',
    label: '量化裁量基准条目数',
    definition: '期间最后一日有效的裁量基准中，量化的裁量阶次条目（违法行为 × 裁量阶次 × 处罚种类）数',
    unit: 'items',
    aggregate: 'sum',
    period: 'stock',
    sources: [{ ref: 'seed:000', quote: '细化量化行政处罚裁量基准397项' }],
    facts: `select b.id as ref, v.code || ' ' || v.name || '（' || b.document_number || '）' as title, '/discretion/violations/' || v.id as href, b.org_id,
                   b.valid_from as on_date, b.valid_to as until, jsonb_array_length(b.tiers) as value
              from discretion_benchmarks b join violations v on v.id = b.violation_id`,
  },
]);
