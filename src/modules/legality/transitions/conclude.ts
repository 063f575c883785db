/**
 * 出具合法性审查意见: every checklist item of the kind answered (不符合 with its reason), the opinion 合法 / 修改后合法 /
 * 不合法 (reasons required for the latter two), 法律顾问、公职律师 consulted where the kind requires it (第二十八条), and not
 * before the minimum review time (第二十六条第二款 "一般不少于7个工作日") unless the reason is recorded. The opinion is
 * issued as a numbered 合法性审查意见书 in the same transaction.
 */
import {
  checklistVerdictLabels,
  minimumPeriodProblem,
  opinionProblems,
  reviewKinds,
  reviewOpinionLabels,
  type ChecklistItem,
} from '../../../domain/legality/rules.ts';
import type { DeadlineRuleId } from '../../../domain/deadlines/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { actorOf } from '../../../platform/context.ts';
import { issueInstrument } from '../../../platform/documents/issue.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { consultationsOf, type ConsultationRow, type ReviewRow } from '../store.ts';
import { kindOf, limitRules, minimumText, periodsOf } from '../kinds.ts';
import { type ReviewInput, reviewInputs } from './inputs.ts';
import { loadReview } from './shared.ts';

interface ConcludeFacts {
  review: ReviewRow;
  consultations: ConsultationRow[];
  /** the minimum review time's rule for the reviewing body (its province's, else the national default) */
  minimumRule?: DeadlineRuleId | null;
}

/** 第二十八条: the advisers' legal opinion comes first where the kind requires it (a fact: the console can disable the button). */
export const advisersConsulted = ({ facts }: { facts: ConcludeFacts }): Problem[] => {
  const k = kindOf(facts.review.kind);
  return (k.advisersRequired || facts.review.advisersRequired) && !facts.consultations.length
    ? [
        {
          code: 'LEGALITY_ADVISERS_REQUIRED',
          message: '在合法性审查过程中，应当组织法律顾问、公职律师提出法律意见（重大行政决策程序暂行条例 第二十八条），请先登记其意见',
        },
      ]
    : [];
};

export const opinionComplete = ({ input, facts }: { input: ReviewInput<'conclude'>; facts: ConcludeFacts }): Problem[] =>
  opinionProblems(facts.review.kind, input);

export const minimumPeriodKept = ({ input, facts, date }: { input: ReviewInput<'conclude'>; facts: ConcludeFacts; date: string }): Problem[] => {
  const p = minimumPeriodProblem(date, facts.review.earliestOpinionOn, input.earlyReason, minimumText(facts.review.kind, facts.minimumRule));
  return p ? [p] : [];
};

export const conclude = defineTransition({
  label: '出具合法性审查意见',
  from: ['underReview'],
  to: 'concluded',
  roles: ['legalReviewer'],
  input: reviewInputs.conclude,
  load: async (g): Promise<ConcludeFacts> => {
    const review = await loadReview(g.tx, g.matter.id);
    return { review, consultations: await consultationsOf(g.tx, g.matter.id), minimumRule: (await periodsOf(g.tx, review.kind, review.bodyId)).minimumRule };
  },
  guards: [advisersConsulted, opinionComplete, minimumPeriodKept],
  meets: limitRules(),
  effect: async (g) => {
    const { review, consultations } = g.facts;
    const items: readonly ChecklistItem[] = reviewKinds[review.kind].checklist;
    const answers = new Map(g.input.checklist.map((a) => [a.item, a]));
    const checklist = items.map((i) => ({ item: i.id, verdict: answers.get(i.id)!.verdict, note: answers.get(i.id)!.note || null }));
    const names = await g.tx.query<{ unit: string; office: string }>(
      `select (select name from orgs where id = $1) as unit,
              coalesce((select name from orgs where parent_id = $2 and kind = 'legalOffice' order by sort_order limit 1), (select name from orgs where id = $2)) as office`,
      [review.unitId, review.bodyId],
    );
    const instrument = await issueInstrument(g.ctx, g.tx, actorOf(g.principal), {
      orgId: review.bodyId,
      kind: 'legalityOpinion',
      matterType: 'legalityReview',
      matterId: review.id,
      date: g.date,
      data: {
        requestingUnit: names.rows[0].unit,
        requestedOn: review.requestedOn,
        kindLabel: kindOf(review.kind).label,
        subjectTitle: review.title,
        items: checklist.map((c) => ({
          point: items.find((i) => i.id === c.item)!.label,
          verdict: checklistVerdictLabels[c.verdict],
          note: c.note ?? '',
        })),
        ...(consultations.length
          ? {
              consultations: consultations.map(
                (c) => `${c.adviserKind === 'publicLawyer' ? '公职律师' : '法律顾问'}${c.adviserName}（${c.givenOn}）：${c.opinion}`,
              ),
            }
          : {}),
        opinionLabel: reviewOpinionLabels[g.input.opinion],
        ...(g.input.reasons ? { reasons: g.input.reasons } : {}),
        ...(g.input.earlyReason && review.earliestOpinionOn && g.date < review.earliestOpinionOn ? { earlyReason: g.input.earlyReason } : {}),
        legalOffice: names.rows[0].office,
        reviewers: [g.principal.displayName],
        reviewDate: g.date,
      },
    });
    await g.tx.query(
      `update legality_reviews set checklist = $2::jsonb, opinion = $3, reasons = $4, early_reason = $5, concluded_on = $6, instrument_id = $7 where id = $1`,
      [review.id, JSON.stringify(checklist), g.input.opinion, g.input.reasons || null, g.input.earlyReason || null, g.date, instrument.id],
    );
    return { instrumentId: instrument.id, number: instrument.number };
  },
});
