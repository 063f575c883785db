/**
 * 持证上岗 in the 规则目录 (domain/legalRules.ts): the check every enforcement act runs
 * (`checkCertifiedDuty`, domain/certifiedDuty.ts) — enough officers, each with a certificate valid on the
 * day and covering the field.
 */
import { checkCertifiedDuty, enforcementActs, type EnforcementAct, type OfficerFacts } from '../../domain/certifiedDuty.ts';
import { legalRule } from '../../domain/legalRules.ts';

const states = {
  有效: { status: 'valid', validTo: '2028-12-31', fields: ['food'] },
  已过期: { status: 'valid', validTo: '2025-12-31', fields: ['food'] },
  已暂扣: { status: 'suspended', validTo: '2028-12-31', fields: ['food'] },
  领域不符: { status: 'valid', validTo: '2028-12-31', fields: ['pricing'] },
} as const;
type CertState = keyof typeof states;
const actByLabel = new Map(Object.entries(enforcementActs).map(([k, v]) => [v.label as string, k as EnforcementAct]));

export const officerLegalRules = [
  legalRule<{ act: string; certificates: readonly string[] }, { allowed: boolean; qualified: number }>({
    id: 'officers.certifiedDuty',
    kind: 'guard',
    name: '持证上岗：执法人员人数与执法证',
    statement:
      '调查、检查、抽样取证、先行登记保存、行政强制措施和当场作出行政处罚决定由不少于两名执法人员实施，每人须持有在当日有效、覆盖该执法领域的行政执法证；有一人不符合的，不得实施。',
    basis: ['行政处罚法@2021-01-22#第四十二条', '行政处罚法@2021-01-22#第五十一条', '行政处罚法@2021-01-22#第五十五条', '行政强制法@2011-06-30#第十八条'],
    changedOn: '2026-12-07',
    fields: { act: '执法行为', certificates: '各执法人员的执法证（食品安全领域，2026-06-01）', allowed: '可以实施', qualified: '符合条件的人数' },
    examples: [
      {
        text: '第四十二条“执法人员不得少于两人”：两名持有效执法证的人员可以现场检查',
        given: { act: '现场检查', certificates: ['有效', '有效'] },
        expect: { allowed: true, qualified: 2 },
      },
      { text: '只有一名执法人员的，不得现场检查', given: { act: '现场检查', certificates: ['有效'] }, expect: { allowed: false, qualified: 1 } },
      {
        text: '第四十二条“由具有行政执法资格的执法人员实施”：执法证已过期的人员不得参与',
        given: { act: '询问调查', certificates: ['有效', '已过期'] },
        expect: { allowed: false, qualified: 1 },
      },
      {
        text: '行政强制法第十八条第（二）项“由两名以上行政执法人员实施”：执法证领域不符的不计',
        given: { act: '实施行政强制措施', certificates: ['有效', '领域不符'] },
        expect: { allowed: false, qualified: 1 },
      },
      {
        text: '第四十二条“执法人员不得少于两人，法律另有规定的除外”，第五十一条、第五十二条对当场处罚没有另外规定：一名执法人员不得当场处罚',
        given: { act: '当场处罚（简易程序）', certificates: ['有效'] },
        expect: { allowed: false, qualified: 1 },
      },
      { text: '执法证被暂扣的不得执法', given: { act: '抽样取证', certificates: ['有效', '已暂扣', '有效'] }, expect: { allowed: false, qualified: 2 } },
    ],
    check: (g) => {
      const act = actByLabel.get(g.act);
      if (!act) throw new Error(`未知的执法行为：${g.act}`);
      const officers: OfficerFacts[] = g.certificates.map((s, i) => {
        const c = states[s as CertState];
        if (!c) throw new Error(`未知的执法证状态：${s}`);
        return {
          id: `o${i}`,
          name: `执法人员${i + 1}`,
          active: true,
          certificates: [{ id: `c${i}`, number: `N${i}`, validFrom: '2024-01-01', ...c, fields: [...c.fields] }],
        };
      });
      const r = checkCertifiedDuty(officers, act, 'food', '2026-06-01');
      return { allowed: r.allowed, qualified: r.qualified.length };
    },
  }),
];
