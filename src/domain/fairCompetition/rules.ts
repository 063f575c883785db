/**
 * 公平竞争审查 (fairCompetitionReview): the review standards of 公平竞争审查条例 (2024) as data — the prohibitions of
 * 第八条–第十一条 as a checklist, the exceptions of 第十二条 — and the pure checks of a conclusion. No I/O.
 */

const FCR = '公平竞争审查条例@2024-06-06';

export interface ChecklistItem {
  /** stable id: art8.1 … art11.4 */
  id: string;
  /** the article and item, as a citation of the law library */
  basis: string;
  /** the article's category (限制市场准入和退出 …) */
  category: string;
  /** the prohibited content, quoted */
  text: string;
}

const item = (article: 8 | 9 | 10 | 11, n: number, category: string, text: string): ChecklistItem => ({
  id: `art${article}.${n}`,
  basis: `${FCR}#第${['', '', '', '', '', '', '', '', '八', '九', '十', '十一'][article]}条`,
  category,
  text,
});

const ENTRY = '限制或者变相限制市场准入和退出';
const FLOW = '限制商品、要素自由流动';
const COST = '影响生产经营成本（没有法律、行政法规依据或者未经国务院批准）';
const CONDUCT = '影响生产经营行为';

/** 第八条–第十一条: every item a measure is checked against (the text quoted from the article). */
export const fairCompetitionChecklist: readonly ChecklistItem[] = [
  item(8, 1, ENTRY, '对市场准入负面清单以外的行业、领域、业务等违法设置审批程序'),
  item(8, 2, ENTRY, '违法设置或者授予特许经营权'),
  item(8, 3, ENTRY, '限定经营、购买或者使用特定经营者提供的商品或者服务'),
  item(8, 4, ENTRY, '设置不合理或者歧视性的准入、退出条件'),
  item(8, 5, ENTRY, '其他限制或者变相限制市场准入和退出的内容'),
  item(9, 1, FLOW, '限制外地或者进口商品、要素进入本地市场，或者阻碍本地经营者迁出，商品、要素输出'),
  item(9, 2, FLOW, '排斥、限制、强制或者变相强制外地经营者在本地投资经营或者设立分支机构'),
  item(9, 3, FLOW, '排斥、限制或者变相限制外地经营者参加本地政府采购、招标投标'),
  item(9, 4, FLOW, '对外地或者进口商品、要素设置歧视性收费项目、收费标准、价格或者补贴'),
  item(9, 5, FLOW, '在资质标准、监管执法等方面对外地经营者在本地投资经营设置歧视性要求'),
  item(9, 6, FLOW, '其他限制商品、要素自由流动的内容'),
  item(10, 1, COST, '给予特定经营者税收优惠'),
  item(10, 2, COST, '给予特定经营者选择性、差异化的财政奖励或者补贴'),
  item(10, 3, COST, '给予特定经营者要素获取、行政事业性收费、政府性基金、社会保险费等方面的优惠'),
  item(10, 4, COST, '其他影响生产经营成本的内容'),
  item(11, 1, CONDUCT, '强制或者变相强制经营者实施垄断行为，或者为经营者实施垄断行为提供便利条件'),
  item(11, 2, CONDUCT, '超越法定权限制定政府指导价、政府定价，为特定经营者提供优惠价格'),
  item(11, 3, CONDUCT, '违法干预实行市场调节价的商品、要素的价格水平'),
  item(11, 4, CONDUCT, '其他影响生产经营行为的内容'),
];
export const checklistItemIds = fairCompetitionChecklist.map((i) => i.id);
/** 第八条第三项 … for each checklist item (the record's words for an item id). */
export const fairCompetitionItemLabels: Readonly<Record<string, string>> = Object.fromEntries(
  fairCompetitionChecklist.map((i) => [i.id, `${i.basis.split('#')[1]}第${['', '一', '二', '三', '四', '五', '六'][Number(i.id.split('.')[1])]}项：${i.text}`]),
);

/** 第十二条: the grounds on which a measure with (possible) effects of excluding or restricting competition may issue. */
export const exceptionGrounds = {
  nationalSecurity: '为维护国家安全和发展利益的（第十二条第一项）',
  innovation: '为促进科学技术进步、增强国家自主创新能力的（第十二条第二项）',
  publicInterest: '为实现节约能源、保护环境、救灾救助等社会公共利益的（第十二条第三项）',
  otherLaw: '法律、行政法规规定的其他情形（第十二条第四项）',
} as const;
export type ExceptionGround = keyof typeof exceptionGrounds;

