/**
 * The figures the case records make (统计指标目录, platform/figures): what the 法治政府建设年度报告 and the yearly
 * enforcement data quote about 行政处罚 — cases filed and decided by field, procedure and outcome, the amounts
 * decided and paid, hearings, legal reviews, collective discussions, referrals, 复议 and 诉讼 by outcome.
 */
import { enforcementFields } from '../../domain/certifiedDuty.ts';
import { challengeKinds, challengeOutcomes } from '../../domain/cases/execution.ts';
import { decisionOutcomes } from '../../domain/cases/decide.ts';
import { caseSources } from '../../domain/cases/rules.ts';
import { defineFigures } from '../../platform/figures/define.ts';

const labels = <T extends Record<string, unknown>>(o: T, f: (v: T[keyof T]) => string = (v) => v as string) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as T[keyof T])]));

const field = { label: '执法领域', values: enforcementFields };
const procedure = { label: '程序', values: { ordinary: '普通程序', summary: '简易程序' } };
const outcome = { label: '决定结果', values: decisionOutcomes };

/** A case as a fact: its 立案编号 (else its title), its page, its unit. */
const caseRow = `c.id as ref, coalesce(c.case_number, m.title) as title, '/cases/' || c.id as href, m.org_id`;
const decided = `from cases c join matters m on m.id = c.id where c.decision->>'decidedOn' is not null`;
/** One fact per penalty line, of the given kinds, of a decision to give a penalty: its amount (分). */
const penaltyLines = (kinds: string[]) =>
  `select ${caseRow}, (c.decision->>'decidedOn')::date as on_date, coalesce((l->>'amountFen')::bigint, 0) as value, c.field
     from cases c join matters m on m.id = c.id cross join lateral jsonb_array_elements(c.decision->'penalties') l
    where c.decision->>'decidedOn' is not null and c.decision->>'outcome' = 'penalty' and l->>'kind' in (${kinds.map((k) => `'${k}'`).join(', ')})`;

const seed004Decisions = { ref: 'seed:004', quote: '全年共作出行政处罚决定451件，其中食品162件、药品99件、特种设备7件、产品质量28件……' };

