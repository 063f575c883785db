import type { ChosenPenalty, MajorResult } from '../../../domain/cases/decide.ts';
import { penaltyKinds } from '../../../domain/discretion/vocabulary.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { type DiscretionInput, discretionFor, loadWindowFacts, majorNow } from '../facts.ts';
import { deviationAccepted, latest, problem, windowsClosed } from '../guards.ts';
import { decisionText } from '../instrumentText.ts';
import { caseData, issueCaseInstrument } from '../instruments.ts';
import { transitionInputs, type TransitionInput } from '../schema.ts';
import { discussionsOf, patchCase, reviewsOf, type CaseRow, type DiscussionRow, type ReviewRow } from '../store.ts';

const chosenOf = (i: TransitionInput<'decide'>): ChosenPenalty[] => (i.outcome === 'penalty' ? i.penalties : []);

/** What the decision states: penalty kinds and amounts, or the reason for none (行政处罚法 第五十九条). */
export function decisionComplete(i: TransitionInput<'decide'>): Problem[] {
  const chosen = chosenOf(i);
  if (i.outcome === 'penalty' && !chosen.length) return problem('PENALTY_MISSING', '给予行政处罚的决定须载明处罚种类');
  if (i.outcome === 'noPenalty' && !i.noPenaltyReason) return problem('NO_PENALTY_REASON_MISSING', '不予行政处罚的决定须载明理由和依据');
  for (const p of chosen)
    if (p.kind === 'fine' && !(p.amountFen && p.amountFen > 0)) return problem('PENALTY_AMOUNT_MISSING', `${penaltyKinds[p.kind]}须写明金额`);
  return [];
}

/**
 * A major decision (the decided penalty makes it so, whatever the proposal said) needs a legal review that did not disagree
 * (行政处罚法 第五十八条) and a collective discussion that reached the same outcome (第五十七条第二款).
 */
export function majorDecisionPrepared(major: MajorResult, reviews: ReviewRow[], discussions: DiscussionRow[], outcome: string): Problem[] {
  if (!major.major) return [];
  const out: Problem[] = [];
  const review = latest(reviews, 'legalReview');
  if (!review || review.opinion === 'disagree')
    out.push({
      code: 'LEGAL_REVIEW_REQUIRED',
      message: `重大执法决定（${major.reasons.map((r) => r.text).join('；')}）未经法制审核或者审核未通过的，不得作出决定（行政处罚法 第五十八条）`,
    });
  const disc = latest(discussions);
  if (!disc)
    out.push({
      code: 'COLLECTIVE_DISCUSSION_REQUIRED',
      message: '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法 第五十七条第二款）',
    });
  else if (disc.decision !== outcome)
    out.push({
      code: 'DECISION_DIFFERS_FROM_DISCUSSION',
      message: `集体讨论决定“${disc.decision === 'penalty' ? '给予行政处罚' : '不予行政处罚'}”，决定须与之一致`,
    });
  return out;
}

/** 作出决定: the benchmark is evaluated again at the decision date — a later, more lenient rule applies (从旧兼从轻). */
export const decide = defineTransition({
  label: '作出决定',
  from: ['toDecide'],
  to: 'decided',
  roles: ['leader'],
  input: transitionInputs.decide,
  load: async (g) => {
    const w = await loadWindowFacts(g);
    const c0 = w.case;
    const c: CaseRow =
      c0.discretionInput && c0.violationId ? { ...c0, discretion: await discretionFor(g.tx, c0, g.date, c0.discretionInput as DiscretionInput) } : c0;
    return {
      case: c,
      openWindows: w.openWindows,
      major: await majorNow(g.tx, c, chosenOf(g.input), g.date, !!c.hearing?.heldOn),
      reviews: await reviewsOf(g.tx, c.id),
      discussions: await discussionsOf(g.tx, c.id),
    };
  },
  guards: [
    ({ facts, date }) => windowsClosed(facts.case, facts.openWindows, date),
    ({ input, facts: { case: c, major, reviews, discussions } }) => {
      const incomplete = decisionComplete(input);
      if (incomplete.length) return incomplete;
      const chosen = chosenOf(input);
      const out = majorDecisionPrepared(major, reviews, discussions, input.outcome);
      if (chosen.length) out.push(...deviationAccepted(c, chosen, input.reason ?? c.deviationReason, reviews));
      return out;
    },
  ],
  meets: ['penalty.decision', 'penalty.statement', 'penalty.hearingRequest'],
  opens: [{ ruleId: 'penalty.service' }],
  effect: async ({ tx, ctx, input: i, facts: { case: c }, date, principal }) => {
    const penalties = chosenOf(i);
    const fineFen = penalties.filter((p) => p.kind === 'fine').reduce((s, p) => s + (p.amountFen ?? 0), 0);
    const confiscationFen = penalties
      .filter((p) => p.kind === 'confiscateIllegalGains' || p.kind === 'confiscateIllegalProperty')
      .reduce((s, p) => s + (p.amountFen ?? 0), 0);
    const withDecision: CaseRow = { ...c, decision: { outcome: i.outcome, penalties, decidedOn: date, instrumentId: '', number: '' } };
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), withDecision, {
      kind: i.outcome === 'penalty' ? 'penaltyDecision' : 'noPenaltyDecision',
      date,
      override: i.instrumentData,
      specific: decisionText(c, {
        outcome: i.outcome,
        fineFen,
        discretion: i.outcome === 'penalty' ? (await caseData(tx, c, date)).discretion : null,
        reason: i.reason,
        noPenaltyReason: i.noPenaltyReason,
      }),
    });
    await patchCase(tx, c.id, {
      decision: { outcome: i.outcome, penalties, decidedOn: date, instrumentId: ins.id, number: ins.number, reason: i.reason },
      fineFen,
      confiscationFen,
      discretion: c.discretion,
    });
    return {
      outcome: i.outcome,
      fineFen,
      instrumentId: ins.id,
      number: ins.number,
      tier: c.discretion?.tier ?? null,
      rulesDigest: c.discretion?.rulesDigest ?? null,
    };
  },
});
