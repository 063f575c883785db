/**
 * 政府信息公开 on request (政府信息公开条例, 2019): the answer types of 第三十六条 (with 第三十七条's 部分公开 and
 * 第二条/第三十九条's 不属于政府信息), the grounds of 第十四条–第十六条, the applicant kinds the annual report
 * (第五十条) counts, and the pure checks and sentences of an answer. No I/O.
 */

const OGI = '政府信息公开条例@2019-04-03';

export const disclosureStates = {
  received: '待答复',
  correcting: '待申请人补正',
  consulting: '征求第三方意见',
  answered: '已答复',
} as const;
export type DisclosureState = keyof typeof disclosureStates;

/** 申请人类型: the annual report's columns (自然人; 法人或者其他组织 by kind). */
export const applicantKinds = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他法人或者其他组织',
} as const;
export type ApplicantKind = keyof typeof applicantKinds;
export const applicantKindIds = Object.keys(applicantKinds) as [ApplicantKind, ...ApplicantKind[]];

/** 申请方式 (第二十九条第一款、第三十一条). */
export const disclosureChannels = {
  portal: '互联网（门户网站）',
  inPerson: '当面提交',
  letter: '信函',
  fax: '传真',
  email: '电子邮件',
} as const;
export type DisclosureChannel = keyof typeof disclosureChannels;
export const disclosureChannelIds = Object.keys(disclosureChannels) as [DisclosureChannel, ...DisclosureChannel[]];

