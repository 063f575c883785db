/** The figures of the 文书 register (统计指标目录, platform/figures): instruments issued, by kind. */
import { matterPages } from '../../domain/vocabulary.ts';
import { instrumentTemplates } from '../../platform/documents/templates/index.ts';
import { defineFigures } from '../../platform/figures/define.ts';

/** The console page of the matter an instrument belongs to (SQL, from `matterPages`). */
const matterHref = `case i.matter_type ${Object.entries(matterPages)
  .map(([type, page]) => `when '${type}' then '${page}/' || i.matter_id`)
  .join(' ')} end`;

export const instrumentFigures = defineFigures([
  {
    id: 'instruments.issued',
    label: '制发执法文书数',
    definition: '期间内编号制发的执法文书份数（以成文日期计），按文书种类分列；预览样稿不计',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { kind: { label: '文书种类', values: Object.fromEntries(instrumentTemplates.map((t) => [t.kind, t.title])) } },
    sources: [{ ref: 'seed:002', quote: '下达《责令改正通知书》9份' }],
    facts: `select i.id as ref, i.number || ' ' || i.title as title, ${matterHref} as href, i.org_id, i.issued_on as on_date, 1 as value, i.kind from instruments i`,
  },
]);
