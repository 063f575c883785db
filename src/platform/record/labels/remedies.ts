/**
 * The field catalogue's entries for 行政复议 and 行政应诉 (modules/remedies): its two events and the inputs and results
 * of its transitions, keyed `eventType:path` or `transition.field` so that they apply to this module only. Spread into
 * `recordFields` (fieldLabels.ts).
 */
import {
  absenceGrounds,
  appearanceKinds,
  effectLabels,
  hearingKindLabels,
  judgmentKinds,
  judgmentOutcomes,
  lawVersions,
  reconsiderationOutcomes,
  subjectKinds,
} from '../../../domain/remedies/rules.ts';
import type { FieldKind, FieldSpec } from '../fieldLabels.ts';

const f = (label: string, kind?: FieldKind, values?: Readonly<Record<string, string>>): FieldSpec => ({ label, kind, values });
const labels = (o: Record<string, { label: string }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.label]));
const challengeOutcomeValues = { upheld: '维持或者驳回', withdrawn: '撤回', revoked: '撤销或者确认违法', changed: '变更' };
const publicationStates = { withdrawn: '已撤回公示', withdrawalDue: '待撤回公示（三个工作日内）' };

const subject = (e: string) => ({
  [`${e}:subjectType`]: f('被申请（被诉）事项类别', 'matterType'),
  [`${e}:subjectId`]: f('被申请（被诉）事项', 'matter'),
  [`${e}:subjectKind`]: f('行为类别', undefined, subjectKinds),
  [`${e}:subjectTitle`]: '被申请（被诉）行为',
  [`${e}:bodyId`]: f('被申请人（被告）', 'org'),
  [`${e}:fileNumber`]: '案号',
  [`${e}:receivedOn`]: '收到副本日期',
});

const flow = (t: string) => ({
  [`${t}.effect`]: f('对原行政行为的效力', undefined, effectLabels),
  [`${t}.caseOutcome`]: f('案件复议诉讼登记结果', undefined, challengeOutcomeValues),
  [`${t}.publicationId`]: f('公示信息', 'matter'),
  [`${t}.publication`]: f('公示处理', undefined, publicationStates),
});

const judgment = (t: string) => ({
  [`${t}.kind`]: f('裁判文书类别', undefined, judgmentKinds),
  [`${t}.outcome`]: f('裁判结果', undefined, labels(judgmentOutcomes)),
  [`${t}.number`]: '裁判文书案号',
  [`${t}.servedOn`]: '送达日期',
  [`${t}.summary`]: '裁判要旨',
  [`${t}.statedEffect`]: f('调解书对原行政行为的效力', undefined, effectLabels),
  [`${t}.judgmentId`]: f('裁判', 'hidden'),
});

export const remedyFields: Record<string, string | FieldSpec> = {
  'reconsideration.received:reconsiderationId': f('行政复议', 'hidden'),
  ...subject('reconsideration.received'),
  'reconsideration.received:applicant': '申请人',
  'reconsideration.received:reviewingBody': '行政复议机关',
  'reconsideration.received:request': '行政复议请求',
  'reconsideration.received:lawVersion': f('适用法律', undefined, lawVersions),
  'reconsideration.received:selfDecided': '本机关作为复议机关办理（历史登记）',
  'reconsideration.received:answerDue': '答复期限届满日',
  'lawsuit.registered:lawsuitId': f('行政诉讼', 'hidden'),
  ...subject('lawsuit.registered'),
  'lawsuit.registered:plaintiff': '原告',
  'lawsuit.registered:court': '人民法院',
  'lawsuit.registered:claims': '诉讼请求',
  'lawsuit.registered:afterReconsiderationId': f('经行政复议', 'matter'),
  'lawsuit.registered:defenceDue': '答辩期限届满日',
  'answer.answer': '书面答复',
  'answer.materials': '提交的证据、依据和其他材料',
  'answer.bundleHash': f('答复材料清单哈希', 'hash'),
  'answer.bundleEntries': '答复材料记录条目数',
  'answer.bundleFiles': '答复材料文件数',
  'answer.bundleInstruments': '答复材料文书数',
  'attend.kind': f('方式', undefined, hearingKindLabels),
  'attend.heldOn': '日期',
  'attend.attendees': '本机关出席人员',
  'attend.note': '情况',
  'attend.hearingId': f('听证或者调解', 'hidden'),
  'enterDecision.outcome': f('行政复议决定', undefined, labels(reconsiderationOutcomes)),
  'enterDecision.statedEffect': f('调解书、和解协议对原行政行为的效力', undefined, effectLabels),
  'enterDecision.number': '决定书文号',
  'enterDecision.decidedOn': '决定日期',
  'enterDecision.receivedOn': '收到决定书日期',
  'enterDecision.summary': '决定要旨',
  'enterDecision.fileId': f('决定书', 'evidenceFile'),
  ...flow('enterDecision'),
  'defend.defence': '答辩状',
  'defend.evidence': '提交的证据和依据',
  'attendHearing.heldOn': '开庭日期',
  'attendHearing.attendees': '本机关出庭人员',
  'attendHearing.note': '庭审情况',
  'attendHearing.appearance': f('负责人出庭应诉情况', undefined, appearanceKinds),
  'attendHearing.headName': '出庭负责人',
  'attendHearing.headTitle': '出庭负责人职务',
  'attendHearing.absenceGround': f('负责人未出庭的理由类别', undefined, absenceGrounds),
  'attendHearing.absenceReason': '负责人未出庭的理由',
  'attendHearing.headRequired': '属负责人应当出庭的案件',
  'attendHearing.hearingId': f('开庭', 'hidden'),
  ...judgment('enterJudgment'),
  ...judgment('enterFinalJudgment'),
  ...flow('enterFinalJudgment'),
  ...flow('becomeEffective'),
  'enterFinalJudgment.outcome': f('裁判结果', undefined, labels(judgmentOutcomes)),
  'becomeEffective.outcome': f('裁判结果', undefined, labels(judgmentOutcomes)),
  'becomeEffective.note': '说明',
  'appeal.appealedBy': f('上诉人', undefined, { bureau: '本机关', plaintiff: '原告' }),
  'appeal.appealedOn': '上诉日期',
  'appeal.court': '二审法院',
  'appeal.fileNumber': '二审案号',
  'closeSuit.execution': f('执行情况', undefined, { performed: '本机关已履行', enforcementApplied: '已申请人民法院强制执行', nothingToExecute: '无需执行' }),
  'closeSuit.on': '日期',
  'closeSuit.note': '说明',
};
