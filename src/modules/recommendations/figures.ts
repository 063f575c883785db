/**
 * The figures of recommendations from outside (检察建议、磋商意见、司法建议 …): received, and answered by their deadline,
 * by kind — what the 法治政府建设年度报告 says about 两法衔接 and judicial supervision.
 */
import { recommendationKinds } from '../../domain/disclosure/rules.ts';
import { defineFigures } from '../../platform/figures/define.ts';

const kind = { label: '建议类别', values: recommendationKinds };
const source = {
  ref: 'seed:004',
  quote: '今年我局收到检察院下达的检察建议书1件,磋商意见书2件,法院下达的司法建议书1件,均已按建议要求完成相关监督管理和行政执法工作',
};
const row = `r.id as ref, r.issuer || r.document_number as title, '/recommendations/' || r.id as href, r.body_id as org_id`;

export const recommendationFigures = defineFigures([
  {
    id: 'recommendations.received',
    label: '收到检察建议、司法建议等件数',
    definition: '期间内收到的检察建议书、磋商意见书、司法建议书等件数，以收到日期计，按类别分列',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { kind },
    sources: [source],
    facts: `select ${row}, r.received_on as on_date, 1 as value, r.kind from recommendations r`,
  },
  {
    id: 'recommendations.answered',
    label: '检察建议、司法建议等回复件数',
    definition: '期间内书面回复的检察建议、司法建议等件数，以回复日期计，按类别和是否在期限内回复分列；期限为建议书载明的回复日期，未载明的为收到之日起两个月',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { kind, on_time: { label: '按期回复', values: { yes: '按期', no: '逾期' } } },
    sources: [source],
    facts: `select ${row}, r.answered_on as on_date, 1 as value, r.kind,
                   case when r.answered_on <= coalesce((select max(d.due_date) from matter_deadlines d where d.matter_id = r.id and d.rule_id = 'recommendation.answer'), r.answered_on)
                        then 'yes' else 'no' end as on_time
              from recommendations r where r.answered_on is not null`,
  },
]);
