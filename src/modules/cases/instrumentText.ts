/**
 * The wording the case workflow writes into its instruments (文书): the sentences of the handler's, the
 * unit's and the leader's opinions, the narrative of a decision, what was executed. Pure: the transitions
 * gather the facts and issue the instrument (instruments.ts) with what these return.
 */
import type { ChosenPenalty } from '../../domain/cases/decide.ts';
import { serviceMethods } from '../../domain/cases/rules.ts';
import { formatYuan } from '../../domain/discretion/money.ts';
import { cnDate, penaltyLine } from './instruments.ts';
import type { CaseRow, PaymentRow } from './store.ts';

const penaltiesText = (ps: ChosenPenalty[]) => ps.map(penaltyLine).join('');
const decisionTitle = (outcome: string | undefined) => (outcome === 'penalty' ? '行政处罚决定书' : '不予行政处罚决定书');

/** The approval lines of a 审批表: handler, unit head, leader (all signed on the date of the act). */
function approval(handlerOpinion: string, unitOpinion: string, leaderOpinion: string, leader: string, date: string) {
  return { handlerOpinion, handlerDate: date, unitOpinion, unitHead: leader, unitDate: date, leaderOpinion, leader, leaderDate: date };
}

/** 立案审批表 */
export const filingApprovalText = (a: { handlerNames: string[]; unitOpinion?: string; opinion: string; leader: string; date: string }) =>
  approval(`建议立案，由${a.handlerNames.join('、')}承办。`, a.unitOpinion ?? '同意立案。', a.opinion, a.leader, a.date);

/** 不予立案审批表 */
export const nonFilingApprovalText = (a: { reason: string; opinion: string; leader: string; date: string }) => ({
  reason: a.reason,
  ...approval('建议不予立案。', '同意不予立案。', a.opinion, a.leader, a.date),
});

/** 案件调查终结报告 */
export function investigationReportText(c: CaseRow, a: { analysis?: string; violatedProvision: string | null; proposed: ChosenPenalty[]; date: string }) {
  return {
    investigation: `${cnDate(c.receivedOn)}，本局${c.source === 'complaint' ? '接到投诉' : '发现案件线索'}。${c.filedOn ? `经批准，本局于${cnDate(c.filedOn)}立案调查。` : ''}`,
    analysis: a.analysis ?? `当事人的行为违反了${a.violatedProvision}的规定。${c.discretion ? `依裁量基准适用${c.discretion.tierLabel}。` : ''}`,
    proposal: a.proposed.length ? `建议对当事人作出如下行政处罚：${penaltiesText(a.proposed)}` : '建议不予行政处罚。',
    reportDate: a.date,
  };
}

/** 案件审核表 */
export function caseAuditText(c: CaseRow, a: { auditUnit: string | undefined; opinion: string; reasons: string; reviewer: string; date: string }) {
  const proposed = c.proposed ?? [];
  return {
    submittedOn: a.date,
    auditUnit: a.auditUnit,
    summary: `${c.facts ?? c.summary}${proposed.length ? `办案机构拟：${penaltiesText(proposed)}` : '办案机构拟不予行政处罚。'}`,
    auditOpinion: `${a.opinion}。${a.reasons}`,
    auditors: [a.reviewer],
    auditDate: a.date,
    auditHeadOpinion: '同意审核意见。',
    auditHead: a.reviewer,
    auditHeadDate: a.date,
  };
}

/** 法制审核 — the proposed decision as the review names it, and one item's verdict. */
export const proposedDecisionText = (c: CaseRow) => penaltiesText(c.proposed ?? []).replace(/；$/, '') || '不予行政处罚';
export const reviewVerdict = (ok: boolean) => (ok ? '符合' : '不符合');

/** 集体讨论记录: the decision reached. */
export const discussionDecisionText = (decision: 'penalty' | 'noPenalty', proposed: ChosenPenalty[]) =>
  decision === 'penalty' ? `经集体讨论，决定对当事人${penaltiesText(proposed)}` : '经集体讨论，决定对当事人不予行政处罚。';

/** 行政处罚决定书 / 不予行政处罚决定书: the narrative of the case up to the decision. */
export function decisionText(
  c: CaseRow,
  a: { outcome: 'penalty' | 'noPenalty'; fineFen: number; discretion: string | null; reason?: string; noPenaltyReason?: string },
) {
  const notice = c.notice
    ? `${cnDate(c.notice.servedOn)}，本局向当事人送达了《行政处罚告知书》（${c.notice.instrumentNumbers[0]}），告知当事人拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有陈述、申辩${c.notice.hearingEligible ? '和要求听证' : ''}的权利。`
    : '';
  const defence = c.statement
    ? `当事人于${cnDate(c.statement.receivedOn)}提出陈述申辩意见：${c.statement.text}本局经复核认为：${c.statement.reply}`
    : c.notice
      ? '当事人在法定期限内未提出陈述、申辩意见。'
      : '';
  const caseIntro = `${cnDate(c.receivedOn)}，本局${c.source === 'complaint' ? '接到投诉' : c.source === 'report' ? '接到举报' : '发现案件线索'}，反映当事人涉嫌${c.discretion?.violationName ?? c.summary}。${c.filedOn ? `经批准，本局于${cnDate(c.filedOn)}立案调查。` : ''}`;
  return a.outcome === 'penalty'
    ? {
        caseIntro,
        noticeAndDefence: `${notice}${defence}`,
        hearingSummary: c.hearing?.heldOn ? `本局于${cnDate(c.hearing.heldOn)}依法举行听证。${c.hearing.report ?? ''}` : undefined,
        fine: a.fineFen || undefined,
        discretion: `${a.discretion ?? ''}${a.reason ? `本局认为：${a.reason}` : ''}` || undefined,
      }
    : {
        caseIntro,
        noticeAndDefence: notice ? `${notice}${defence}` : undefined,
        noPenaltyReason: a.noPenaltyReason,
        noPenaltyBasis: '《中华人民共和国行政处罚法》第三十三条',
      };
}

/** 送达回证: the document served. */
export const servedDocument = (c: CaseRow) => ({ title: decisionTitle(c.decision?.outcome), number: c.decision!.number });

/** 结案审批表 */
export function closureApprovalText(c: CaseRow, a: { payments: PaymentRow[]; enforcementOutcome?: string; opinion: string; leader: string; date: string }) {
  const execution =
    c.referral?.answer === 'accepted'
      ? `案件已于${cnDate(c.referral.answeredOn!)}移送${c.referral.to}，对方已立案。`
      : [
          c.service
            ? `${decisionTitle(c.decision?.outcome)}已于${cnDate(c.service.servedOn)}${serviceMethods[c.service.method as keyof typeof serviceMethods]?.label ?? ''}当事人。`
            : '',
          ...a.payments.map(
            (p) => `当事人于${cnDate(p.paidOn)}缴纳${formatYuan(p.amountFen)}${p.lateFeeFen ? `（其中加处罚款${formatYuan(p.lateFeeFen)}）` : ''}。`,
          ),
          a.enforcementOutcome ? `强制执行情况：${a.enforcementOutcome}` : '',
        ].join('');
  return {
    decisionNumber: c.decision?.number,
    outcome: c.decision ? penaltiesText(c.decision.penalties) || '不予行政处罚' : `移送${c.referral?.to ?? ''}`,
    execution: execution || '无需执行。',
    ...approval('处理决定已执行完毕，建议结案。', '同意结案。', a.opinion, a.leader, a.date),
  };
}
