/**
 * Every act on a case as data: for each workflow transition (keyed by the server's
 * `transitionInputs`, so a new transition without a form does not compile) and each act that is
 * not a transition (证据, 陈述申辩, 缴款 …), the fields of its form. ActionModal renders them and
 * turns the values into the request body; nothing else in the console knows a transition's input.
 */
import type { TransitionName } from '../../../../src/modules/cases/schema';
import { deadlineRuleById } from '../../../../src/domain/deadlines/rules';
import { challengeKinds, challengeOutcomes, executionActs, terminationGrounds } from '../../../../src/domain/cases/execution';
import { penaltyKinds } from '../../../../src/domain/discretion/vocabulary';
import { decisionOutcomes, noPenaltyGrounds, onSiteCollectionGrounds } from '../../../../src/domain/cases/decide';
import type { Evidence, Session } from '../../api/types';
import type { CaseDetail, CaseReference } from './api';

/** What defaults and options are computed from. */
export interface ActionContext {
  c: CaseDetail;
  ref: CaseReference;
  files: Evidence[];
  session: Session;
  today: string;
}

type Options = Record<string, string> | ((x: ActionContext) => Record<string, string>);

interface Base {
  name: string;
  label: string;
  required?: boolean;
  /** shown under the input */
  help?: string;
  initial?: (x: ActionContext) => unknown;
  /** shown only when this returns true for the form's current values */
  visible?: (values: Record<string, unknown>) => boolean;
}

export type Field = Base &
  (
    | {
        kind:
          | 'text'
          | 'textarea'
          | 'date'
          | 'switch'
          | 'money'
          | 'officers'
          | 'officer'
          | 'violation'
          | 'penalties'
          | 'members'
          | 'turns'
          | 'reviewItems'
          | 'lines'
          | 'instalments'
          | 'discretion';
      }
    /** YYYY-MM-DDTHH:mm; `time` is the default time of day */
    | { kind: 'datetime'; time?: string }
    | { kind: 'select'; options: Options }
    /** files of the case: `av` only audio and video */
    | { kind: 'files'; av?: boolean }
  );

export interface ActionForm {
  fields: Field[];
  /** a note above the form */
  note?: string;
  /** the button's style */
  danger?: boolean;
}

const text = (name: string, label: string, required = true, initial?: string): Field => ({
  name,
  label,
  kind: 'textarea',
  required,
  ...(initial ? { initial: () => initial } : {}),
});
const line = (name: string, label: string, required = true, initial?: (x: ActionContext) => unknown): Field => ({
  name,
  label,
  kind: 'text',
  required,
  initial,
});
const date = (name: string, label: string): Field => ({ name, label, kind: 'date', required: true });
const opinion = (initial: string): Field => text('opinion', '意见', true, initial);
const penalties = (name: string, label: string, initial?: (x: ActionContext) => unknown): Field => ({ name, label, kind: 'penalties', initial });
const avFiles = (label = '音像记录（执法记录仪视频等）'): Field => ({
  name: 'avFileIds',
  label,
  kind: 'files',
  av: true,
  help: '属于音像记录事项清单的环节须附本案的音频或视频文件；先在“证据”中上传',
});

const proposedPenalties = (x: ActionContext) => (x.c.decision?.penalties ?? x.c.proposed ?? []).map((p) => ({ ...p }));