export const conclusions = {
  mayIssue: '可以出台',
  mustAmend: '应当修改后出台',
  mayNotIssue: '不得出台',
} as const;
export type Conclusion = keyof typeof conclusions;

export const fairCompetitionStates = {
  selfReview: '起草单位审查中',
  jointReview: '会审中',
  amendmentRequired: '应当修改',
  mayIssue: '审查通过，可以出台',
  mayNotIssue: '不得出台',
} as const;

export interface ChecklistAnswer {
  item: string;
  /** does the measure contain this content? */
  contains: boolean;
  note?: string | null;
}

export interface ExceptionClaim {
  ground: ExceptionGround;
  /** 第十七条第二款: 适用第十二条的，应当在审查结论中详细说明 */
  justification: string;
  /** 第十二条: 没有对公平竞争影响更小的替代方案 */
  noLessRestrictiveAlternative: boolean;
  /** 第十二条: 合理的实施期限或者终止条件 */
  period: string;
}

export interface ConclusionInput {
  checklist: readonly ChecklistAnswer[];
  exceptions: readonly ExceptionClaim[];
  conclusion: Conclusion;
}

export type FairProblem = {
  code: 'FAIR_COMPETITION_CHECKLIST_INCOMPLETE' | 'FAIR_COMPETITION_EXCEPTION_UNJUSTIFIED' | 'FAIR_COMPETITION_CONCLUSION_INVALID';
  message: string;
};

/**
 * Checks a conclusion against its checklist (第十七条、第十八条、第十二条): every item answered once; an exception claimed
 * only with its justification in detail (at least 20 characters), no less restrictive alternative and a period or end
 * condition; "may issue" only when no item is contained, or every contained item is covered by an exception; "may not
 * issue"/"must amend" need a contained item (otherwise there is nothing to amend).
 */
export function conclusionProblems(c: ConclusionInput): FairProblem[] {
  const problems: FairProblem[] = [];
  const answered = new Map(c.checklist.map((a) => [a.item, a]));
  const missing = checklistItemIds.filter((id) => !answered.has(id));
  const unknown = c.checklist.filter((a) => !checklistItemIds.includes(a.item)).map((a) => a.item);
  if (missing.length || unknown.length || answered.size !== c.checklist.length)
    problems.push({
      code: 'FAIR_COMPETITION_CHECKLIST_INCOMPLETE',
      message: `须对第八条至第十一条的每一项逐项作出判断${missing.length ? `（未判断：${missing.length} 项）` : ''}${unknown.length ? `（无此项：${unknown.join('、')}）` : ''}`,
    });
  for (const e of c.exceptions) {
    if (e.justification.trim().length < 20 || !e.noLessRestrictiveAlternative || e.period.trim().length < 2)
      problems.push({
        code: 'FAIR_COMPETITION_EXCEPTION_UNJUSTIFIED',
        message: `适用第十二条（${exceptionGrounds[e.ground] ?? e.ground}）的，应当详细说明理由（第十七条第二款），并说明没有对公平竞争影响更小的替代方案、确定合理的实施期限或者终止条件`,
      });
  }
  const contained = c.checklist.filter((a) => a.contains);
  if (c.conclusion === 'mayIssue' && contained.length > 0 && c.exceptions.length === 0)
    problems.push({
      code: 'FAIR_COMPETITION_CONCLUSION_INVALID',
      message: `政策措施含有第八条至第十一条禁止的内容（${contained.length} 项），且不适用第十二条的，不得出台（第十八条）：结论应为“应当修改后出台”或者“不得出台”`,
    });
  if (c.conclusion !== 'mayIssue' && contained.length === 0)
    problems.push({ code: 'FAIR_COMPETITION_CONCLUSION_INVALID', message: '逐项审查未发现第八条至第十一条禁止的内容，结论应为“可以出台”' });
  if (c.exceptions.length > 0 && contained.length === 0)
    problems.push({
      code: 'FAIR_COMPETITION_CONCLUSION_INVALID',
      message: '适用第十二条的前提是政策措施具有或者可能具有排除、限制竞争效果，请在逐项审查中标明所涉内容',
    });
  return problems;
}
