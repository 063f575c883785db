/**
 * 重大行政决策 (重大行政决策程序暂行条例, 2019; a district 市场监督管理局 is a 县级以上人民政府部门, which follows it
 * by 第四十二条 "参照本条例规定执行"): the closed sets of the procedure and the pure rules its gates apply. Every
 * ground to leave a step out quotes the article that allows it; a step the text does not let the body leave out has
 * no ground here. Pure: the workflow's guards, the 规则目录 and the console read the same tables.
 */

/** 第三条第一款: the kinds of decision items a catalogue lists. */
export const decisionCategories = {
  publicPolicy: '（一）制定有关公共服务、市场监管、社会管理、环境保护等方面的重大公共政策和措施',
  plan: '（二）制定经济和社会发展等方面的重要规划',
  resources: '（三）制定开发利用、保护重要自然资源和文化资源的重大公共政策和措施',
  project: '（四）决定在本行政区域实施的重大公共建设项目',
  other: '（五）决定对经济社会发展有重大影响、涉及重大公共利益或者社会公众切身利益的其他重大事项',
} as const;
export type DecisionCategory = keyof typeof decisionCategories;

/** 第十四条第二款: the ways of hearing opinions (公开征求意见 runs through the consultation module). */
export const participationMethods = {
  symposium: '座谈会',
  hearing: '听证会',
  visit: '实地走访',
  writtenConsultation: '书面征求意见',
  survey: '问卷调查',
  poll: '民意调查',
} as const;
export type ParticipationMethod = keyof typeof participationMethods;

/** The only ground the text gives to leave out 公众参与: 第十四条第一款. */
export const participationSkipGrounds = {
  notPublic: '依法不予公开的决策事项（第十四条第一款“依法不予公开的决策事项除外”）',
} as const;

/** 第十九条第一款 requires 专家论证 only for items "专业性、技术性较强". */
export const expertSkipGrounds = {
  notTechnical: '决策事项专业性、技术性不强，不属于第十九条第一款“对专业性、技术性较强的决策事项”应当组织专家论证的情形',
} as const;

/** 第二十二条: 风险评估 where the decision may have adverse effects; no repeated assessment. */
export const riskSkipGrounds = {
  noAdverseEffect: '决策实施不会对社会稳定、公共安全等方面造成不利影响（第二十二条第一款）',
  alreadyAssessed: '按照有关规定已对有关风险进行评价、评估（第二十二条第二款“不作重复评估”）',
} as const;

/** 第二十四条: the assessment's conclusion. */
export const riskConclusions = {
  controllable: '风险可控',
  uncontrollable: '风险不可控',
} as const;
export type RiskConclusion = keyof typeof riskConclusions;

/** The risk level the assessment report states (第二十三条第二款 明确风险点); a label of the report, not a rule. */
export const riskLevels = { low: '低风险', medium: '中风险', high: '高风险' } as const;
export type RiskLevel = keyof typeof riskLevels;

/** 第二十条第一款: how experts give their opinions. */
export const expertMethods = { meeting: '论证会', written: '书面咨询', commissioned: '委托咨询论证' } as const;

/** 第三十条第一款: the meeting at which the draft is discussed (a department: its 局务会, 第四十二条 参照). */
export const meetingKinds = { executive: '常务会议（局长办公会议）', plenary: '全体会议（局务会议）' } as const;

/** Each member's opinion at the discussion (第三十条第二款、第三款). */
export const memberOpinions = { agree: '同意', disagree: '不同意', abstain: '保留意见' } as const;
export type MemberOpinion = keyof typeof memberOpinions;

/** 第三十六条第一款: the grounds on which the body may organise a 决策后评估. */
export const postEvaluationGrounds = {
  belowExpectation: '（一）重大行政决策实施后明显未达到预期效果',
  manyOpinions: '（二）公民、法人或者其他组织提出较多意见',
  bodyDeems: '（三）决策机关认为有必要',
} as const;

/** What the 决策后评估 recommends (第三十六条第四款: the basis for adjusting the decision, 第三十七条). */
export const postEvaluationConclusions = {
  continue: '继续执行',
  adjust: '调整决策（依法履行相关法定程序）',
  stop: '停止执行（依法履行相关法定程序）',
} as const;

/** The catalogue's states and the decision's, for the console and the portal (the workflows use the same labels). */
export const catalogueStateLabels = { draft: '草拟', approved: '已经同级党委同意', published: '已向社会公布' } as const;

export const decisionStateLabels = {
  drafting: '拟订决策草案（公众参与、专家论证、风险评估）',
  inLegalityReview: '合法性审查',
  decided: '已集体讨论决定',
  notAdopted: '集体讨论决定不予通过',
  published: '已公布',
  executing: '执行中',
  evaluating: '决策后评估',
  archived: '已归档',
} as const;
export type DecisionState = keyof typeof decisionStateLabels;

// ─── pure rules (the guards and the 规则目录 call these) ─────────────────────

export const COMMENT_MIN_DAYS = 30;

/**
 * 第十五条第一款: "公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明".
 * A shorter period needs its reason stated when the comment opens.
 */
export function commentPeriodProblem(days: number, shortenedReason: string | null | undefined): string | null {
  if (days >= COMMENT_MIN_DAYS) return null;
  if (shortenedReason && shortenedReason.trim().length > 0) return null;
  return `公开征求意见的期限一般不少于30日（重大行政决策程序暂行条例第十五条第一款）；拟定 ${days} 日，因情况紧急等原因需要缩短期限的，应当在公开征求意见时予以说明`;
}

/**
 * 第二十四条: "决策机关认为风险可控的，可以作出决策；认为风险不可控的，在采取调整决策草案等措施确保风险可控后，可以作出决策".
 * A conclusion of 风险不可控 lets the procedure go on only with the measures taken that make it controllable.
 */
export function riskProblem(conclusion: RiskConclusion, measuresTaken: string | null | undefined): string | null {
  if (conclusion === 'controllable') return null;
  if (measuresTaken && measuresTaken.trim().length > 0) return null;
  return '风险评估认为风险不可控的，在采取调整决策草案等措施确保风险可控后，方可作出决策（重大行政决策程序暂行条例第二十四条）；请记录所采取的措施';
}

/**
 * 第三十条第二款: "行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由".
 * `adopt`: the head's decision adopts the draft. A majority: more than half of the members' opinions.
 */
export function headReasonRequired(opinions: readonly MemberOpinion[], adopt: boolean): boolean {
  const agree = opinions.filter((o) => o === 'agree').length;
  const against = opinions.length - agree;
  if (adopt) return against * 2 > opinions.length;
  return agree * 2 > opinions.length;
}

/** 第三十六条第二款: "可以委托专业机构、社会组织等第三方进行，决策作出前承担主要论证评估工作的单位除外". */
export function evaluatorProblem(evaluator: string, earlierAssessors: readonly string[]): string | null {
  const name = evaluator.trim();
  return earlierAssessors.some((a) => a.trim() === name)
    ? `“${name}”在决策作出前承担了主要论证评估工作，不得承担决策后评估（重大行政决策程序暂行条例第三十六条第二款）`
    : null;
}

/**
 * 第十六条第三款: "听证会材料应当于召开听证会7日前送达听证参加人". The latest day of delivery leaves seven full calendar
 * days before the hearing — neither the delivery day nor the hearing day counts, as the platform reads 行政处罚法
 * 第六十四条 "七日前" (the text says 日, not 工作日: calendar days).
 */
export function hearingMaterialsLatest(heldOn: string): string {
  const d = new Date(`${heldOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 8);
  return d.toISOString().slice(0, 10);
}
