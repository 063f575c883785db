/**
 * 投诉举报 (市场监督管理投诉举报处理暂行办法, 2022): the vocabularies and the pure rules of the complaints module.
 * 投诉 (第三条第一款: a consumer's own dispute, mediated) and 举报 (第三条第二款: a lead of a violation, handled under
 * the penalty procedure, 第三十一条) are two matter types with two workflows; a submission that is both is split
 * into one of each (第七条 "按照本办法规定的程序对投诉和举报予以分别处理").
 */

export const LAW = '市场监督管理投诉举报处理暂行办法@2022-03-24';

export const complaintKinds = { complaint: '投诉', report: '举报' } as const;
export type ComplaintKind = keyof typeof complaintKinds;
export const complaintKindIds = Object.keys(complaintKinds) as [ComplaintKind, ...ComplaintKind[]];

/** 第八条: the channels the bureau publishes (互联网、电话、传真、邮寄地址、窗口), and the 12315 platform's transfers (第三十六条). */
export const complaintChannels = {
  portal: '门户网站',
  platform12315: '全国12315平台',
  phone: '电话',
  walkIn: '窗口来访',
  letter: '信件、传真',
} as const;
export type ComplaintChannel = keyof typeof complaintChannels;
export const complaintChannelIds = Object.keys(complaintChannels) as [ComplaintChannel, ...ComplaintChannel[]];

/** The matter a complaint or report concerns (also the case's 执法领域 when a report becomes a lead). */
export const complaintCategories = {
  food: '食品安全',
  pricing: '价格',
  consumerProtection: '消费者权益保护',
  advertising: '广告',
  metrology: '计量',
  ecommerce: '电子商务',
  registration: '登记注册',
  drugs: '药品',
} as const;
export type ComplaintCategory = keyof typeof complaintCategories;
export const complaintCategoryIds = Object.keys(complaintCategories) as [ComplaintCategory, ...ComplaintCategory[]];

export const complaintStates = {
  received: '待决定是否受理',
  accepted: '已受理（调解中）',
  rejected: '不予受理',
  resolved: '调解成功',
  terminated: '已终止调解（待告知）',
  closed: '已终止调解并告知',
} as const;
export type ComplaintState = keyof typeof complaintStates;

export const reportStates = {
  received: '待核查处理',
  leadOpened: '已转为案件线索',
  closed: '不予处理并告知',
} as const;
export type ReportState = keyof typeof reportStates;

/** 第十五条: the grounds of 不予受理, each quoting its item. */
export const rejectionGrounds = {
  notCompetent: '第十五条第（一）项：投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限',
  alreadyHandled:
    '第十五条第（二）项：法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议',
  notConsumer: '第十五条第（三）项：不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议',
  timeBarred: '第十五条第（四）项：投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年',
  materialsMissing: '第十五条第（五）项：未提供本办法第九条第一款和第十条规定的材料',
  otherLaw: '第十五条第（六）项：法律、法规、规章规定不予受理的其他情形',
} as const;
export type RejectionGround = keyof typeof rejectionGrounds;
export const rejectionGroundIds = Object.keys(rejectionGrounds) as [RejectionGround, ...RejectionGround[]];

/** 第二十一条第一款: the grounds on which mediation ends. */
export const terminationGrounds = {
  withdrawnOrSettled: '第二十一条第一款第（一）项：投诉人撤回投诉或者双方自行和解',
  testingDisagreement: '第二十一条第一款第（二）项：对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致',
  refusedToAttend: '第二十一条第一款第（三）项：投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解',
  noAgreementDeclared: '第二十一条第一款第（四）项：经组织调解，投诉人或者被投诉人明确表示无法达成调解协议',
  timeLimit: '第二十一条第一款第（五）项：自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议',
  rejectionGroundFound: '第二十一条第一款第（六）项：受理投诉后，发现存在本办法第十五条规定情形',
  otherLaw: '第二十一条第一款第（七）项：法律、法规、规章规定的应当终止调解的其他情形',
} as const;
export type TerminationGround = keyof typeof terminationGrounds;
export const terminationGroundIds = Object.keys(terminationGrounds) as [TerminationGround, ...TerminationGround[]];

/** 第二十二条: why no 调解书 was made (an agreement reached on site otherwise gets one). */
export const noDocumentReasons = {
  performedAtOnce: '调解协议已经即时履行',
  partiesAgreed: '双方同意不制作调解书',
  notOnSite: '非现场调解（互联网、电话、音频、视频等），做好调解记录备查',
} as const;
export type NoDocumentReason = keyof typeof noDocumentReasons;
export const noDocumentReasonIds = Object.keys(noDocumentReasons) as [NoDocumentReason, ...NoDocumentReason[]];

/** 第十八条: how a mediation session was held. */
export const mediationModes = { onSite: '现场调解', online: '互联网调解', phone: '电话调解', video: '音频、视频调解' } as const;
export type MediationMode = keyof typeof mediationModes;
export const mediationModeIds = Object.keys(mediationModes) as [MediationMode, ...MediationMode[]];

