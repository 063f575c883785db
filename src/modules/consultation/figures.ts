/**
 * The figures of 公开征求意见 (统计指标目录, platform/figures): drafts put out for comment, and the comments received
 * with how each was answered (采纳 / 部分采纳 / 不予采纳 / 未答复). Each comment's record names its draft, so the
 * records behind the number show the count per consultation.
 */
import { defineFigures } from '../../platform/figures/define.ts';

const outcome = { label: '采纳情况', values: { adopted: '采纳', partlyAdopted: '部分采纳', notAdopted: '不予采纳', unanswered: '未答复' } };
const subject = { label: '草案类别', values: { normativeDocument: '行政规范性文件', majorPolicyDecision: '重大行政决策', publicConsultation: '其他草案' } };

export const consultationFigures = defineFigures([
  {
    id: 'consultation.drafts',
    label: '公开征求意见的草案数',
    definition: '期间内公布、向社会公开征求意见的草案件数，以公布日期计；同一草案再次征求意见的另计一件',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { subject },
    sources: [
      { ref: 'rule:重大行政决策程序暂行条例#第十五条', quote: '决策事项向社会公开征求意见的，决策承办单位应当通过政府网站……公布决策草案及其说明等材料' },
      { ref: 'rule:优化营商环境条例#第六十二条', quote: '应当通过报纸、网络等向社会公开征求意见，并建立健全意见采纳情况反馈机制' },
    ],
    facts: `select c.id as ref, c.title, '/consultations/' || c.id as href, c.org_id, c.starts_on as on_date, 1 as value,
                   case when c.subject_type in ('normativeDocument', 'majorPolicyDecision') then c.subject_type else 'publicConsultation' end as subject
              from consultations c`,
  },
  {
    id: 'consultation.comments',
    label: '收到公众意见数',
    definition: '期间内通过门户网站收到的公众意见条数，以提交日期（北京时间）计，按起草单位的答复分为采纳、部分采纳、不予采纳和未答复',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { outcome, subject },
    sources: [{ ref: 'rule:优化营商环境条例#第六十二条', quote: '建立健全意见采纳情况反馈机制' }],
    facts: `select k.id as ref, '意见' || k.number || '（' || c.title || '）' as title, '/consultations/' || c.id as href, c.org_id,
                   (k.submitted_at at time zone 'Asia/Shanghai')::date as on_date, 1 as value, coalesce(a.outcome, 'unanswered') as outcome,
                   case when c.subject_type in ('normativeDocument', 'majorPolicyDecision') then c.subject_type else 'publicConsultation' end as subject
              from consultation_comments k join consultations c on c.id = k.consultation_id left join consultation_answers a on a.id = k.answer_id`,
  },
]);