export const caseFigures = defineFigures([
  {
    id: 'cases.filed',
    label: '行政处罚立案数',
    definition: '期间内立案的行政处罚案件数，以立案日期计；简易程序（当场处罚）不立案，不计入',
    unit: 'cases',
    aggregate: 'count',
    period: 'flow',
    dimensions: { field, procedure },
    sources: [{ ref: 'seed:001', quote: '特种设备……立案13件' }],
    facts: `select ${caseRow}, c.filed_on as on_date, 1 as value, c.field, c.procedure from cases c join matters m on m.id = c.id where c.filed_on is not null`,
  },
  {
    id: 'cases.decided',
    label: '行政处罚决定数',
    definition: '期间内作出处理决定的行政处罚案件数（给予、不予、免予行政处罚分列），以决定日期计，含简易程序当场处罚',
    unit: 'cases',
    aggregate: 'count',
    period: 'flow',
    dimensions: { field, procedure, outcome },
    sources: [seed004Decisions, { ref: 'seed:004', quote: '免予处罚5件，不予处罚13件' }, { ref: 'seed:001', quote: '全年查办各类案件716件' }],
    facts: `select ${caseRow}, (c.decision->>'decidedOn')::date as on_date, 1 as value, c.field, c.procedure, c.decision->>'outcome' as outcome ${decided}`,
  },
  {
    id: 'cases.fines',
    label: '罚款金额（决定）',
    definition: '期间内作出的给予行政处罚决定中罚款的合计金额，以决定日期计',
    unit: 'fen',
    aggregate: 'sum',
    period: 'flow',
    dimensions: { field },
    sources: [{ ref: 'seed:001', quote: '广告类案件22件，罚没款265.50万元' }],
    facts: penaltyLines(['fine']),
  },
  {
    id: 'cases.confiscatedGains',
    label: '没收违法所得金额（决定）',
    definition: '期间内作出的给予行政处罚决定中没收违法所得的合计金额，以决定日期计',
    unit: 'fen',
    aggregate: 'sum',
    period: 'flow',
    dimensions: { field },
    sources: [{ ref: 'seed:001', quote: '罚没入库1619.14万元' }],
    facts: penaltyLines(['confiscateIllegalGains']),
  },
  {
    id: 'cases.confiscatedProperty',
    label: '没收非法财物（决定）',
    definition: '期间内作出的给予行政处罚决定中没收非法财物的项数，以决定日期计（金额为决定载明的价值，未载明的计零）',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { field },
    sources: [{ ref: 'rule:行政处罚法#第九条', quote: '行政处罚的种类：……（三）没收违法所得、没收非法财物' }],
    facts: penaltyLines(['confiscateIllegalProperty']),
  },
  {
    id: 'cases.collected',
    label: '罚没款入库金额',
    definition: '期间内缴入国库的罚没款合计金额，以缴纳日期计：当事人缴纳的罚款（含加处罚款）和没收的违法所得分列',
    unit: 'fen',
    aggregate: 'sum',
    period: 'flow',
    dimensions: { field, kind: { label: '款项', values: { fine: '罚款（含加处罚款）', gains: '没收违法所得' } } },
    sources: [{ ref: 'seed:001', quote: '罚没入库1619.14万元' }],
    facts: `select p.id as ref, coalesce(c.case_number, m.title) || '（' || coalesce(p.receipt_no, '缴款') || '）' as title, '/cases/' || c.id as href, m.org_id,
                   p.paid_on as on_date, p.amount_fen as value, c.field, 'fine' as kind
              from case_payments p join cases c on c.id = p.case_id join matters m on m.id = c.id
            union all
            select c.id || ':' || (x->>'line') || ':' || (x->>'on') as ref, coalesce(c.case_number, m.title) || '（' || coalesce(x->>'receiptNo', '缴款') || '）' as title,
                   '/cases/' || c.id as href, m.org_id, (x->>'on')::date as on_date, (x->>'amountFen')::bigint as value, c.field, 'gains' as kind
              from cases c join matters m on m.id = c.id cross join lateral jsonb_array_elements(coalesce(c.execution->'records', '[]'::jsonb)) x
             where x->>'act' = 'payment' and x->>'amountFen' is not null`,
  },
  {
    id: 'cases.hearings',
    label: '举行听证次数',
    definition: '期间内举行行政处罚听证的案件数，以听证举行日期计',
    unit: 'times',
    aggregate: 'count',
    period: 'flow',
    dimensions: { field },
    sources: [{ ref: 'seed:001', quote: '组织听证26次' }],
    facts: `select ${caseRow}, (c.hearing->>'heldOn')::date as on_date, 1 as value, c.field from cases c join matters m on m.id = c.id where c.hearing->>'heldOn' is not null`,
  },
  {
    id: 'cases.legalReviews',
    label: '重大执法决定法制审核件数',
    definition: '期间内法制审核人员出具重大执法决定法制审核意见的次数，以审核日期计',
    unit: 'cases',
    aggregate: 'count',
    period: 'flow',
    dimensions: { field, opinion: { label: '审核意见', values: { agree: '同意', agreeAfterChanges: '修改后同意', disagree: '不同意' } } },
    sources: [{ ref: 'seed:004', quote: '18件案件经法制审核和集体讨论' }],
    facts: `select r.id as ref, coalesce(c.case_number, m.title) as title, '/cases/' || c.id as href, m.org_id, r.reviewed_on as on_date, 1 as value, c.field, r.opinion
              from case_reviews r join cases c on c.id = r.case_id join matters m on m.id = c.id where r.kind = 'legalReview'`,
  },
  {
    id: 'cases.collectiveDiscussions',
    label: '集体讨论案件数',
    definition: '期间内经行政机关负责人集体讨论（案审会）决定的案件次数，以讨论日期计',
    unit: 'cases',
    aggregate: 'count',
    period: 'flow',
    dimensions: { field },
    sources: [{ ref: 'seed:001', quote: '召开案审会21次，审议案件209件' }],
    facts: `select d.id as ref, coalesce(c.case_number, m.title) as title, '/cases/' || c.id as href, m.org_id, d.held_on as on_date, 1 as value, c.field
              from case_discussions d join cases c on c.id = d.case_id join matters m on m.id = c.id`,
  },
  {
    id: 'cases.criminalReferrals',
    label: '移送司法机关案件数',
    definition: '期间内经批准移送公安机关（涉嫌犯罪）的案件数，以批准移送日期计，按公安机关是否立案分列',
    unit: 'cases',
    aggregate: 'count',
    period: 'flow',
    dimensions: { field, police: { label: '公安机关', values: { accepted: '已立案', refused: '不予立案', pending: '尚未答复' } } },
    sources: [{ ref: 'seed:004', quote: '移送涉嫌犯罪案件2件（公安机关立案1件）' }],
    facts: `select ${caseRow}, (c.referral->>'approvedOn')::date as on_date, 1 as value, c.field, coalesce(c.referral->>'answer', 'pending') as police
              from cases c join matters m on m.id = c.id
             where c.referral->>'kind' = 'police' and c.referral->>'approvedOn' is not null`,
  },
  {
    id: 'cases.coerciveMeasures',
    label: '实施行政强制措施次数',
    definition: '期间内经批准实施的查封、扣押（行政强制措施）次数，以实施日期计，按措施种类分列；延长期限不另计',
    unit: 'times',
    aggregate: 'count',
    period: 'flow',
    dimensions: { field, kind: { label: '措施', values: { seal: '查封', seize: '扣押' } } },
    sources: [
      { ref: 'seed:003', quote: '在行政许可、行政处罚、行政强制、行政检查四类行政执法行为中全面推行三项制度' },
      { ref: 'rule:行政强制法#第九条', quote: '行政强制措施的种类：……（二）查封场所、设施或者财物；（三）扣押财物' },
    ],
    facts: `select x.id as ref, coalesce(c.case_number, m.title) || '（' || case x.kind when 'seal' then '查封' else '扣押' end || '）' as title, '/cases/' || c.id as href,
                   m.org_id, x.imposed_on as on_date, 1 as value, c.field, x.kind
              from case_measures x join cases c on c.id = x.case_id join matters m on m.id = c.id`,
  },
  {
    id: 'cases.challenges',
    label: '行政复议和行政诉讼案件数',
    definition: '期间内审结的以本机关行政处罚决定为对象的行政复议、行政诉讼案件数，按类别和结果分列，以审结日期计',
    unit: 'cases',
    aggregate: 'count',
    period: 'flow',
    dimensions: {
      kind: { label: '类别', values: challengeKinds },
      outcome: { label: '结果', values: labels(challengeOutcomes, (v) => v.label) },
    },
    sources: [{ ref: 'seed:004', quote: '行政复议8件、行政诉讼2件，均维持' }],
    facts: `select c.id || ':' || (x->>'id') as ref, coalesce(c.case_number, m.title) || '（' || (x->>'body') || '）' as title, '/cases/' || c.id as href, m.org_id,
                   (x->>'concludedOn')::date as on_date, 1 as value, x->>'kind' as kind, x->>'outcome' as outcome
              from cases c join matters m on m.id = c.id cross join lateral jsonb_array_elements(coalesce(c.execution->'challenges', '[]'::jsonb)) x
             where x->>'concludedOn' is not null`,
  },
  {
    id: 'cases.leads',
    label: '案件线索数（按来源）',
    definition:
      '期间内登记的案件线索数，以发现或收到线索日期计，按线索来源（监督检查、投诉、举报、移送、公安机关移送、双随机抽查等）分列；当场处罚的案件同样计入',
    unit: 'items',
    aggregate: 'count',
    period: 'flow',
    dimensions: { source: { label: '线索来源', values: caseSources } },
    sources: [{ ref: 'seed:004', quote: '公安机关移送的不构成犯罪但需追究行政责任的案件线索3件' }],
    facts: `select ${caseRow}, c.received_on as on_date, 1 as value, c.source from cases c join matters m on m.id = c.id`,
  },
]);
