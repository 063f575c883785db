/**
 * The rules of 行政复议 and 行政应诉 in the 规则目录 (domain/legalRules.ts): who must appear for the bureau in court, and
 * what an outcome does to the act and its publication. Each `check` is the function the workflow runs
 * (domain/remedies/rules.ts).
 */
import { legalRule } from '../../domain/legalRules.ts';
import {
  ALL,
  appearanceProblems,
  appearanceSource,
  judgmentOutcomes,
  RAL,
  reconsiderationOutcomes,
  withdrawalGroundOf,
  type AbsenceGround,
  type AppearanceKind,
} from '../../domain/remedies/rules.ts';

const appearances: Record<string, AppearanceKind> = { 负责人出庭: 'head', 委托工作人员出庭: 'staff', 仅委托律师: 'lawyerOnly' };
const grounds: Record<string, AbsenceGround | null> = { 无: null, 正当理由: 'legitimate', 非应当出庭案件: 'notRequired' };
const outcomes: Record<string, string> = Object.fromEntries(
  [...Object.entries(reconsiderationOutcomes), ...Object.entries(judgmentOutcomes)].map(([k, v]) => [v.label, k]),
);

export const remedyLegalRules = [
  legalRule<{ appearance: string; headName: string; ground: string; reason: string; headRequired: boolean }, { lawful: boolean }>({
    id: 'remedies.headAppearance',
    kind: 'guard',
    name: '行政机关负责人出庭应诉',
    statement:
      '被诉行政机关负责人应当出庭应诉；不能出庭的，应当委托相应的工作人员出庭并说明理由，不得仅委托律师出庭。涉及重大公共利益、社会高度关注或者人民法院书面建议负责人出庭的案件，只有正当理由方可不出庭。',
    basis: [`${ALL}#第三条`],
    sourceNote: appearanceSource,
    changedOn: '2026-12-07',
    fields: {
      appearance: '出庭情况',
      headName: '出庭负责人',
      ground: '未出庭的理由类别',
      reason: '理由',
      headRequired: '属应当出庭的案件',
      lawful: '符合规定',
    },
    examples: [
      {
        text: '第三条第三款“被诉行政机关负责人应当出庭应诉”：副局长出庭',
        given: { appearance: '负责人出庭', headName: '刘建国（副局长）', ground: '无', reason: '', headRequired: false },
        expect: { lawful: true },
      },
      {
        text: '“不能出庭的，应当委托行政机关相应的工作人员出庭”：委托法制科工作人员出庭并说明理由',
        given: { appearance: '委托工作人员出庭', headName: '', ground: '正当理由', reason: '负责人参加防汛抢险，不能出庭', headRequired: false },
        expect: { lawful: true },
      },
      {
        text: '负责人和工作人员均不出庭、仅委托律师出庭的，不符合第三条第三款（解释第一百三十二条）',
        given: { appearance: '仅委托律师', headName: '', ground: '正当理由', reason: '工作繁忙', headRequired: false },
        expect: { lawful: false },
      },
      {
        text: '人民法院书面建议负责人出庭的案件（解释第一百二十九条），以非应当出庭案件为由不出庭的，不符合规定',
        given: { appearance: '委托工作人员出庭', headName: '', ground: '非应当出庭案件', reason: '委托法制科出庭', headRequired: true },
        expect: { lawful: false },
      },
    ],
    check: (g) => ({
      lawful: !appearanceProblems({
        appearance: appearances[g.appearance],
        headName: g.headName,
        headTitle: g.headName ? '负责人' : '',
        absenceGround: grounds[g.ground],
        absenceReason: g.reason,
        headRequired: g.headRequired,
      }).length,
    }),
  }),
  legalRule<{ outcome: string }, { publicity: string }>({
    id: 'remedies.publicityWithdrawal',
    kind: 'guard',
    name: '复议决定、生效裁判变更或者撤销处罚决定的，撤回公示',
    statement:
      '行政复议决定或者生效裁判变更、撤销行政处罚决定或者确认其违法、无效的，原公示信息应当撤回（登记被变更或者撤销之日起三个工作日内）；维持、驳回的，公示不变。',
    basis: [`${RAL}#第六十三条`, `${RAL}#第六十四条`, `${RAL}#第六十五条`, `${ALL}#第七十条`, '市场监督管理行政处罚信息公示规定@2021-07-30#第十一条'],
    changedOn: '2026-12-07',
    fields: { outcome: '复议决定或者裁判结果', publicity: '公示' },
    examples: [
      { text: '行政复议法第六十四条：复议机关决定撤销处罚决定的，撤回公示（撤销）', given: { outcome: '撤销（部分撤销）' }, expect: { publicity: 'revoked' } },
      { text: '行政复议法第六十三条：决定变更的，撤回原公示（变更）', given: { outcome: '变更' }, expect: { publicity: 'changed' } },
      { text: '行政复议法第六十八条：决定维持的，公示不变', given: { outcome: '维持' }, expect: { publicity: 'none' } },
      { text: '行政诉讼法第七十四条：判决确认违法的，撤回公示（确认违法）', given: { outcome: '确认违法' }, expect: { publicity: 'unlawful' } },
    ],
    check: (g) => {
      const id = outcomes[g.outcome];
      const o =
        (reconsiderationOutcomes as Record<string, (typeof reconsiderationOutcomes)[keyof typeof reconsiderationOutcomes]>)[id] ??
        (judgmentOutcomes as Record<string, (typeof judgmentOutcomes)[keyof typeof judgmentOutcomes]>)[id];
      return { publicity: (o && withdrawalGroundOf(o)) ?? 'none' };
    },
  }),
];
