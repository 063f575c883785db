/**
 * The figures of 政府信息公开 on request (统计指标目录, platform/figures): what the annual 政府信息公开工作年度报告 must
 * contain under 政府信息公开条例 第五十条第（二）项 — requests received by applicant kind, answers by type, requests
 * carried over, answers on time. 第（一）项, the information the body published proactively, is not counted again here:
 * it is the publicity module's `publicity.published` (行政执法公示) — `annualReportFigureIds` lists the figures the
 * report reads, in its order, so a report (or a figure set) takes them together. 第（三）项 (复议、诉讼 against an
 * answer) is counted by the remedies module, which takes any matter type as a remedy's subject.
 */
import { answerTypeLabels, answerTypes, applicantKinds, disclosureChannels, reportCategories } from '../../domain/disclosure/rules.ts';
import { defineFigures } from '../../platform/figures/define.ts';

const applicant = { label: '申请人类型', values: applicantKinds };
const row = `d.id as ref, m.title as title, '/disclosure/' || d.id as href, d.body_id as org_id`;
const from = 'from disclosure_requests d join matters m on m.id = d.id';
/** The answer type's 办理结果 column (reportCategories), as SQL over the stored answer type; the ids are our own literals. */
const categoryOf = (col: string) =>
  `case ${col} ${Object.entries(answerTypes)
    .map(([id, t]) => `when '${id}' then '${t.reportCategory}'`)
    .join(' ')} end`;
const report = { ref: 'rule:政府信息公开条例#第五十条', quote: '(二)行政机关收到和处理政府信息公开申请的情况' };

export const disclosureFigures = defineFigures([
  {
    id: 'disclosure.received',
    label: '收到政府信息公开申请数',
    definition: '期间内收到的政府信息公开申请件数，以收到申请之日（第三十一条）计，按申请人类型（自然人、法人或者其他组织）和申请方式分列',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { applicant, channel: { label: '申请方式', values: disclosureChannels } },
    sources: [{ ref: 'seed:000', quote: '妥善处理依申请公开13宗' }, report],
    facts: `select ${row}, d.received_on as on_date, 1 as value, d.applicant_kind as applicant, d.channel ${from}`,
  },
  {
    id: 'disclosure.answered',
    label: '政府信息公开申请办理结果',
    definition: '期间内作出答复的政府信息公开申请件数，以答复日期计，按答复类型（第三十六条各项、第三十七条部分公开、第三十条逾期未补正等）和申请人类型分列',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: {
      answer: { label: '答复类型', values: answerTypeLabels },
      category: { label: '办理结果（年度报告口径）', values: reportCategories },
      applicant,
    },
    sources: [{ ref: 'seed:000', quote: '妥善处理依申请公开13宗' }, report],
    facts: `select ${row}, d.answered_on as on_date, 1 as value, d.answer_type as answer, ${categoryOf('d.answer_type')} as category, d.applicant_kind as applicant
              ${from} where d.answered_on is not null`,
  },
  {
    id: 'disclosure.carriedOver',
    label: '结转继续办理的政府信息公开申请数',
    definition: '期末已收到、尚未答复的政府信息公开申请件数（年度报告的“结转下年度继续办理”）；期末当日答复的不计入',
    unit: 'items',
    aggregate: 'count',
    period: 'stock',
    dimensions: { applicant },
    sources: [report],
    facts: `select ${row}, d.received_on as on_date, (d.answered_on - 1) as until, 1 as value, d.applicant_kind as applicant ${from}`,
  },
  {
    id: 'disclosure.answeredOnTime',
    label: '政府信息公开申请按期答复率',
    definition:
      '期间内作出答复的申请中，在答复期限内答复的比例；答复期限为收到申请（或补正的申请）之日起20个工作日，经批准延长的加20个工作日，征求第三方意见的时间不计入（第三十三条）',
    unit: 'percent',
    aggregate: 'share',
    period: 'flow',
    sources: [{ ref: 'rule:政府信息公开条例#第三十三条', quote: '应当自收到申请之日起20个工作日内予以答复' }],
    facts: `select ${row}, d.answered_on as on_date,
                   case when exists (select 1 from matter_deadlines x where x.matter_id = d.id and x.rule_id = 'disclosure.answer' and x.status = 'met' and x.due_date >= d.answered_on)
                        or not exists (select 1 from matter_deadlines x where x.matter_id = d.id and x.rule_id = 'disclosure.answer' and x.status = 'met')
                        then 1 else 0 end as value
              ${from} where d.answered_on is not null`,
  },
]);

/** The figures the annual 政府信息公开工作年度报告 reads (第五十条第（一）项 proactive publication, then 第（二）项). */
export const annualReportFigureIds = [
  'publicity.published',
  'disclosure.received',
  'disclosure.answered',
  'disclosure.carriedOver',
  'disclosure.answeredOnTime',
] as const;
