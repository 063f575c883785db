/** The figures of the 权责清单 (统计指标目录, platform/figures): the items in force by category. */
import { powerCategories } from '../../domain/powers.ts';
import { defineFigures } from '../../platform/figures/define.ts';

export const powerFigures = defineFigures([
  {
    id: 'powers.items',
    label: '权责清单事项数',
    definition: '期间最后一日有效的权责清单事项数（子项不单独计算），按行政职权类别分列',
    unit: 'items',
    aggregate: 'count',
    period: 'stock',
    dimensions: { category: { label: '职权类别', values: Object.fromEntries(Object.entries(powerCategories).map(([k, v]) => [k, v.label])) } },
    sources: [
      { ref: 'seed:000', quote: '权责清单事项由381项调整为400项，涉及10个类别' },
      { ref: 'seed:002', quote: '行政许可20项、行政处罚24项、行政征收1项、行政检查7项、其他6项' },
      { ref: 'seed:004', quote: '梳理权责事项861项' },
    ],
    facts: `select i.id as ref, i.code || ' ' || v.name as title, '/powers/' || i.id as href, i.body_id as org_id, v.valid_from as on_date,
                   (v.valid_to - 1) as until, 1 as value, v.category
              from power_items i join power_item_versions v on v.item_id = i.id where i.parent_id is null and not v.removed`,
  },
]);