/** 各环节的表单（办理日期另有，默认今天）。 */
export const transitionForms = {
  accept: { fields: [line('note', '受理说明', false)] },
  proposeFiling: {
    fields: [
      { name: 'violationId', label: '涉嫌违法行为', kind: 'violation', required: true },
      date('violationDate', '违法行为发生日期'),
      { name: 'lifeHealth', label: '涉及公民生命健康安全且有危害后果（追责时效五年）', kind: 'switch' },
      { name: 'investigatorIds', label: '承办人员（至少两名持证执法人员）', kind: 'officers', required: true },
      opinion('涉嫌违法，建议立案调查。'),
    ],
  },
  approveFiling: { fields: [opinion('同意立案。'), line('unitOpinion', '承办机构意见', false)] },
  rejectFiling: { fields: [text('reason', '不予立案理由'), opinion('同意不予立案。')], danger: true },
  closeInvestigation: {
    note: '裁量计算按办理日期实时预览，调查终结时结果（阶次、幅度、依据）固定在案件中。',
    fields: [
      text('facts', '违法事实'),
      { name: 'discretion', label: '裁量情节与计罚基数', kind: 'discretion' },
      penalties('proposed', '拟处罚'),
      text('deviationReason', '超出裁量基准建议的理由（如有）', false),
      { name: 'complex', label: '案件情况疑难复杂、涉及多个法律关系', kind: 'switch' },
      { name: 'publicInterest', label: '涉及重大公共利益', kind: 'switch' },
      text('analysis', '案件分析（不填则按违法条款和裁量阶次生成）', false),
    ],
  },
  audit: {
    fields: [
      {
        name: 'opinion',
        label: '审核意见',
        kind: 'select',
        required: true,
        options: { agree: '同意', agreeAfterChanges: '修改后同意' },
      },
      // the auditor writes the reasons and decides on a deviation; nothing is pre-set
      text('reasons', '理由'),
      { name: 'acceptsDeviation', label: '认可超出裁量基准建议的理由', kind: 'switch' },
    ],
  },
  returnToInvestigation: { fields: [text('reasons', '退回理由')], danger: true },
  notify: {
    note: '已告知后，拟作出的处罚重于原告知内容（种类或者金额），或者依法应当告知听证权利而未告知的，须重新告知，重新给予陈述、申辩（和听证）期限（行政处罚法 第四十四条、第四十五条第二款、第六十二条、第六十三条）。',
    fields: [
      date('servedOn', '告知书送达日期'),
      text('renoticeReason', '重新告知的理由（首次告知不填）', false),
      { ...penalties('proposed', '重新告知的拟处罚', proposedPenalties), visible: (v) => typeof v.renoticeReason === 'string' && !!v.renoticeReason.trim() },
      {
        ...text('deviationReason', '超出裁量基准建议的理由（如有）', false),
        visible: (v) => typeof v.renoticeReason === 'string' && !!v.renoticeReason.trim(),
      },
    ],
  },
  requestHearing: { fields: [date('requestedOn', '当事人提出听证要求日期')] },
  scheduleHearing: {
    fields: [
      { name: 'at', label: '听证时间', kind: 'datetime', required: true, time: '09:00' },
      line('place', '听证地点', true, () => '本局听证室'),
      { name: 'hostOfficerId', label: '听证主持人（非本案调查人员）', kind: 'officer', required: true },
      line('clerk', '书记员'),
      line('openness', '是否公开', true, () => '公开举行'),
      date('noticeOn', '听证通知书送达日期'),
    ],
  },
  holdHearing: {
    fields: [
      date('heldOn', '举行日期'),
      { name: 'startAt', label: '开始时间', kind: 'datetime', required: true, time: '09:00' },
      { name: 'endAt', label: '结束时间', kind: 'datetime', required: true, time: '10:30' },
      {
        name: 'turns',
        label: '听证笔录（发言）',
        kind: 'turns',
        initial: () => [
          { speaker: '主持人', text: '现在开始听证。' },
          { speaker: '当事人', text: '' },
        ],
      },
      text('report', '听证报告'),
      avFiles('听证录音录像'),
    ],
  },
  submitForLegalReview: { fields: [line('note', '说明', false)] },
  legalReview: {
    fields: [
      { name: 'items', label: '审核事项', kind: 'reviewItems' },
      // 法制审核 starts empty: each item, the opinion and the reasons are the reviewer's own
      { name: 'opinion', label: '审核意见', kind: 'select', required: true, options: (x) => x.ref.reviewOpinions },
      text('reasons', '理由'),
      { name: 'acceptsDeviation', label: '认可超出裁量基准建议的理由', kind: 'switch' },
    ],
  },
  submitForDiscussion: { fields: [text('reason', '提请理由', true, '本案属于重大执法决定，提请集体讨论。')] },
  discuss: {
    fields: [
      date('heldOn', '会议日期'),
      { name: 'startAt', label: '开始时间', kind: 'datetime', required: true, time: '15:00' },
      { name: 'endAt', label: '结束时间', kind: 'datetime', required: true, time: '16:00' },
      line('place', '地点', true, () => '第一会议室'),
      line('chair', '主持人', true, (x) => x.session.user.displayName),
      // each member's position and opinion, the decision and the minutes are what was said: nothing is pre-set
      { name: 'members', label: '参加人员及意见', kind: 'members', initial: (x) => [{ name: x.session.user.displayName }] },
      {
        name: 'decision',
        label: '讨论决定',
        kind: 'select',
        required: true,
        options: { ...decisionOutcomes },
      },
      text('minutes', '讨论记录'),
      line('reporter', '汇报人', true, (x) => x.c.investigators[0]?.name),
      line('recorder', '记录人'),
    ],
  },
  proceedToDecision: { fields: [line('note', '说明', false)] },
  decide: {
    fields: [
      {
        name: 'outcome',
        label: '决定',
        kind: 'select',
        required: true,
        options: { ...decisionOutcomes },
        initial: () => 'penalty',
        help: '不予行政处罚：法律规定的情形（第三十条、第三十一条、第三十三条等）；免予行政处罚：依本机关公布的免罚清单（裁量结果已适用）',
      },
      { ...penalties('penalties', '行政处罚', proposedPenalties), visible: (v) => v.outcome === 'penalty' },
      { ...text('reason', '超出裁量基准建议的理由（如有）', false), visible: (v) => v.outcome === 'penalty' },
      {
        name: 'noPenaltyGround',
        label: '不予处罚的法定情形',
        kind: 'select',
        required: true,
        options: Object.fromEntries(Object.entries(noPenaltyGrounds).map(([k, g]) => [k, `${g.label}（行政处罚法 ${g.article}）`])),
        visible: (v) => v.outcome === 'noPenalty',
      },
      { ...text('noPenaltyReason', '不予（免予）处罚的理由（免予处罚写明免罚清单事项及其条件）'), visible: (v) => v.outcome !== 'penalty' },
    ],
  },
  serve: {
    fields: [
      date('servedOn', '送达日期'),
      {
        name: 'method',
        label: '送达方式',
        kind: 'select',
        required: true,
        options: (x) => Object.fromEntries(Object.entries(x.ref.serviceMethods).map(([k, v]) => [k, v.label])),
        initial: () => 'direct',
      },
      line('recipient', '受送达人', true, (x) => x.c.party.legalRep ?? x.c.party.name),
      line('receiver', '签收人（代收人）', false),
      { ...avFiles('留置送达的音像记录'), visible: (v) => v.method === 'left' },
    ],
  },
  serveDemand: {
    note: '申请人民法院强制执行前，应当催告当事人履行义务；催告书送达十日（工作日）后当事人仍未履行的，方可申请（行政强制法 第五十四条、第六十九条）。',
    fields: [
      date('servedOn', '催告书送达日期'),
      {
        name: 'method',
        label: '送达方式',
        kind: 'select',
        required: true,
        options: (x) => Object.fromEntries(Object.entries(x.ref.serviceMethods).map(([k, v]) => [k, v.label])),
        initial: () => 'direct',
      },
      line('recipient', '受送达人', true, (x) => x.c.party.legalRep ?? x.c.party.name),
      { ...avFiles('留置送达的音像记录'), visible: (v) => v.method === 'left' },
    ],
  },
  applyEnforcement: {
    note: '复议（六十日）、诉讼（六个月）期限届满、催告书送达十日后，自期限届满之日起三个月内申请（行政强制法 第五十三条、第五十四条）。',
    fields: [date('appliedOn', '申请日期'), line('court', '人民法院')],
  },
  close: {
    fields: [
      opinion('同意结案。'),
      { ...text('enforcementOutcome', '执行结果', false), help: '申请强制执行的案件须载明' },
      {
        name: 'terminationGround',
        label: '终结执行的理由（处罚决定未执行完毕时）',
        kind: 'select',
        options: Object.fromEntries(Object.entries(terminationGrounds).map(([k, v]) => [k, `行政强制法第四十条${v.item}${v.label}`])),
      },
      { ...text('terminationNote', '终结执行的说明', false), visible: (v) => !!v.terminationGround },
    ],
  },
  archive: { fields: [line('note', '归档说明', false)] },
  proposeReferral: {
    fields: [
      {
        name: 'kind',
        label: '移送对象',
        kind: 'select',
        required: true,
        options: { police: '公安机关（涉嫌犯罪）', body: '其他行政机关' },
        initial: () => 'police',
      },
      line('to', '接收机关'),
      text('reason', '移送理由'),
      text('suspicion', '涉嫌罪名或违法行为'),
    ],
  },
  approveReferral: { fields: [date('transferredOn', '移送日期'), { name: 'attachments', label: '移送材料（每行一项）', kind: 'lines', required: true }] },
  rejectReferral: { fields: [text('reason', '不批准理由')], danger: true },
  policeAccepted: { fields: [date('answeredOn', '接收机关答复日期'), text('note', '说明', false)] },
  policeRefused: { fields: [date('answeredOn', '接收机关答复日期'), text('note', '不予立案理由')] },
  decideOnSite: {
    note: '当场处罚限于：对公民二百元以下、对法人或者其他组织三千元以下罚款或者警告（行政处罚法 第五十一条）。',
    fields: [
      { name: 'violationId', label: '违法行为', kind: 'violation', required: true },
      date('violationDate', '违法行为发生日期'),
      { name: 'officerIds', label: '执法人员（两名持证）', kind: 'officers', required: true },
      { name: 'occurredAt', label: '违法行为时间', kind: 'datetime', required: true, time: '10:00' },
      line('place', '违法行为地点'),
      text('facts', '违法事实'),
      penalties('penalties', '行政处罚', () => [{ kind: 'fine', amountFen: null }]),
      // the calculator beside the form: a 减轻 result is refused on the spot (行政处罚法 第五十一条、第五十七条第二款)
      { name: 'discretion', label: '裁量情节', kind: 'discretion' },
      {
        name: 'collectedOnSite',
        label: '当场收缴罚款',
        kind: 'switch',
        help: '执法人员应当自收缴之日起二日（工作日）内将罚款交至行政机关（行政处罚法 第七十一条）',
      },
      {
        name: 'collectionGround',
        label: '当场收缴的依据',
        kind: 'select',
        required: true,
        options: Object.fromEntries(Object.entries(onSiteCollectionGrounds).map(([k, g]) => [k, `${g.label}（行政处罚法 ${g.article}）`])),
        visible: (v) => !!v.collectedOnSite,
      },
      { ...text('collectionReason', '当场收缴的具体理由（一百元以下罚款以外须填写）', false), visible: (v) => !!v.collectedOnSite },
      { ...line('receiptNo', '专用票据号码（行政处罚法 第七十条）'), visible: (v) => !!v.collectedOnSite },
      avFiles(),
    ],
  },
  handOverFine: {
    note: '执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关（行政处罚法 第七十一条；二日指工作日，第八十五条）。',
    fields: [date('handedOverOn', '交款日期'), line('handedOverTo', '接收部门及经办人'), line('note', '备注', false)],
  },
} satisfies Record<TransitionName, ActionForm>;

