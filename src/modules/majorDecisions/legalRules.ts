/**
 * The rules of 重大行政决策程序暂行条例 the module enforces, in the 规则目录 (domain/legalRules.ts): each `check` calls
 * the pure function the guard calls (domain/majorDecisions/rules.ts), with examples taken from the articles.
 */
import { legalRule } from '../../domain/legalRules.ts';
import {
  commentPeriodProblem,
  evaluatorProblem,
  headReasonRequired,
  hearingMaterialsLatest,
  riskProblem,
  type MemberOpinion,
} from '../../domain/majorDecisions/rules.ts';

const R = '重大行政决策程序暂行条例@2019-04-20';

export const majorDecisionLegalRules = [
  legalRule<{ days: number; shortenedReason: string }, { mayOpen: boolean }>({
    id: 'majorDecisions.commentPeriod',
    kind: 'guard',
    name: '重大行政决策公开征求意见的期限',
    statement: '决策事项向社会公开征求意见的，期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明（说明理由后方可缩短）。',
    basis: [`${R}#第十五条`],
    changedOn: '2026-12-07',
    fields: { days: '征求意见期限（日）', shortenedReason: '缩短期限的说明', mayOpen: '可以公开征求意见' },
    examples: [
      { text: '第十五条“公开征求意见的期限一般不少于30日”：期限30日的，可以', given: { days: 30, shortenedReason: '' }, expect: { mayOpen: true } },
      { text: '期限15日且未说明理由的，不可以', given: { days: 15, shortenedReason: '' }, expect: { mayOpen: false } },
      {
        text: '“因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明”：期限15日并说明情况紧急的，可以',
        given: { days: 15, shortenedReason: '食品安全风险隐患亟需整治，情况紧急' },
        expect: { mayOpen: true },
      },
    ],
    check: (g) => ({ mayOpen: commentPeriodProblem(g.days, g.shortenedReason) === null }),
  }),
  legalRule<{ heldOn: string }, { latestDelivery: string }>({
    id: 'majorDecisions.hearingMaterials',
    kind: 'deadline',
    name: '重大行政决策听证会材料的送达',
    statement: '召开听证会的，听证会材料应当于召开听证会7日前送达听证参加人：送达日与听证会召开日之间须有完整的7日（按自然日计算）。',
    basis: [`${R}#第十六条`],
    changedOn: '2026-12-07',
    fields: { heldOn: '听证会召开日期', latestDelivery: '最迟送达日期' },
    examples: [
      {
        text: '第十六条第三款“听证会材料应当于召开听证会7日前送达听证参加人”：2026年3月20日召开，3月13日至19日为完整的7日，最迟3月12日送达',
        given: { heldOn: '2026-03-20' },
        expect: { latestDelivery: '2026-03-12' },
      },
      {
        text: '跨月：2026年10月9日召开，最迟10月1日送达（“7日”为自然日，节假日照算）',
        given: { heldOn: '2026-10-09' },
        expect: { latestDelivery: '2026-10-01' },
      },
    ],
    check: (g) => ({ latestDelivery: hearingMaterialsLatest(g.heldOn) }),
  }),
  legalRule<{ conclusion: 'controllable' | 'uncontrollable'; measuresTaken: string }, { mayProceed: boolean }>({
    id: 'majorDecisions.riskControllable',
    kind: 'guard',
    name: '风险评估结论与作出决策',
    statement:
      '决策机关认为风险可控的，可以作出决策；认为风险不可控的，在采取调整决策草案等措施确保风险可控后，可以作出决策。风险评估结论为不可控的，须记录所采取的措施。',
    basis: [`${R}#第二十四条`],
    changedOn: '2026-12-07',
    fields: { conclusion: '风险评估结论', measuresTaken: '确保风险可控的措施', mayProceed: '可以继续决策程序' },
    examples: [
      { text: '第二十四条“认为风险可控的，可以作出决策”', given: { conclusion: 'controllable', measuresTaken: '' }, expect: { mayProceed: true } },
      { text: '认为风险不可控、未采取措施的，不可以', given: { conclusion: 'uncontrollable', measuresTaken: '' }, expect: { mayProceed: false } },
      {
        text: '“在采取调整决策草案等措施确保风险可控后，可以作出决策”',
        given: { conclusion: 'uncontrollable', measuresTaken: '调整草案，设置一年过渡期并分步实施' },
        expect: { mayProceed: true },
      },
    ],
    check: (g) => ({ mayProceed: riskProblem(g.conclusion, g.measuresTaken) === null }),
  }),
  legalRule<{ opinions: readonly string[]; adopt: boolean }, { reasonRequired: boolean }>({
    id: 'majorDecisions.headReason',
    kind: 'guard',
    name: '行政首长的决定与多数意见不一致时说明理由',
    statement:
      '讨论决策草案，会议组成人员充分发表意见，行政首长最后发表意见；行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由。不同意见应当如实载明。',
    basis: [`${R}#第三十条`],
    changedOn: '2026-12-07',
    fields: { opinions: '会议组成人员的意见', adopt: '行政首长决定通过', reasonRequired: '须说明理由' },
    examples: [
      {
        text: '多数同意、行政首长决定通过的，无须说明理由',
        given: { opinions: ['agree', 'agree', 'disagree'], adopt: true },
        expect: { reasonRequired: false },
      },
      {
        text: '第三十条第二款“行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由”：多数不同意而决定通过的，须说明理由',
        given: { opinions: ['disagree', 'disagree', 'agree'], adopt: true },
        expect: { reasonRequired: true },
      },
      { text: '多数同意而决定不予通过的，须说明理由', given: { opinions: ['agree', 'agree', 'abstain'], adopt: false }, expect: { reasonRequired: true } },
    ],
    check: (g) => ({ reasonRequired: headReasonRequired(g.opinions as MemberOpinion[], g.adopt) }),
  }),
  legalRule<{ evaluator: string; earlierAssessors: readonly string[] }, { mayEvaluate: boolean }>({
    id: 'majorDecisions.postEvaluator',
    kind: 'guard',
    name: '决策后评估的承担单位',
    statement: '开展决策后评估，可以委托专业机构、社会组织等第三方进行，决策作出前承担主要论证评估工作的单位除外。',
    basis: [`${R}#第三十六条`],
    changedOn: '2026-12-07',
    fields: { evaluator: '受委托的第三方', earlierAssessors: '决策作出前承担论证评估的单位', mayEvaluate: '可以承担决策后评估' },
    examples: [
      {
        text: '第三十六条第二款：未参与决策前论证评估的第三方，可以',
        given: { evaluator: '示例大学公共政策研究院', earlierAssessors: ['示例社会稳定风险评估中心'] },
        expect: { mayEvaluate: true },
      },
      {
        text: '“决策作出前承担主要论证评估工作的单位除外”',
        given: { evaluator: '示例社会稳定风险评估中心', earlierAssessors: ['示例社会稳定风险评估中心'] },
        expect: { mayEvaluate: false },
      },
    ],
    check: (g) => ({ mayEvaluate: evaluatorProblem(g.evaluator, g.earlierAssessors) === null }),
  }),
];
