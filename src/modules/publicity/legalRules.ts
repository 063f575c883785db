/**
 * The publicity rules in the 规则目录 (domain/legalRules.ts): which decisions are published, which
 * publicity period applies, how an identity number is masked. Each `check` is the function the
 * publication workflow runs (domain/publicity/rules.ts).
 */
import { penaltyKinds, type PenaltyKind } from '../../domain/discretion/vocabulary.ts';
import { legalRule } from '../../domain/legalRules.ts';
import { maskIdNumber, publicationRequirement, publicityPeriodRule, type DecisionFacts } from '../../domain/publicity/rules.ts';

const PUB = '市场监督管理行政处罚信息公示规定@2021-07-30';

const kindByLabel = new Map(Object.entries(penaltyKinds).map(([k, v]) => [v as string, k as PenaltyKind]));
const kindsOf = (labels: readonly string[]): PenaltyKind[] =>
  labels.map((l) => {
    const k = kindByLabel.get(l);
    if (!k) throw new Error(`未知的处罚种类：${l}`);
    return k;
  });
const procedures = { 普通程序: 'ordinary', 简易程序: 'summary' } as const;
const outcomes = { 给予行政处罚: 'penalty', 不予行政处罚: 'noPenalty', 免予行政处罚: 'exempted' } as const;

export const publicityLegalRules = [
  legalRule<{ procedure: keyof typeof procedures; outcome: keyof typeof outcomes; penalties: readonly string[] }, { publish: boolean }>({
    id: 'publicity.required',
    kind: 'guard',
    name: '应当公示的行政处罚信息',
    statement:
      '适用普通程序作出的行政处罚决定，其信息记录于国家企业信用信息公示系统并向社会公示；仅受到警告的不予公示；适用简易程序作出的决定和不予、免予行政处罚的决定不公示。',
    basis: [`${PUB}#第二条`, `${PUB}#第九条`],
    changedOn: '2026-12-01',
    fields: { procedure: '程序', outcome: '决定', penalties: '处罚种类', publish: '应当公示' },
    examples: [
      {
        text: '第二条第一款“对适用普通程序作出行政处罚决定的相关信息……向社会公示”',
        given: { procedure: '普通程序', outcome: '给予行政处罚', penalties: ['罚款'] },
        expect: { publish: true },
      },
      {
        text: '第二条第二款“仅受到警告行政处罚的不予公示”',
        given: { procedure: '普通程序', outcome: '给予行政处罚', penalties: ['警告'] },
        expect: { publish: false },
      },
      {
        text: '警告并处罚款的，不是“仅受到警告”，应当公示',
        given: { procedure: '普通程序', outcome: '给予行政处罚', penalties: ['警告', '罚款'] },
        expect: { publish: true },
      },
      {
        text: '第二条只规定适用普通程序作出的决定：当场作出的罚款决定不公示',
        given: { procedure: '简易程序', outcome: '给予行政处罚', penalties: ['罚款'] },
        expect: { publish: false },
      },
      { text: '不予行政处罚决定不是行政处罚信息', given: { procedure: '普通程序', outcome: '不予行政处罚', penalties: [] }, expect: { publish: false } },
    ],
    check: (g) => {
      const d: DecisionFacts = { procedure: procedures[g.procedure], outcome: outcomes[g.outcome], penalties: kindsOf(g.penalties).map((kind) => ({ kind })) };
      return { publish: publicationRequirement(d).publish };
    },
  }),
  legalRule<{ penalties: readonly string[]; fineYuan: number; lowFineYuan: number | null }, { period: string }>({
    id: 'publicity.periodChoice',
    kind: 'threshold',
    name: '行政处罚信息公示期的确定',
    statement:
      '仅受到通报批评或者较低数额罚款的，公示期为三个月；其他行政处罚信息公示期为三年。“较低数额罚款”由省级以上市场监督管理部门规定，未规定的按三年公示。',
    basis: [`${PUB}#第十三条`],
    changedOn: '2026-12-01',
    fields: { penalties: '处罚种类', fineYuan: '罚款（元）', lowFineYuan: '本省“较低数额罚款”上限（元）', period: '公示期' },
    examples: [
      {
        text: '第十三条第一款“仅受到通报批评……的行政处罚信息自公示之日起届满三个月的，停止公示”',
        given: { penalties: ['通报批评'], fineYuan: 0, lowFineYuan: 5000 },
        expect: { period: '三个月' },
      },
      {
        text: '罚款3000元，不超过本省规定的较低数额5000元：三个月',
        given: { penalties: ['罚款'], fineYuan: 3000, lowFineYuan: 5000 },
        expect: { period: '三个月' },
      },
      {
        text: '罚款20000元，超过较低数额：“其他行政处罚信息自公示之日起届满三年的，停止公示”',
        given: { penalties: ['罚款'], fineYuan: 20000, lowFineYuan: 5000 },
        expect: { period: '三年' },
      },
      {
        text: '罚款并没收违法所得，不是“仅受到……较低数额罚款”：三年',
        given: { penalties: ['罚款', '没收违法所得'], fineYuan: 1000, lowFineYuan: 5000 },
        expect: { period: '三年' },
      },
      { text: '本省未规定较低数额的：三年', given: { penalties: ['罚款'], fineYuan: 1000, lowFineYuan: null }, expect: { period: '三年' } },
    ],
    check: (g) => {
      const penalties = kindsOf(g.penalties).map((kind) => ({ kind, amountFen: kind === 'fine' ? g.fineYuan * 100 : null }));
      const rule = publicityPeriodRule(penalties, g.lowFineYuan === null ? null : g.lowFineYuan * 100);
      return { period: rule === 'publicity.period.low' ? '三个月' : '三年' };
    },
  }),
  legalRule<{ idNumber: string }, { published: string }>({
    id: 'publicity.maskIdNumber',
    kind: 'guard',
    name: '公示信息中的身份证件号码',
    statement: '公示自然人的身份证件号码时只保留前六位和后四位，其余以“*”代替。',
    basis: [`${PUB}#第六条`],
    sourceNote: '第六条只要求对个人信息“进行必要的处理”；保留前六位、后四位是平台的处理方式（RULES.md），不是条文规定的格式',
    changedOn: '2026-12-01',
    fields: { idNumber: '身份证件号码', published: '公示的号码' },
    examples: [
      {
        text: '第六条“对信息进行必要的处理”：18位身份证号码公示为前六位、后四位',
        given: { idNumber: '440105199001011234' },
        expect: { published: '440105********1234' },
      },
    ],
    check: (g) => ({ published: maskIdNumber(g.idNumber) }),
  }),
];
