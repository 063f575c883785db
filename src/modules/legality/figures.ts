/**
 * The figures of 合法性审查 (统计指标目录, platform/figures): reviews concluded by kind and opinion, and the legal opinions
 * of 法律顾问 and 公职律师 given in them.
 */
import { reviewKindLabels, reviewOpinionLabels } from '../../domain/legality/rules.ts';
import { defineFigures } from '../../platform/figures/define.ts';

export const legalityFigures = defineFigures([
  {
    id: 'legality.reviewsConcluded',
    label: '合法性审查件数',
    definition:
      '期间内出具合法性审查意见的件数（规范性文件、重大行政决策、合同分列，按审查意见合法、修改后合法、不合法分列），以出具意见日期计；同一事项多次送审的，每次审查各计一件',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { kind: { label: '审查类别', values: reviewKindLabels }, opinion: { label: '审查意见', values: reviewOpinionLabels } },
    sources: [
      { ref: 'rule:重大行政决策程序暂行条例#第二十五条', quote: '决策草案提交决策机关讨论前，应当由负责合法性审查的部门进行合法性审查' },
      { ref: 'seed:000', quote: '成立政府合同合法性审查小组,在2017年完成合同审查101份' },
    ],
    facts: `select r.id as ref, r.title as title, '/legality/reviews/' || r.id as href, r.body_id as org_id, r.concluded_on as on_date, 1 as value, r.kind, r.opinion
              from legality_reviews r where r.concluded_on is not null`,
  },
  {
    id: 'legality.adviserOpinions',
    label: '法律顾问、公职律师提出法律意见次数',
    definition: '期间内法律顾问、公职律师在合法性审查中提出法律意见的次数，以提出意见日期计（法律顾问、公职律师分列）',
    unit: 'times',
    aggregate: 'count',
    period: 'flow',
    dimensions: { adviser_kind: { label: '类别', values: { adviser: '法律顾问', publicLawyer: '公职律师' } } },
    sources: [
      { ref: 'rule:重大行政决策程序暂行条例#第二十八条', quote: '在合法性审查过程中，应当组织法律顾问、公职律师提出法律意见' },
      { ref: 'seed:002', quote: '充分发挥局常年法律顾问机制作用，提升局依法行政的能力和质量，为科学决策等提供法律保障' },
    ],
    facts: `select c.id as ref, a.name || '：' || r.title as title, '/legality/reviews/' || r.id as href, r.body_id as org_id, c.given_on as on_date, 1 as value,
                   a.kind as adviser_kind
              from legality_consultations c join legality_reviews r on r.id = c.review_id join legal_advisers a on a.id = c.adviser_id`,
  },
]);
