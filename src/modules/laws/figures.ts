/** The figures of the 法律法规数据库 (统计指标目录, platform/figures): the legal sources in force by level. */
import { lawLevelLabels } from '../../domain/lawMetadata.ts';
import { defineFigures } from '../../platform/figures/define.ts';

export const lawFigures = defineFigures([
  {
    id: 'laws.sources',
    label: '法律法规数据库收录现行有效的法律规范数',
    definition: '期间最后一日现行有效（已施行、未废止）的法律规范件数，按效力级别分列；法律法规数据库为全平台共用，各统计范围同计',
    unit: 'items',
    aggregate: 'count',
    period: 'stock',
    dimensions: { level: { label: '效力级别', values: lawLevelLabels } },
    sources: [{ ref: 'seed:004', quote: '梳理法律法规651部（法律111部、行政法规154部、部门规章226部……）' }],
    facts: `select s.id as ref, s.title, '/laws/sources/' || s.id as href, null::text as org_id, min(coalesce(v.effective_on, v.version_date)) as on_date,
                   (array_agg(v.repealed_on order by v.version_date desc))[1] - 1 as until, 1 as value, s.level
              from legal_sources s join law_versions v on v.source_id = s.id group by s.id, s.title, s.level`,
  },
]);