export type ActName =
  | 'evidence'
  | 'statement'
  | 'waiver'
  | 'payments'
  | 'paymentPlan'
  | 'challenge'
  | 'challengeConclusion'
  | 'execution'
  | 'extend'
  | 'suspend';
type Ability = keyof CaseDetail['abilities'];

/** Acts that are not transitions: their endpoint under /api/cases/:id and the ability that shows the button. */
export const actForms: Record<ActName, ActionForm & { label: string; path: string; ability: Ability }> = {
  evidence: {
    label: '登记证据',
    path: 'evidence',
    ability: 'addEvidence',
    fields: [
      {
        name: 'kind',
        label: '证据种类',
        kind: 'select',
        required: true,
        options: (x) => Object.fromEntries(Object.entries(x.ref.evidenceKinds).map(([k, v]) => [k, `${v.label}${v.av ? '（须音像记录）' : ''}`])),
        initial: () => 'siteRecord',
      },
      line('title', '名称'),
      date('collectedOn', '取证日期'),
      line('place', '取证地点', false),
      { name: 'officerIds', label: '取证人员', kind: 'officers', initial: (x) => x.c.investigatorIds },
      { name: 'fileIds', label: '证据文件', kind: 'files', help: '先在下方上传文件，再在此选择' },
      text('description', '说明', false),
      { name: 'instrument', label: '生成文书', kind: 'select', options: { inquiryRecord: '询问笔录', siteRecord: '现场笔录' } },
      {
        name: 'approvedBy',
        label: '批准先行登记保存的负责人',
        kind: 'select',
        required: true,
        help: '在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存（行政处罚法 第五十六条）',
        options: (x) => Object.fromEntries(x.c.approvers.map((a) => [a.id, a.name])),
        visible: (v) => v.kind === 'evidencePreservation',
      },
    ],
  },
  statement: {
    label: '登记陈述申辩',
    path: 'statement',
    ability: 'recordStatement',
    fields: [date('receivedOn', '收到日期'), text('text', '陈述申辩内容'), { name: 'adopted', label: '采纳', kind: 'switch' }, text('reply', '复核意见')],
  },
  waiver: {
    label: '书面放弃权利',
    path: 'waiver',
    ability: 'recordWaiver',
    fields: [
      { name: 'statement', label: '放弃陈述、申辩', kind: 'switch' },
      { name: 'hearing', label: '放弃听证', kind: 'switch' },
      date('signedOn', '签署日期'),
      line('note', '说明', true, () => '当事人书面声明放弃'),
    ],
  },
  payments: {
    label: '登记缴款',
    path: 'payments',
    ability: 'recordPayment',
    note: '缴款先抵加处罚款，再抵罚款（行政处罚法 第七十二条）。',
    fields: [
      date('paidOn', '缴款日期'),
      { name: 'amountFen', label: '缴款金额（元）', kind: 'money', required: true },
      line('receiptNo', '收据（缴款书）编号', false),
    ],
  },
  paymentPlan: {
    label: '批准延期或分期缴纳',
    path: 'payment-plan',
    ability: 'approvePaymentPlan',
    fields: [
      { name: 'kind', label: '方式', kind: 'select', required: true, options: { deferral: '延期缴纳', instalments: '分期缴纳' }, initial: () => 'deferral' },
      { name: 'instalments', label: '缴款期限及金额', kind: 'instalments' },
      text('reason', '理由'),
    ],
  },
  challenge: {
    label: '登记复议或诉讼',
    path: 'challenges',
    ability: 'recordChallenge',
    note: '复议、诉讼期间不计算加处罚款（行政处罚法 第七十三条第三款），审结前不能申请强制执行。',
    fields: [
      { name: 'kind', label: '种类', kind: 'select', required: true, options: challengeKinds, initial: () => 'reconsideration' },
      date('filedOn', '申请（起诉）日期'),
      line('body', '复议机关或者人民法院'),
    ],
  },
  challengeConclusion: {
    label: '登记复议或诉讼结果',
    path: 'challenge-conclusion',
    ability: 'recordChallenge',
    fields: [
      {
        name: 'challengeId',
        label: '复议或诉讼',
        kind: 'select',
        required: true,
        options: (x) =>
          Object.fromEntries(
            (x.c.execution?.challenges ?? []).filter((ch) => !ch.concludedOn).map((ch) => [ch.id, `${challengeKinds[ch.kind]}（${ch.filedOn}，${ch.body}）`]),
          ),
      },
      date('concludedOn', '审结日期'),
      {
        name: 'outcome',
        label: '结果',
        kind: 'select',
        required: true,
        options: Object.fromEntries(Object.entries(challengeOutcomes).map(([k, v]) => [k, v.label])),
      },
    ],
  },
  execution: {
    label: '登记执行',
    path: 'execution',
    ability: 'recordExecution',
    note: '罚款通过“登记缴款”执行；没收的财物须载明移交、销毁或者拍卖的凭证编号（行政处罚法 第七十四条）。',
    fields: [
      {
        name: 'line',
        label: '处罚项目',
        kind: 'select',
        required: true,
        options: (x) =>
          Object.fromEntries(
            (x.c.execution?.lines ?? []).filter((l) => l.kind !== 'fine' && l.state === 'pending').map((l) => [String(l.line), `${l.line + 1}. ${l.label}`]),
          ),
      },
      {
        name: 'act',
        label: '执行方式',
        kind: 'select',
        required: true,
        options: Object.fromEntries(Object.entries(executionActs).map(([k, v]) => [k, v.label])),
      },
      date('on', '日期'),
      { name: 'amountFen', label: '金额（元，缴纳违法所得或者拍卖所得）', kind: 'money' },
      line('receiptNo', '凭证编号（缴款书、移交清单、销毁记录、拍卖成交确认书）', false),
      text('note', '说明'),
    ],
  },
  extend: {
    label: '批准延长期限',
    path: 'deadlines/extend',
    ability: 'extendDeadline',
    fields: [
      { name: 'ruleId', label: '期限', kind: 'select', required: true, options: (x) => openDeadlines(x, (r, d) => !!r.extension && !d.extended) },
      text('reason', '延长理由'),
    ],
  },
  suspend: {
    label: '登记不计入期限的期间',
    path: 'deadlines/suspend',
    ability: 'suspendDeadline',
    fields: [
      { name: 'ruleId', label: '期限', kind: 'select', required: true, options: (x) => openDeadlines(x, (r) => r.suspendable) },
      date('from', '自'),
      date('to', '至'),
      line('reason', '事由（检测、检验、鉴定、公告等）'),
    ],
  },
};

type Rule = NonNullable<ReturnType<typeof deadlineRuleById.get>>;
function openDeadlines(x: ActionContext, allowed: (r: Rule, d: CaseDetail['deadlines'][number]) => boolean): Record<string, string> {
  const open = x.c.deadlines.filter((d) => d.status === 'open' && deadlineRuleById.has(d.ruleId) && allowed(deadlineRuleById.get(d.ruleId)!, d));
  return Object.fromEntries(open.map((d) => [d.ruleId, `${d.label}（${d.due} 届满）`]));
}

export const penaltyKindOptions = Object.entries(penaltyKinds).map(([value, label]) => ({ value, label }));
