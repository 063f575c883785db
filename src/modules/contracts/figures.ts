/**
 * The figures of 合同合法性审查 and 立法征询 (统计指标目录, platform/figures): contracts reviewed by outcome, contracts
 * signed, and the replies to higher bodies' requests for comments on draft laws and rules.
 */
import { contractCategories } from '../../domain/legality/contracts.ts';
import { reviewOpinionLabels } from '../../domain/legality/rules.ts';
import { defineFigures } from '../../platform/figures/define.ts';

export const contractFigures = defineFigures([
  {
    id: 'contracts.reviewed',
    label: '合同合法性审查件数',
    definition:
      '期间内出具合法性审查意见的合同件数，按审查意见（合法、修改后合法、不合法）和合同类别分列，以出具意见日期计；同一合同修改后再次送审的，每次审查各计一件',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { opinion: { label: '审查意见', values: reviewOpinionLabels }, category: { label: '合同类别', values: contractCategories } },
    sources: [{ ref: 'seed:000', quote: '成立政府合同合法性审查小组,在2017年完成合同审查101份' }],
    facts: `select r.id as ref, c.title as title, '/contracts/' || c.id as href, c.unit_id as org_id, r.concluded_on as on_date, 1 as value, r.opinion, c.category
              from legality_reviews r join contracts c on c.id = r.subject_id
             where r.subject_type = 'contractReview' and r.concluded_on is not null`,
  },
  {
    id: 'contracts.signed',
    label: '经合法性审查签订的合同件数',
    definition: '期间内签订的合同件数（签订前均经合法性审查），按合同类别分列，以签订日期计',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { category: { label: '合同类别', values: contractCategories } },
    sources: [{ ref: 'seed:000', quote: '制定了《广州市质量技术监督局政府合同管理规定》' }],
    facts: `select c.id as ref, c.title as title, '/contracts/' || c.id as href, c.unit_id as org_id, c.signed_on as on_date, 1 as value, c.category
              from contracts c where c.signed_on is not null`,
  },
  {
    id: 'contracts.legislativeReplies',
    label: '立法征询答复件数',
    definition: '期间内答复上级机关就法律、法规、规章草案征求意见的件数，以答复日期计；按是否在征求意见机关要求的日期内答复分列',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { on_time: { label: '按时答复', values: { yes: '按时', no: '逾期', none: '未要求答复日期' } } },
    sources: [{ ref: 'seed:000', quote: '对《广东省气瓶安全条例(草案)》等99件法律、法规、规章和规范性文件的制、修订提出修改意见' }],
    facts: `select l.id as ref, l.requester || '：' || l.draft_title as title, '/legislative-consultations/' || l.id as href, l.body_id as org_id, l.replied_on as on_date,
                   1 as value, case when l.due_on is null then 'none' when l.replied_on <= l.due_on then 'yes' else 'no' end as on_time
              from legislative_consultations l where l.replied_on is not null`,
  },
]);
