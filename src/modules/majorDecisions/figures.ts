/** The figures of 重大行政决策 (统计指标目录, platform/figures): decisions started and made, catalogue items. */
import { decisionCategories, decisionStateLabels } from '../../domain/majorDecisions/rules.ts';
import { defineFigures } from '../../platform/figures/define.ts';

const initiatedOn = `(select (e.payload::jsonb ->> 'initiatedOn')::date from ledger_entries e
   where e.matter_type = 'majorPolicyDecision' and e.matter_id = d.id and e.event_type = 'majorDecision.initiated' limit 1)`;

export const majorDecisionFigures = defineFigures([
  {
    id: 'majorDecisions.started',
    label: '启动的重大行政决策',
    definition: '期间内从决策事项目录启动决策程序的重大行政决策数，以启动日期计，按当前所处环节分列',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { stage: { label: '所处环节', values: decisionStateLabels } },
    sources: [{ ref: 'seed:000', quote: '按程序推进部门重大行政决策事项目录试点工作' }],
    facts: `select d.id as ref, d.title as title, '/major-decisions/' || d.id as href, d.unit_id as org_id, ${initiatedOn} as on_date, 1 as value, m.state as stage
              from major_decisions d join matters m on m.id = d.id`,
  },
  {
    id: 'majorDecisions.decided',
    label: '集体讨论决定的重大行政决策',
    definition: '期间内经决策机关会议集体讨论决定的重大行政决策数，以会议日期计，按决定结果（通过、不予通过）分列',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { outcome: { label: '决定结果', values: { adopted: '通过', notAdopted: '不予通过' } } },
    sources: [{ ref: 'seed:002', quote: '2019年我局共起草制定了5份行政规范性文件、1份部门重大行政决策' }],
    facts: `select d.id as ref, d.title as title, '/major-decisions/' || d.id as href, d.unit_id as org_id, (d.discussion ->> 'heldOn')::date as on_date, 1 as value,
                   case when (d.discussion ->> 'adopted')::boolean then 'adopted' else 'notAdopted' end as outcome
              from major_decisions d where d.discussion is not null`,
  },
  {
    id: 'majorDecisions.catalogueItems',
    label: '决策事项目录中的事项',
    definition:
      '期间内向社会公布的重大行政决策事项目录所列事项数（含公布后调整增加的），以目录公布日期计，按事项类别、在列或者调整移出、是否已启动决策程序分列',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: {
      category: { label: '事项类别', values: decisionCategories },
      status: { label: '目录状态', values: { listed: '在列', removed: '调整移出' } },
      started: { label: '决策程序', values: { yes: '已启动', no: '未启动' } },
    },
    sources: [{ ref: 'seed:000', quote: '按程序推进部门重大行政决策事项目录试点工作' }],
    facts: `select i.id as ref, c.title || '：' || i.title as title, '/major-decisions/catalogues/' || c.id as href, c.body_id as org_id, c.published_on as on_date, 1 as value,
                   i.category, i.status, case when exists (select 1 from major_decisions d where d.catalogue_item_id = i.id) then 'yes' else 'no' end as started
              from decision_catalogue_items i join decision_catalogues c on c.id = i.catalogue_id where c.published_on is not null`,
  },
]);