/** How a report ends without a lead (第二十九条, 第三十九条). */
export const reportClosingGrounds = {
  notCompetent: '第二十九条：本机关不具备处理权限，告知举报人直接向有处理权限的市场监督管理部门提出',
  notApplicable: '第三十九条第二款：以举报形式进行咨询、政府信息公开申请、行政复议申请、信访等活动，告知通过相应途径提出',
  noLead: '第二十四条第一款：未提供涉嫌违反市场监督管理法律、法规、规章的具体线索',
} as const;
export type ReportClosingGround = keyof typeof reportClosingGrounds;
export const reportClosingGroundIds = Object.keys(reportClosingGrounds) as [ReportClosingGround, ...ReportClosingGround[]];

/** The outcome of verifying a lead found during mediation (第二十三条). */
export const leadOutcomes = { caseOpened: '转为案件线索（立案审查）', noViolation: '经核查未发现违法行为' } as const;
export type LeadOutcome = keyof typeof leadOutcomes;
export const leadOutcomeIds = Object.keys(leadOutcomes) as [LeadOutcome, ...LeadOutcome[]];

/** How long complaints about the same respondent and matter are grouped (同一被投诉人、同一事项) — the bureau's setting. */
export const GROUP_WINDOW_DAYS = 30;

/**
 * The grouping key: the respondent (its uscc when given, else its name without spaces and brackets' variants) and the
 * matter's category. Same key within the window → one group, handled together (第十一条 共同投诉 where they agree;
 * a mass complaint otherwise).
 */
export function groupKey(r: { respondentName: string; respondentUscc?: string | null; category: string }): string {
  const who = r.respondentUscc?.trim().toUpperCase() || r.respondentName.replace(/[\s（）()【】[\]·．.,，]/g, '').toLowerCase();
  return `${who}|${r.category}`;
}

/** The query code alphabet: no 0/O, 1/I/L (read aloud over the phone). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** A query code (查询码): TS + 10 characters from 10 random bytes, e.g. TS7KQ2M9XW4R. */
export function queryCodeFrom(bytes: Uint8Array): string {
  let s = 'TS';
  for (let i = 0; i < 10; i++) s += ALPHABET[bytes[i] % ALPHABET.length];
  return s;
}
export const QUERY_CODE = /^TS[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;
export const normaliseQueryCode = (s: string) => s.trim().toUpperCase().replace(/[\s-]/g, '');

/**
 * 第二十一条第一款第（五）项: termination for the 45-working-day limit only once the limit is over; the other grounds
 * any time. `mediationDue` is the due date of the `complaint.mediation` deadline (null: none open).
 */
export function terminationProblem(g: { ground: TerminationGround; date: string; mediationDue: string | null }): string | null {
  if (g.ground !== 'timeLimit') return null;
  if (!g.mediationDue) return '该投诉没有进行中的调解期限，不能以第二十一条第一款第（五）项终止调解';
  return g.date > g.mediationDue
    ? null
    : `自受理之日起四十五个工作日于 ${g.mediationDue} 届满，届满前不能以第二十一条第一款第（五）项（未能达成调解协议）终止调解`;
}

/** 第二十二条: an agreement reached on site needs a 调解书 unless performed at once or both agreed not to make one. */
export function agreementDocumentProblem(g: { mode: MediationMode; makeDocument: boolean; noDocumentReason: NoDocumentReason | null }): string | null {
  if (g.makeDocument) return null;
  if (!g.noDocumentReason) return '不制作调解书的，应当说明理由（第二十二条：即时履行、双方同意不制作或者非现场调解）';
  if (g.mode === 'onSite' && g.noDocumentReason === 'notOnSite')
    return '经现场调解达成调解协议的，应当制作调解书，除非已经即时履行或者双方同意不制作（第二十二条第一款）';
  return null;
}

/** 第十条: a complaint filed on someone's behalf needs the authorisation; 第九条: name, phone and address of the complainant. */
export function complaintMaterialsMissing(g: {
  kind: ComplaintKind;
  anonymous: boolean;
  name?: string | null;
  phone?: string | null;
  address?: string | null;
}): string[] {
  if (g.kind !== 'complaint') return [];
  const missing: string[] = [];
  if (g.anonymous) return ['投诉人的姓名、电话号码、通讯地址（第九条第一款第（一）项：投诉不能匿名）'];
  if (!g.name?.trim()) missing.push('投诉人姓名');
  if (!g.phone?.trim()) missing.push('投诉人电话号码');
  if (!g.address?.trim()) missing.push('投诉人通讯地址');
  return missing;
}

/** How the complainant, the respondent or the reporter was told (第十四条, 第二十一条第二款, 第二十九条). */
export const noticeMethods = { phone: '电话', sms: '短信', portal: '门户网站（查询码）', letter: '书面', platform12315: '全国12315平台' } as const;
export type NoticeMethod = keyof typeof noticeMethods;
export const noticeMethodIds = Object.keys(noticeMethods) as [NoticeMethod, ...NoticeMethod[]];