/** The grounds for not disclosing (不予公开) all or part of the information. */
export const withholdingGrounds = {
  stateSecret: { label: '属于国家秘密', article: '第十四条' },
  lawProhibits: { label: '法律、行政法规禁止公开', article: '第十四条' },
  securityStability: { label: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', article: '第十四条' },
  thirdPartyRights: { label: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害', article: '第十五条' },
  internalAffairs: { label: '属于行政机关的内部事务信息', article: '第十六条第一款' },
  processInformation: { label: '属于行政机关在履行行政管理职能过程中形成的过程性信息', article: '第十六条第二款' },
  enforcementFile: { label: '属于行政执法案卷信息', article: '第十六条第二款' },
} as const;
export type WithholdingGround = keyof typeof withholdingGrounds;
export const withholdingGroundIds = Object.keys(withholdingGrounds) as [WithholdingGround, ...WithholdingGround[]];
export const withholdingGroundLabels = Object.fromEntries(Object.entries(withholdingGrounds).map(([k, v]) => [k, `${v.label}（${v.article}）`])) as Record<
  WithholdingGround,
  string
>;

/**
 * 答复类型: 第三十六条's seven answers, 第三十七条's 部分公开, 第三十条's 申请内容不明确 (not corrected in time) and
 * 第二条/第三十九条's 不属于政府信息. `needs` says what the answer must state.
 */
export const answerTypes = {
  alreadyPublic: { label: '已主动公开', article: '第三十六条第（一）项', needs: 'access', reportCategory: 'disclosed' },
  disclosed: { label: '予以公开', article: '第三十六条第（二）项', needs: 'access', reportCategory: 'disclosed' },
  partlyDisclosed: { label: '部分公开', article: '第三十七条', needs: 'ground', reportCategory: 'partlyDisclosed' },
  notDisclosed: { label: '不予公开', article: '第三十六条第（三）项', needs: 'ground', reportCategory: 'notDisclosed' },
  notExist: { label: '信息不存在', article: '第三十六条第（四）项', needs: 'reason', reportCategory: 'unable' },
  notResponsible: { label: '非本机关负责公开', article: '第三十六条第（五）项', needs: 'otherBody', reportCategory: 'unable' },
  repeated: { label: '重复申请', article: '第三十六条第（六）项', needs: 'reason', reportCategory: 'notHandled' },
  specialProcedure: { label: '按有关法律、行政法规的规定办理', article: '第三十六条第（七）项', needs: 'reason', reportCategory: 'other' },
  notGovernmentInfo: { label: '不属于政府信息公开申请处理范围', article: '第二条、第三十九条', needs: 'reason', reportCategory: 'notHandled' },
  unclear: { label: '申请内容不明确，逾期未补正', article: '第三十条', needs: 'none', reportCategory: 'other' },
} as const;

/**
 * The 办理结果 columns of the 政府信息公开工作年度报告 (第五十条第（二）项), each answer type under one: 已主动公开 is
 * 予以公开; 信息不存在 and 非本机关负责 are 无法提供 (本机关不掌握相关政府信息); 重复申请 and requests outside the regulation
 * (信访举报投诉类, 要求确认或者重新出具已获取信息) are 不予处理; 逾期未补正 and 按其他法律法规办理 are 其他处理. The layout of
 * the report's table is the State Council office's annual-report format, which is not in `laws/`.
 */
export const reportCategories = {
  disclosed: '予以公开',
  partlyDisclosed: '部分公开',
  notDisclosed: '不予公开',
  unable: '无法提供',
  notHandled: '不予处理',
  other: '其他处理',
} as const;
export type AnswerType = keyof typeof answerTypes;
export const answerTypeIds = Object.keys(answerTypes) as [AnswerType, ...AnswerType[]];
export const answerTypeLabels = Object.fromEntries(Object.entries(answerTypes).map(([k, v]) => [k, v.label])) as Record<AnswerType, string>;

export interface AnswerInput {
  type: AnswerType;
  /** how and where the information is obtained (已主动公开, 予以公开, 部分公开) */
  access?: string | null;
  ground?: WithholdingGround | null;
  /** the reason in the body's words (不予公开, 信息不存在 …) */
  reason?: string | null;
  otherBody?: { name: string; contact: string } | null;
}

export interface Problem {
  code: 'DISCLOSURE_ANSWER_INCOMPLETE' | 'DISCLOSURE_CORRECTION_PENDING';
  message: string;
}

/** What an answer of its type must state (第三十六条 each item; 第三十七条 the reason for the part withheld). */
export function answerProblems(a: AnswerInput, facts: { state: string; correctionDueOn: string | null; date: string }): Problem[] {
  const t = answerTypes[a.type];
  const out: Problem[] = [];
  const missing = (message: string) => out.push({ code: 'DISCLOSURE_ANSWER_INCOMPLETE', message });
  if (a.type === 'unclear') {
    if (facts.state !== 'correcting') missing('只有告知补正后申请人逾期未补正的，才能按“申请内容不明确”答复（第三十条）');
    else if (facts.correctionDueOn && facts.date <= facts.correctionDueOn)
      out.push({ code: 'DISCLOSURE_CORRECTION_PENDING', message: `补正期限至 ${facts.correctionDueOn}，期限届满前不能视为放弃申请（第三十条）` });
    return out;
  }
  if (facts.state === 'correcting')
    out.push({ code: 'DISCLOSURE_CORRECTION_PENDING', message: '申请人尚未补正，答复期限自收到补正的申请之日起计算（第三十条）' });
  if (t.needs === 'access' && !a.access?.trim()) missing(`${t.label}的，应当告知获取该政府信息的方式、途径（${t.article}）`);
  if (t.needs === 'ground') {
    if (!a.ground) missing(`${t.label}的，应当说明不予公开的理由，选择依据（第十四条、第十五条、第十六条）`);
    if (!a.reason?.trim()) missing(`${t.label}的，应当写明理由（${t.article}）`);
    if (a.type === 'partlyDisclosed' && !a.access?.trim()) missing('部分公开的，应当告知可以公开部分的获取方式、途径（第三十七条）');
  }
  if (t.needs === 'reason' && !a.reason?.trim()) missing(`${t.label}的，应当写明理由（${t.article}）`);
  if (t.needs === 'otherBody' && (!a.otherBody?.name.trim() || !a.otherBody.contact.trim()))
    missing('非本机关负责公开、能够确定负责公开机关的，应当告知该行政机关的名称、联系方式（第三十六条第（五）项）');
  return out;
}

/** The 告知书's operative sentences, from what the record holds (the answer as given). */
export function answerSentences(a: AnswerInput): string[] {
  const t = answerTypes[a.type];
  const g = a.ground ? withholdingGrounds[a.ground] : null;
  const basis = `根据《中华人民共和国政府信息公开条例》${t.article}的规定`;
  switch (a.type) {
    case 'alreadyPublic':
      return [`经审查，您申请获取的政府信息本机关已经主动公开。${basis}，现告知您获取该政府信息的方式、途径：${a.access}`];
    case 'disclosed':
      return [`经审查，您申请获取的政府信息属于可以公开的政府信息。${basis}，本机关予以公开，获取方式、途径：${a.access}`];
    case 'partlyDisclosed':
      return [
        `经审查，您申请获取的政府信息中含有${g!.label}的内容，依照《中华人民共和国政府信息公开条例》${g!.article}的规定不予公开，理由是：${a.reason}`,
        `该部分内容能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容，获取方式、途径：${a.access}`,
      ];
    case 'notDisclosed':
      return [
        `经审查，您申请获取的政府信息${g!.label}，依照《中华人民共和国政府信息公开条例》${g!.article}的规定，属于不予公开的政府信息。${basis}，本机关决定不予公开，理由是：${a.reason}`,
      ];
    case 'notExist':
      return [`经检索，本机关没有您申请公开的政府信息。${basis}，告知您该政府信息不存在。${a.reason}`];
    case 'notResponsible':
      return [
        `经审查，您申请获取的政府信息不属于本机关负责公开。${basis}，告知您负责公开该政府信息的行政机关为${a.otherBody!.name}，联系方式：${a.otherBody!.contact}。${a.reason ?? ''}`,
      ];
    case 'repeated':
      return [`本机关已就您此前提出的相同政府信息公开申请作出答复。${basis}，对您重复申请公开相同政府信息不予重复处理。${a.reason}`];
    case 'specialProcedure':
      return [`您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的信息。${basis}，请依照有关法律、行政法规的规定办理：${a.reason}`];
    case 'notGovernmentInfo':
      return [
        `经审查，您提出的申请不属于《中华人民共和国政府信息公开条例》第二条规定的政府信息或者第三十九条规定的情形，本机关不作为政府信息公开申请处理：${a.reason}`,
      ];
    case 'unclear':
      return [
        '本机关已告知您对申请内容作出补正，您无正当理由逾期未补正。根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。',
      ];
  }
}

/** The article citations of the answer period (for legalRules / the console). */
export const disclosureBasis = {
  answer: `${OGI}#第三十三条`,
  correction: `${OGI}#第三十条`,
  thirdParty: `${OGI}#第三十二条`,
  answers: `${OGI}#第三十六条`,
  report: `${OGI}#第五十条`,
} as const;

/** A query code the applicant can type: 12 characters from an alphabet without 0/O/1/I/L, in groups of four. */
export const QUERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function formatQueryCode(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += QUERY_CODE_ALPHABET[bytes[i] % QUERY_CODE_ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}
export const isQueryCode = (s: string) => /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/.test(s);

/** 检察建议、司法建议 and similar recommendations from outside. */
export const recommendationKinds = {
  procuratorial: '检察建议',
  procuratorialConsultation: '磋商意见',
  judicial: '司法建议',
  other: '其他建议',
} as const;
export type RecommendationKind = keyof typeof recommendationKinds;
export const recommendationKindIds = Object.keys(recommendationKinds) as [RecommendationKind, ...RecommendationKind[]];

export const recommendationStates = {
  received: '待分办',
  assigned: '办理中',
  answered: '已回复',
  filed: '已归档',
} as const;
