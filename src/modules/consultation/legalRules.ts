/** The consultation rules in the 规则目录: the period guard (its `check` is the function openConsultation runs). */
import { periodProblem } from '../../domain/consultation/rules.ts';
import { legalRule } from '../../domain/legalRules.ts';

export const consultationLegalRules = [
  legalRule<{ days: number; minimumDays: number; shortenedReason: string }, { allowed: boolean }>({
    id: 'consultation.periodShortened',
    kind: 'guard',
    name: '公开征求意见期限的缩短',
    statement: '公开征求意见的期限一般不少于30日；少于该期限的，须在公开征求意见时说明缩短的理由（如情况紧急），否则不能发布征求意见。',
    basis: ['重大行政决策程序暂行条例@2019-04-20#第十五条', '优化营商环境条例@2019-10-22#第六十二条'],
    changedOn: '2026-12-07',
    fields: { days: '征求意见期限（日）', minimumDays: '一般不少于（日）', shortenedReason: '缩短期限的说明', allowed: '可以发布' },
    examples: [
      { text: '第十五条“公开征求意见的期限一般不少于30日”：30日', given: { days: 30, minimumDays: 30, shortenedReason: '' }, expect: { allowed: true } },
      {
        text: '只给15日且未说明理由的，不能发布',
        given: { days: 15, minimumDays: 30, shortenedReason: '' },
        expect: { allowed: false },
      },
      {
        text: '“因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明”：说明理由后可缩短为15日',
        given: { days: 15, minimumDays: 30, shortenedReason: '汛期临近，价格应急措施须在节前出台' },
        expect: { allowed: true },
      },
    ],
    check: (g) => ({ allowed: periodProblem(g) === null }),
  }),
];
