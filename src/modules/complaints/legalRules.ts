/** The complaints rules in the 规则目录: termination on the 45-working-day ground, and the 调解书 requirement. */
import { agreementDocumentProblem, type MediationMode, type NoDocumentReason, terminationProblem } from '../../domain/complaints/rules.ts';
import { legalRule } from '../../domain/legalRules.ts';

export const complaintLegalRules = [
  legalRule<{ date: string; mediationDue: string }, { allowed: boolean }>({
    id: 'complaints.terminationTimeLimit',
    kind: 'guard',
    name: '以四十五个工作日内未达成调解协议为由终止调解',
    statement: '以“自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议”为由终止调解的，须在该期限届满之后；其他终止情形不受此限。',
    basis: ['市场监督管理投诉举报处理暂行办法@2022-03-24#第二十一条'],
    changedOn: '2026-12-07',
    fields: { date: '终止调解日期', mediationDue: '四十五个工作日届满日', allowed: '可以终止' },
    examples: [
      {
        text: '第二十一条第一款第（五）项：期限于2026年11月9日届满，11月10日可以终止',
        given: { date: '2026-11-10', mediationDue: '2026-11-09' },
        expect: { allowed: true },
      },
      { text: '届满当日（11月9日）仍在期限内，不能以该项为由终止', given: { date: '2026-11-09', mediationDue: '2026-11-09' }, expect: { allowed: false } },
    ],
    check: (g) => ({ allowed: terminationProblem({ ground: 'timeLimit', date: g.date, mediationDue: g.mediationDue }) === null }),
  }),
  legalRule<{ mode: MediationMode; makeDocument: boolean; noDocumentReason: NoDocumentReason | '' }, { allowed: boolean }>({
    id: 'complaints.mediationDocument',
    kind: 'guard',
    name: '调解书的制作',
    statement: '经现场调解达成调解协议的，应当制作调解书，但调解协议已经即时履行或者双方同意不制作调解书的除外；未制作调解书的，做好调解记录备查。',
    basis: ['市场监督管理投诉举报处理暂行办法@2022-03-24#第二十二条'],
    changedOn: '2026-12-07',
    fields: { mode: '调解方式', makeDocument: '制作调解书', noDocumentReason: '不制作的理由', allowed: '可以登记调解协议' },
    examples: [
      {
        text: '第二十二条第一款：现场调解达成协议，制作调解书',
        given: { mode: 'onSite', makeDocument: true, noDocumentReason: '' },
        expect: { allowed: true },
      },
      {
        text: '现场调解达成协议、未即时履行、双方也未同意不制作的，应当制作调解书',
        given: { mode: 'onSite', makeDocument: false, noDocumentReason: 'notOnSite' },
        expect: { allowed: false },
      },
      { text: '“调解协议已经即时履行”的除外', given: { mode: 'onSite', makeDocument: false, noDocumentReason: 'performedAtOnce' }, expect: { allowed: true } },
      { text: '电话调解达成协议的，做好调解记录备查', given: { mode: 'phone', makeDocument: false, noDocumentReason: 'notOnSite' }, expect: { allowed: true } },
    ],
    check: (g) => ({
      allowed: agreementDocumentProblem({ mode: g.mode, makeDocument: g.makeDocument, noDocumentReason: g.noDocumentReason || null }) === null,
    }),
  }),
];
