/**
 * The figures of 公平竞争审查 (统计指标目录, platform/figures): the documents reviewed by conclusion, and the joint
 * reviews (会审) — seed 001: "开展公平竞争审查书面会审20余次，自查政府采购领域相关文件440份".
 */
import { defineFigures } from '../../platform/figures/define.ts';

const conclusion = { label: '审查结论', values: { mayIssue: '可以出台', mustAmend: '应当修改后出台', mayNotIssue: '不得出台' } };
const exception = { label: '适用第十二条', values: { yes: '适用', no: '不适用' } };
const joint = { label: '会审', values: { yes: '会审', no: '起草单位自查' } };

export const fairCompetitionFigures = defineFigures([
  {
    id: 'fairCompetition.reviewed',
    label: '公平竞争审查文件数',
    definition: '期间内作出审查结论的政策措施（文件）件数，以结论日期计，按结论、是否适用第十二条、是否会审分列；修改后重新审查的以最后结论计一件',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { conclusion, exception, joint },
    sources: [
      { ref: 'seed:001', quote: '自查政府采购领域相关文件440份' },
      { ref: 'rule:公平竞争审查条例#第十八条', quote: '政策措施未经公平竞争审查……的，不得出台' },
    ],
    facts: `select r.id as ref, r.title, '/fair-competition/' || r.id as href, r.org_id, r.concluded_on as on_date, 1 as value, r.conclusion,
                   case when jsonb_array_length(coalesce(r.exceptions, '[]'::jsonb)) > 0 then 'yes' else 'no' end as exception,
                   case when r.joint then 'yes' else 'no' end as joint
              from fair_competition_reviews r where r.concluded_on is not null`,
  },
  {
    id: 'fairCompetition.jointReviews',
    label: '公平竞争审查会审次数',
    definition: '期间内作出结论的会审（由本局组织、有关单位逐一提出意见的公平竞争审查）次数，以结论日期计',
    unit: 'times',
    aggregate: 'count',
    period: 'flow',
    dimensions: { conclusion },
    sources: [{ ref: 'seed:001', quote: '开展公平竞争审查书面会审20余次' }],
    facts: `select r.id as ref, r.title, '/fair-competition/' || r.id as href, r.org_id, r.concluded_on as on_date, 1 as value, r.conclusion
              from fair_competition_reviews r where r.joint and r.concluded_on is not null`,
  },
]);
