/** The figures of 执法人员 (统计指标目录, platform/figures): officers holding a valid certificate, exams passed. */
import { defineFigures } from '../../platform/figures/define.ts';

export const officerFigures = defineFigures([
  {
    id: 'officers.certified',
    label: '持有效行政执法证的执法人员数',
    definition: '期间最后一日在职、持有效（未暂扣、未注销且在有效期内）行政执法证的执法人员数',
    unit: 'people',
    aggregate: 'count',
    period: 'stock',
    sources: [{ ref: 'seed:004', quote: '持证执法人员176人' }],
    // one fact per certificate in force, ending where the officer's next certificate begins (a renewal is not a second officer)
    facts: `select c.id as ref, o.name || '（' || c.number || '）' as title, '/officers/' || o.id as href, o.org_id, c.valid_from as on_date,
                   least(c.valid_to, (select min(n.valid_from) - 1 from certificates n where n.officer_id = c.officer_id and n.status = 'valid' and n.valid_from > c.valid_from)) as until,
                   1 as value
              from certificates c join officers o on o.id = c.officer_id where o.active and c.status = 'valid'`,
  },
  {
    id: 'officers.examsPassed',
    label: '执法资格考试通过人数',
    definition: '期间内参加考试并通过的执法人员人次，以考试日期计',
    unit: 'people',
    aggregate: 'count',
    period: 'flow',
    sources: [{ ref: 'seed:004', quote: '50人通过执法资格考试' }],
    facts: `select t.id as ref, o.name || '：' || t.title as title, '/officers/' || o.id as href, o.org_id, t.held_on as on_date, 1 as value
              from trainings t join officers o on o.id = t.officer_id where t.kind = 'exam' and t.passed`,
  },
]);
