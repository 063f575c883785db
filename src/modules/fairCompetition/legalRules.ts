/** The fair-competition rules in the 规则目录: the conclusion's check (第十二条、第十七条、第十八条), run by the conclusion transitions. */
import { conclusionProblems, checklistItemIds, type Conclusion, type ExceptionGround } from '../../domain/fairCompetition/rules.ts';
import { legalRule } from '../../domain/legalRules.ts';

const FCR = '公平竞争审查条例@2024-06-06';
const conclusionIds: Record<string, Conclusion> = { 可以出台: 'mayIssue', 应当修改后出台: 'mustAmend', 不得出台: 'mayNotIssue' };
const groundIds: Record<string, ExceptionGround> = {
  社会公共利益: 'publicInterest',
  国家安全: 'nationalSecurity',
  科技进步: 'innovation',
  其他法定情形: 'otherLaw',
};

export const fairCompetitionLegalRules = [
  legalRule<{ contains: readonly string[]; exception: string; justification: string; conclusion: string }, { allowed: boolean }>({
    id: 'fairCompetition.conclusion',
    kind: 'guard',
    name: '公平竞争审查结论',
    statement:
      '逐项对照第八条至第十一条作出判断；含有禁止内容的，只有符合第十二条情形、没有影响更小的替代方案、有合理实施期限或者终止条件，并在结论中详细说明的，方可出台；否则应当修改或者不得出台。',
    basis: [`${FCR}#第十二条`, `${FCR}#第十七条`, `${FCR}#第十八条`],
    changedOn: '2026-12-07',
    fields: { contains: '所含禁止内容', exception: '适用第十二条', justification: '详细说明', conclusion: '结论', allowed: '结论成立' },
    examples: [
      { text: '未含禁止内容的，可以出台', given: { contains: [], exception: '', justification: '', conclusion: '可以出台' }, expect: { allowed: true } },
      {
        text: '第十八条：含有第十条第二项（选择性财政补贴）且不符合第十二条的，不得以“可以出台”结论出台',
        given: { contains: ['art10.2'], exception: '', justification: '', conclusion: '可以出台' },
        expect: { allowed: false },
      },
      {
        text: '第十二条第三项、第十七条第二款：为节约能源给予的补贴，详细说明没有替代方案并设定实施期限的，可以出台',
        given: {
          contains: ['art10.2'],
          exception: '社会公共利益',
          justification: '为推动辖区老旧电梯节能改造，对完成改造的住宅小区给予一次性补助，已比较其他方式，没有对公平竞争影响更小的替代方案',
          conclusion: '可以出台',
        },
        expect: { allowed: true },
      },
      {
        text: '第十七条第二款：适用第十二条而未详细说明的，结论不成立',
        given: { contains: ['art10.2'], exception: '社会公共利益', justification: '节能', conclusion: '可以出台' },
        expect: { allowed: false },
      },
    ],
    check: (g) => ({
      allowed:
        conclusionProblems({
          checklist: checklistItemIds.map((item) => ({ item, contains: g.contains.includes(item) })),
          exceptions: g.exception
            ? [{ ground: groundIds[g.exception], justification: g.justification, noLessRestrictiveAlternative: true, period: '三年' }]
            : [],
          conclusion: conclusionIds[g.conclusion],
        }).length === 0,
    }),
  }),
];
