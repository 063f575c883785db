/** The figures of 双随机、一公开 (统计指标目录, platform/figures): tasks, entities inspected, problems found. */
import { enforcementFields } from '../../domain/certifiedDuty.ts';
import { defineFigures } from '../../platform/figures/define.ts';
import { findingLabels, problemFindings } from './vocabulary.ts';

const problems = problemFindings.map((f) => `'${f}'`).join(', ');
const result = `select r.id as ref, t.name || '：' || g.name as title, '/inspections/tasks/' || t.id as href, t.body_id as org_id, r.inspected_on as on_date`;
const results = `from inspection_results r join inspection_tasks t on t.id = r.task_id join inspection_targets g on g.id = r.target_id`;

export const inspectionFigures = defineFigures([
  {
    id: 'inspections.tasks',
    label: '双随机抽查任务数',
    definition: '期间内开始检查的“双随机、一公开”抽查任务数，以任务检查期间的起始日期计（含部门联合抽查）',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { field: { label: '执法领域', values: enforcementFields }, joint: { label: '联合抽查', values: { yes: '部门联合', no: '本部门' } } },
    sources: [{ ref: 'seed:002', quote: '开展双随机抽查……10次' }],
    facts: `select t.id as ref, t.name as title, '/inspections/tasks/' || t.id as href, t.body_id as org_id, t.period_start as on_date, 1 as value, t.field,
                   case when t.joint_org_ids <> '[]' then 'yes' else 'no' end as joint
              from inspection_tasks t`,
  },
  {
    id: 'inspections.inspected',
    label: '抽查检查市场主体户次',
    definition: '期间内录入检查结果的抽查对象户次，以检查日期计，按检查结果分列',
    unit: 'times',
    aggregate: 'count',
    period: 'flow',
    dimensions: { finding: { label: '检查结果', values: findingLabels } },
    sources: [
      { ref: 'seed:001', quote: '检查单位347家' },
      { ref: 'seed:002', quote: '检查企业67家' },
    ],
    facts: `${result}, 1 as value, r.finding ${results}`,
  },
  {
    id: 'inspections.problemRate',
    label: '抽查问题发现率',
    definition: '期间内录入检查结果的抽查对象中，检查结果为发现问题（含责令整改）的比例',
    unit: 'percent',
    aggregate: 'share',
    period: 'flow',
    sources: [{ ref: 'seed:001', quote: '检查单位347家，发现问题81家' }],
    facts: `${result}, case when r.finding in (${problems}) then 1 else 0 end as value ${results}`,
  },
]);
