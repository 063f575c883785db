/**
 * The legality rules in the 规则目录 (domain/legalRules.ts): the gate, the opinion's completeness, the minimum review
 * time. Each `check` is the function the workflow runs (domain/legality/rules.ts).
 */
import { legalRule } from '../../domain/legalRules.ts';
import { DECISION_ACT, legalityGate, minimumPeriodProblem, opinionProblems, reviewKinds, type ReviewOpinion } from '../../domain/legality/rules.ts';

const opinions: Record<string, ReviewOpinion | null> = { 无: null, 合法: 'lawful', 修改后合法: 'lawfulAfterChanges', 不合法: 'unlawful' };
const states: Record<string, string | null> = { 未送审: null, 审查中: 'underReview', 已出具意见: 'concluded' };

export const legalityLegalRules = [
  legalRule<{ state: string; opinion: string }, { mayProceed: boolean; code: string | null }>({
    id: 'legality.gate',
    kind: 'guard',
    name: '未经合法性审查或者经审查不合法的，不得进入下一环节',
    statement:
      '决策草案（规范性文件送审稿、合同）提交决策机关讨论（集体审议、签订）前，须经合法性审查并且最近一次审查意见为“合法”或者“修改后合法”；未送审、审查中或者审查不合法的，不得进入下一环节。',
    basis: [`${DECISION_ACT}#第二十五条`],
    changedOn: '2026-12-07',
    fields: { state: '合法性审查', opinion: '审查意见', mayProceed: '可以进入下一环节', code: '错误代码' },
    examples: [
      {
        text: '第二十五条第二款“决策草案未经合法性审查……的，不得提交决策机关讨论”',
        given: { state: '未送审', opinion: '无' },
        expect: { mayProceed: false, code: 'LEGALITY_REVIEW_MISSING' },
      },
      { text: '审查尚未出具意见的，不得提交讨论', given: { state: '审查中', opinion: '无' }, expect: { mayProceed: false, code: 'LEGALITY_REVIEW_PENDING' } },
      {
        text: '“经审查不合法的，不得提交决策机关讨论”',
        given: { state: '已出具意见', opinion: '不合法' },
        expect: { mayProceed: false, code: 'LEGALITY_REVIEW_UNLAWFUL' },
      },
      {
        text: '按审查意见修改后合法的，可以提交讨论（第二十八条：决策承办单位根据合法性审查意见进行必要的调整）',
        given: { state: '已出具意见', opinion: '修改后合法' },
        expect: { mayProceed: true, code: null },
      },
      { text: '审查合法的，可以提交讨论', given: { state: '已出具意见', opinion: '合法' }, expect: { mayProceed: true, code: null } },
    ],
    check: (g) => {
      const s = states[g.state];
      const p = legalityGate('majorPolicyDecision', s ? { state: s, opinion: opinions[g.opinion] ?? null } : null);
      return { mayProceed: !p, code: p?.code ?? null };
    },
  }),
  legalRule<{ requestedOn: string; earliestOn: string; opinionOn: string; earlyReason: string }, { allowed: boolean }>({
    id: 'legality.minimumPeriod',
    kind: 'guard',
    name: '合法性审查的最短审查时间',
    statement:
      '送请合法性审查，应当保证必要的审查时间：重大行政决策一般不少于7个工作日（第二十六条第二款），行政规范性文件原则上不少于5个工作日（国办发〔2018〕115号）。最短审查时间届满前出具审查意见的，须载明理由。',
    basis: [`${DECISION_ACT}#第二十六条`],
    sourceNote:
      '行政规范性文件的5个工作日出自《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号，文本未入库，未经平台核对）',
    changedOn: '2026-12-07',
    fields: { requestedOn: '送审日期', earliestOn: '最短审查时间届满日', opinionOn: '出具意见日期', earlyReason: '提前出具的理由', allowed: '可以出具' },
    examples: [
      {
        text: '“一般不少于7个工作日”：2026年9月28日送审，10月13日届满；10月9日出具意见而未说明理由的，不予出具',
        given: { requestedOn: '2026-09-28', earliestOn: '2026-10-13', opinionOn: '2026-10-09', earlyReason: '' },
        expect: { allowed: false },
      },
      {
        text: '“一般”：有紧急情况并载明理由的，可以提前出具',
        given: { requestedOn: '2026-09-28', earliestOn: '2026-10-13', opinionOn: '2026-10-09', earlyReason: '市政府要求10月10日前提交常务会议审议' },
        expect: { allowed: true },
      },
      {
        text: '届满之日出具意见',
        given: { requestedOn: '2026-09-28', earliestOn: '2026-10-13', opinionOn: '2026-10-13', earlyReason: '' },
        expect: { allowed: true },
      },
    ],
    check: (g) => ({ allowed: !minimumPeriodProblem(g.opinionOn, g.earliestOn, g.earlyReason, '') }),
  }),
  legalRule<{ opinion: string; failedItems: number; reasons: string }, { problems: readonly string[] }>({
    id: 'legality.opinionReasons',
    kind: 'guard',
    name: '合法性审查意见须逐项审查并说明理由',
    statement:
      '合法性审查的内容包括决策事项是否符合法定权限、是否履行法定程序、内容是否符合法律法规规章和国家政策；逐项作出结论，“不符合”的说明理由；审查意见为“修改后合法”或者“不合法”的，须载明理由和修改意见；有不符合的事项，不能认定为“合法”。',
    basis: [`${DECISION_ACT}#第二十七条`, `${DECISION_ACT}#第二十八条`],
    changedOn: '2026-12-07',
    fields: { opinion: '审查意见', failedItems: '不符合的事项数', reasons: '理由', problems: '问题' },
    examples: [
      { text: '逐项符合，意见为合法', given: { opinion: '合法', failedItems: 0, reasons: '' }, expect: { problems: [] } },
      { text: '不合法须载明理由', given: { opinion: '不合法', failedItems: 1, reasons: '' }, expect: { problems: ['REASON_REQUIRED'] } },
      {
        text: '有不符合的事项，不能认定为合法',
        given: { opinion: '合法', failedItems: 1, reasons: '' },
        expect: { problems: ['LEGALITY_OPINION_INCONSISTENT'] },
      },
      { text: '修改后合法并载明修改意见', given: { opinion: '修改后合法', failedItems: 1, reasons: '删除第六条第二款' }, expect: { problems: [] } },
    ],
    check: (g) => {
      const items = reviewKinds.majorPolicyDecision.checklist;
      const checklist = items.map((i, n) => ({
        item: i.id,
        verdict: n < g.failedItems ? ('fail' as const) : ('pass' as const),
        note: n < g.failedItems ? '理由' : null,
      }));
      return { problems: opinionProblems('majorPolicyDecision', { checklist, opinion: opinions[g.opinion]!, reasons: g.reasons }).map((p) => p.code) };
    },
  }),
];
