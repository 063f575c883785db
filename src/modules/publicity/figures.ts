/**
 * The figures of 行政执法公示 (统计指标目录, platform/figures): what was published, whether on time, and what went to
 * the credit platform (双公示).
 */
import { defineFigures } from '../../platform/figures/define.ts';

const kind = { label: '公示类别', values: { penalty: '行政处罚', licence: '行政许可', inspectionResult: '抽查检查结果', reconsideration: '行政复议' } };

export const publicityFigures = defineFigures([
  {
    id: 'publicity.published',
    label: '公示信息数',
    definition: '期间内首次公示的行政执法信息条数（行政处罚决定、抽查检查结果等分列），以首次公示日期计；更正不重复计算',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { kind },
    sources: [{ ref: 'seed:004', quote: '行政处罚决定除经批准不予公示的外全部公示' }],
    facts: `select p.id as ref, p.number || '（' || p.party_name || '）' as title, '/publicity/' || p.id as href, p.body_id as org_id, p.published_on as on_date, 1 as value, p.kind
              from publications p where p.published_on is not null`,
  },
  {
    id: 'publicity.onTimeRate',
    label: '行政处罚信息按时公示率',
    definition: '公示期限在期间内届满的行政处罚决定中，在期限内（作出决定之日起二十个工作日内）公示的比例；经批准不予公示的不计入',
    unit: 'percent',
    aggregate: 'share',
    period: 'flow',
    sources: [
      { ref: 'rule:市场监督管理行政处罚信息公示规定#第九条', quote: '应当自作出行政处罚决定之日起二十个工作日内……进行公示' },
      { ref: 'seed:004', quote: '行政处罚决定除经批准不予公示的外全部公示' },
    ],
    facts: `select p.id as ref, p.number || '（' || p.party_name || '）' as title, '/publicity/' || p.id as href, p.body_id as org_id, d.due_date as on_date,
                   case when p.published_on is not null and p.published_on <= d.due_date then 1 else 0 end as value
              from matter_deadlines d join publications p on p.id = d.matter_id
             where d.rule_id = 'publicity.penalty' and d.status <> 'cancelled'`,
  },
  {
    id: 'publicity.creditRecords',
    label: '双公示报送条数',
    definition: '期间内报送信用平台（双公示）的行政处罚信息条数，以导出日期计；同一信息的更正、撤回另计一条',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { action: { label: '报送类型', values: { publish: '公示', withdraw: '撤回' } } },
    sources: [
      { ref: 'seed:000', quote: '“双公示”信息786条' },
      { ref: 'seed:002', quote: '上传“双公示”信息355条' },
    ],
    facts: `select i.export_id || ':' || i.publication_id || ':' || i.version || ':' || i.action as ref, p.number || '（' || p.party_name || '）' as title,
                   '/publicity/' || p.id as href, e.body_id as org_id, (e.created_at at time zone 'Asia/Shanghai')::date as on_date, 1 as value, i.action
              from credit_export_items i join credit_exports e on e.id = i.export_id join publications p on p.id = i.publication_id`,
  },
]);
