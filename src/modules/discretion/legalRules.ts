/**
 * The statutory effects of the discretion calculator in the 规则目录 (domain/legalRules.ts): which rule decides the
 * tier (`discretionRules`, domain/discretion/tiers.ts) and what the statute makes mandatory or reserves to another
 * authority. Each `check` runs the calculator itself (`calculateDiscretion`) on a violation of the sample catalogue
 * (seed/discretion, quoted from laws/) with its district benchmark; the examples name circumstances by their Chinese
 * labels.
 */
import { calculateDiscretion, type CalculationResult } from '../../domain/discretion/calculate.ts';
import { lawCircumstances } from '../../domain/discretion/circumstances.ts';
import { discretionRules, type DiscretionRuleId } from '../../domain/discretion/tiers.ts';
import type { PartyType } from '../../domain/discretion/vocabulary.ts';
import { legalRule, type LegalRule } from '../../domain/legalRules.ts';
import { sampleRules } from '../../seed/discretion/rules.ts';

const APL = '行政处罚法@2021-01-22';
let sample: ReturnType<typeof sampleRules> | null = null;
const catalogue = () => (sample ??= sampleRules('district'));

type Given = {
  /** "JZ-002 对商品作虚假或者引人误解的商业宣传": the code comes first */
  violation: string;
  party: string;
  circumstances: readonly string[];
  /** 货值金额 or 违法经营额 in 元, where the statute computes from one */
  baseYuan: number | null;
  /** default: the violation on 2026-06-01, decided on 2026-09-01 */
  violationDate?: string;
  decisionDate?: string;
};
const parties: Record<string, PartyType> = { 公民: 'naturalPerson', 法人或者其他组织: 'organisation' };

/** The calculator on the sample catalogue: the violation on 2026-06-01, decided on 2026-09-01. */
function calculate(g: Given): CalculationResult {
  const { violations, benchmarks, thresholds } = catalogue();
  const code = g.violation.split(/\s+/)[0];
  const violation = violations.find((v) => v.code === code);
  if (!violation) throw new Error(`样本目录中没有违法行为 ${code}`);
  const own = benchmarks.filter((b) => b.violationId === violation.id);
  const labels = new Map<string, string>();
  for (const c of [...lawCircumstances, ...own.flatMap((b) => b.circumstances), ...violation.conditions]) labels.set(c.label, c.id);
  const circumstances = g.circumstances.map((l) => {
    const id = labels.get(l);
    if (!id) throw new Error(`${code} 没有情节“${l}”`);
    return id;
  });
  const base = violation.provisions.flatMap((p) => p.branches ?? []).flatMap((b) => [b.min, b.max].flatMap((x) => ('base' in x ? [x.base] : [])))[0];
  return calculateDiscretion(
    {
      violationId: violation.id,
      violationDate: g.violationDate ?? '2026-06-01',
      decisionDate: g.decisionDate ?? '2026-09-01',
      partyType: parties[g.party] ?? 'organisation',
      bases: g.baseYuan !== null && base ? { [base]: g.baseYuan * 100 } : {},
      circumstances,
    },
    { violation, benchmarks: own, orgChain: ['station2', 'district', 'city'], thresholds },
  );
}

const decidedBy = (r: CalculationResult) => discretionRules[r.decidingRule.id as DiscretionRuleId]?.label ?? r.decidingRule.id;
const fields = {
  violation: '违法行为（样本目录）',
  party: '当事人',
  circumstances: '情节',
  baseYuan: '货值金额或违法经营额（元）',
  tier: '处罚阶次',
  decidedBy: '决定阶次的规则',
};

/** A catalogue entry for one of the calculator's tier rules: the tier and the rule that decided it. */
const tierRule = (
  id: DiscretionRuleId,
  r: { name: string; basis: string[]; sourceNote?: string; examples: { text: string; given: Given; expect: { tier: string; decidedBy: string } }[] },
): LegalRule =>
  legalRule<Given, { tier: string; decidedBy: string }>({
    id: `discretion.${id}`,
    kind: 'discretion',
    name: r.name,
    statement: discretionRules[id].statement,
    basis: r.basis,
    ...(r.sourceNote ? { sourceNote: r.sourceNote } : {}),
    changedOn: '2026-12-07',
    fields,
    examples: r.examples,
    check: (g) => {
      const res = calculate(g);
      return { tier: res.tierLabel, decidedBy: decidedBy(res) };
    },
  });

const applies = { required: '应当给予', optional: '可以给予', none: '不予适用' } as const;

