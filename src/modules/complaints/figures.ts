/**
 * The figures of 投诉举报 (统计指标目录, platform/figures): received and handled (办结) by kind and channel, the
 * acceptance decision's on-time rate (第十四条), mediation success, reports turned into case leads, and the overdue
 * replies the seeds name as the main risk. Each record is one complaint or report; the records behind a number are
 * the matters themselves (no person).
 */
import { defineFigures } from '../../platform/figures/define.ts';

const kind = { label: '类别', values: { complaint: '投诉', report: '举报' } };
const channel = { label: '来源渠道', values: { portal: '门户网站', platform12315: '全国12315平台', phone: '电话', walkIn: '窗口来访', letter: '信件、传真' } };
const row = `c.id as ref, case c.kind when 'complaint' then '投诉：' else '举报：' end || c.respondent_name as title, '/complaints/' || c.id as href, c.org_id`;

export const complaintFigures = defineFigures([
  {
    id: 'complaints.received',
    label: '受理登记投诉举报件数',
    definition: '期间内收到并登记的投诉和举报件数，以收到日期计；同时包含投诉和举报内容的分别计一件（第七条）；按类别和来源渠道分列',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { kind, channel },
    sources: [
      { ref: 'seed:001', quote: '处理消费投诉举报8.08万件,为消费者挽回经济损失约2232.6万元' },
      { ref: 'rule:市场监督管理投诉举报处理暂行办法#第三十四条', quote: '加强对本行政区域投诉举报信息的统计、分析、应用' },
    ],
    facts: `select ${row}, c.received_on as on_date, 1 as value, c.kind, c.channel from complaints c`,
  },
  {
    id: 'complaints.handled',
    label: '办结投诉举报件数',
    definition: '期间内办结的投诉和举报件数，以办结日期计：投诉不予受理、调解成功或者终止调解并告知，举报转为案件线索或者不予处理并告知',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { kind, channel },
    sources: [{ ref: 'seed:000', quote: '举报投诉3238宗,处置率及答复率均为100%' }],
    facts: `select ${row}, c.finished_on as on_date, 1 as value, c.kind, c.channel from complaints c where c.finished_on is not null`,
  },
  {
    id: 'complaints.acceptanceOnTime',
    label: '投诉受理决定按时率',
    definition:
      '受理期限（收到投诉之日起七个工作日）在期间内届满或者在期间内作出决定的投诉中，在期限内作出受理或者不予受理决定的比例；期限已过仍未决定的计为未按时',
    unit: 'percent',
    aggregate: 'share',
    period: 'flow',
    dimensions: { channel },
    sources: [
      { ref: 'rule:市场监督管理投诉举报处理暂行办法#第十四条', quote: '应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定' },
      { ref: 'seed:000', quote: '举报投诉3238宗,处置率及答复率均为100%' },
    ],
    facts: `select ${row}, coalesce(c.decided_on, d.due_date) as on_date,
                   case when c.decided_on is not null and c.decided_on <= d.due_date then 1 else 0 end as value, c.channel
              from matter_deadlines d join complaints c on c.id = d.matter_id
             where d.rule_id = 'complaint.acceptance' and d.status <> 'cancelled' and (c.decided_on is not null or d.due_date < (now() at time zone 'Asia/Shanghai')::date)`,
  },
  {
    id: 'complaints.mediationSuccess',
    label: '投诉调解成功率',
    definition: '期间内调解结束的投诉（达成调解协议或者终止调解）中，达成调解协议的比例，以结束日期计',
    unit: 'percent',
    aggregate: 'share',
    period: 'flow',
    sources: [{ ref: 'rule:市场监督管理投诉举报处理暂行办法#第二十二条', quote: '经现场调解达成调解协议的，市场监督管理部门应当制作调解书' }],
    facts: `select ${row}, coalesce((c.agreement->>'reachedOn')::date, c.terminated_on) as on_date, case when c.state = 'resolved' then 1 else 0 end as value
              from complaints c where c.kind = 'complaint' and c.state in ('resolved', 'terminated', 'closed')`,
  },
  {
    id: 'complaints.reportsToCases',
    label: '举报转为案件线索件数',
    definition: '期间内转为案件线索（进入立案审查）的举报件数，以转线索日期计；含调解投诉中发现并转为线索的（第二十三条），按来源分列',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { kind },
    sources: [{ ref: 'rule:市场监督管理投诉举报处理暂行办法#第三十一条', quote: '市场监督管理部门应当按照市场监督管理行政处罚等有关规定处理举报' }],
    facts: `select ${row}, case when c.kind = 'report' then c.decided_on else (c.lead->>'verifiedOn')::date end as on_date, 1 as value, c.kind
              from complaints c where c.case_id is not null`,
  },
  {
    id: 'complaints.overdue',
    label: '逾期未答复的投诉举报件数',
    definition: '受理决定、终止调解告知或者线索核查的期限在期间最后一日之前已经届满、至今仍未办理的投诉举报件数（逾期未答复的风险；已逾期后办理的不再计入）',
    unit: 'items',
    aggregate: 'count',
    period: 'stock',
    dimensions: { kind },
    sources: [{ ref: 'seed:001', quote: '对部分举报案件处理不及时,导致超期答复或超期未答复举报人' }],
    facts: `select ${row}, d.due_date + 1 as on_date, null::date as until, 1 as value, c.kind
              from matter_deadlines d join complaints c on c.id = d.matter_id
             where d.status = 'open' and d.rule_id in ('complaint.acceptance', 'complaint.terminationNotice', 'complaint.leadVerification', 'lead.verification')`,
  },
]);