export const discretionLegalRules: readonly LegalRule[] = [
  tierRule('statute.minorNoPenalty', {
    name: '轻微不罚：法定不予处罚，不以裁量基准列入为前提',
    basis: [`${APL}#第三十三条`],
    examples: [
      {
        text: '第三十三条第一款“违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚”：虚假宣传的裁量基准没有免罚清单，仍然不予处罚',
        given: {
          violation: 'JZ-002 对商品作虚假或者引人误解的商业宣传',
          party: '法人或者其他组织',
          circumstances: ['违法行为轻微', '及时改正', '没有造成危害后果'],
          baseYuan: null,
        },
        expect: { tier: '不予处罚', decidedBy: discretionRules['statute.minorNoPenalty'].label },
      },
    ],
  }),
  tierRule('statute.noPenalty', {
    name: '法定不予处罚情形',
    basis: [`${APL}#第三十条`, `${APL}#第三十三条`],
    examples: [
      {
        text: '第三十条“不满十四周岁的未成年人有违法行为的，不予行政处罚”',
        given: { violation: 'JG-001 不按规定明码标价', party: '公民', circumstances: ['不满十四周岁的未成年人'], baseYuan: null },
        expect: { tier: '不予处罚', decidedBy: discretionRules['statute.noPenalty'].label },
      },
      {
        text: '第三十三条第二款“当事人有证据足以证明没有主观过错的，不予行政处罚”',
        given: { violation: 'JG-001 不按规定明码标价', party: '公民', circumstances: ['有证据足以证明没有主观过错'], baseYuan: null },
        expect: { tier: '不予处罚', decidedBy: discretionRules['statute.noPenalty'].label },
      },
    ],
  }),
  tierRule('statute.heavier', {
    name: '法定应当从重：酌定从轻情节不能抵消',
    basis: ['商标法@2019-04-23#第六十条', '药品管理法@2019-08-26#第一百三十七条'],
    examples: [
      {
        text: '商标法第六十条第二款“对五年内实施两次以上商标侵权行为或者有其他严重情节的，应当从重处罚”：初次违法、配合调查等酌定从轻情节不改变从重',
        given: {
          violation: 'SB-001 销售侵犯注册商标专用权的商品',
          party: '法人或者其他组织',
          circumstances: ['五年内实施两次以上商标侵权行为或者有其他严重情节', '初次违法', '积极配合调查，如实陈述违法事实并主动提供证据'],
          baseYuan: 30000,
        },
        expect: { tier: '从重处罚', decidedBy: discretionRules['statute.heavier'].label },
      },
      {
        text: '药品管理法第一百三十七条“有下列行为之一的，在本法规定的处罚幅度内从重处罚：……（二）生产、销售以孕产妇、儿童为主要使用对象的假药、劣药”',
        given: {
          violation: 'YP-001 销售假药',
          party: '法人或者其他组织',
          circumstances: ['生产、销售以孕产妇、儿童为主要使用对象的假药、劣药', '初次违法'],
          baseYuan: 5000,
        },
        expect: { tier: '从重处罚', decidedBy: discretionRules['statute.heavier'].label },
      },
    ],
  }),
  tierRule('statute.lighter', {
    name: '法定应当从轻或者减轻：酌定从重情节不能抵消',
    basis: [`${APL}#第三十二条`],
    examples: [
      {
        text: '第三十二条“当事人有下列情形之一，应当从轻或者减轻行政处罚：……（二）受他人胁迫或者诱骗实施违法行为的”：曾受处罚、阻碍调查等酌定从重情节不改变从轻',
        given: {
          violation: 'JZ-002 对商品作虚假或者引人误解的商业宣传',
          party: '法人或者其他组织',
          circumstances: ['受他人胁迫或者诱骗实施违法行为', '曾因同类违法行为受过行政处罚', '拒绝、阻碍调查或者伪造、隐匿、销毁证据'],
          baseYuan: null,
        },
        expect: { tier: '从轻处罚', decidedBy: discretionRules['statute.lighter'].label },
      },
    ],
  }),
  legalRule<Given, { benchmark: string; fineYuan: string }>({
    id: 'discretion.temporal',
    kind: 'discretion',
    name: '从旧兼从轻：适用行为时的规定，新规定处罚较轻的适用新规定',
    statement:
      '实施行政处罚，适用违法行为发生时的法律、法规、规章和裁量基准；作出决定时规定已被修改，且新的规定处罚较轻的，适用新的规定。比较的是法律条文版本和裁量基准两者。',
    basis: [`${APL}#第三十七条`],
    sourceNote:
      '裁量基准不是法律、法规、规章，平台对基准的修订同样适用“从旧兼从轻”，是通行做法（示例基准为样本目录中本区 2024 年版与 2026 年修订版食品安全裁量基准）',
    changedOn: '2026-12-07',
    fields: { ...fields, violationDate: '违法行为发生日', decisionDate: '作出决定日', benchmark: '适用的裁量基准', fineYuan: '建议罚款（元）' },
    examples: [
      {
        text: '第三十七条“作出行政处罚决定时……新的规定处罚较轻……的，适用新的规定”：2025年发生、2026年决定，2026年修订基准的从轻幅度更轻，适用新基准',
        given: {
          violation: 'SP-001 经营超过保质期的食品',
          party: '法人或者其他组织',
          circumstances: ['初次违法', '积极配合调查，如实陈述违法事实并主动提供证据'],
          baseYuan: 14080,
          violationDate: '2025-11-20',
          decisionDate: '2026-02-10',
        },
        expect: { benchmark: '示市监法〔2025〕31号', fineYuan: '140800—168960' },
      },
      {
        text: '第三十七条“实施行政处罚，适用违法行为发生时的法律、法规、规章的规定”：新基准的从重幅度更重，仍适用行为时的基准',
        given: {
          violation: 'SP-001 经营超过保质期的食品',
          party: '法人或者其他组织',
          circumstances: ['曾因同类违法行为受过行政处罚'],
          baseYuan: 14080,
          violationDate: '2025-11-20',
          decisionDate: '2026-02-10',
        },
        expect: { benchmark: '示市监法〔2023〕12号', fineYuan: '239360—281600' },
      },
    ],
    check: (g) => {
      const r = calculate(g);
      const range = r.penalties.find((p) => p.kind === 'fine')?.range;
      return { benchmark: r.benchmark.documentNumber ?? '无', fineYuan: range ? `${range.minFen / 100}—${range.maxFen / 100}` : '无' };
    },
  }),
  legalRule<Given, { fine: string }>({
    id: 'discretion.statute.requiredPenalty',
    kind: 'discretion',
    name: '法定应当给予的罚款不能改为可以',
    statement: discretionRules['statute.requiredPenalty'].statement,
    basis: ['电子商务法@2018-08-31#第八十一条'],
    changedOn: '2026-12-07',
    fields: { ...fields, fine: '罚款' },
    examples: [
      {
        text: '电子商务法第八十一条第一款“可以处二万元以上十万元以下的罚款”：一般情形，罚款可以给予',
        given: {
          violation: 'DS-002 电子商务平台经营者未为消费者提供评价途径或者擅自删除消费者的评价',
          party: '法人或者其他组织',
          circumstances: [],
          baseYuan: null,
        },
        expect: { fine: applies.optional },
      },
      {
        text: '“情节严重的，处十万元以上五十万元以下的罚款”：是“处”，不是“可以处”，罚款应当给予，初次违法等从轻情节也不能免除',
        given: {
          violation: 'DS-002 电子商务平台经营者未为消费者提供评价途径或者擅自删除消费者的评价',
          party: '法人或者其他组织',
          circumstances: ['情节严重', '初次违法'],
          baseYuan: null,
        },
        expect: { fine: applies.required },
      },
    ],
    check: (g) => {
      const fine = calculate(g).penalties.find((p) => p.kind === 'fine');
      return { fine: fine ? applies[fine.applies as keyof typeof applies] : applies.none };
    },
  }),
  legalRule<Given, { revokeLicence: string }>({
    id: 'discretion.statute.reservedPenalty',
    kind: 'discretion',
    name: '由其他机关决定的处罚只作建议',
    statement: discretionRules['statute.reservedPenalty'].statement,
    basis: ['药品管理法@2019-08-26#第一百三十九条'],
    changedOn: '2026-12-07',
    fields: { ...fields, revokeLicence: '吊销许可证件' },
    examples: [
      {
        text: '药品管理法第一百三十九条“……撤销许可、吊销许可证件的，由原批准、发证的部门决定”：销售假药应当吊销药品经营许可证的，本局只向发证部门提出建议',
        given: { violation: 'YP-001 销售假药', party: '法人或者其他组织', circumstances: [], baseYuan: 5000 },
        expect: { revokeLicence: '建议原批准、发证的部门决定' },
      },
    ],
    check: (g) => {
      const p = calculate(g).penalties.find((x) => x.kind === 'revokeLicence');
      return { revokeLicence: !p ? '无' : p.reservedTo ? `建议${p.reservedTo.authority}决定` : '本机关决定' };
    },
  }),
  legalRule<Given, { tier: string; summary: boolean }>({
    id: 'discretion.mitigation',
    kind: 'discretion',
    name: '减轻处罚：不适用简易程序，须集体讨论',
    statement: `${discretionRules.mitigation.statement}减轻处罚的决定不适用简易程序，由行政机关负责人集体讨论决定。`,
    basis: [`${APL}#第三十二条`, `${APL}#第五十一条`, `${APL}#第五十七条`],
    changedOn: '2026-12-07',
    fields: { ...fields, summary: '可以当场处罚' },
    examples: [
      {
        text: '第五十七条第二款“对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定”：减轻处罚的，即使数额在二百元以下，也不当场处罚',
        given: { violation: 'JG-001 不按规定明码标价', party: '公民', circumstances: ['具有从轻或者减轻情节，经负责人集体讨论决定减轻处罚'], baseYuan: null },
        expect: { tier: '减轻处罚', summary: false },
      },
    ],
    check: (g) => {
      const r = calculate(g);
      return { tier: r.tierLabel, summary: r.summaryProcedure.possible };
    },
  }),
];
