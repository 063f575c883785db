import { decisionOutcomes, hearingRights, isMitigated, noPenaltyGrounds, type ChosenPenalty, type MajorResult } from '../../../domain/cases/decide.ts';
import { penaltyKinds } from '../../../domain/discretion/vocabulary.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { type DiscretionInput, discretionFor, hearingThresholdFen, loadWindowFacts, majorNow } from '../facts.ts';
import { deviationAccepted, latest, mitigationDiscussed, noticeCovers, notReserved, problem, windowsClosed } from '../guards.ts';
import { decisionText } from '../instrumentText.ts';
import { caseData, issueCaseInstrument } from '../instruments.ts';
import { transitionInputs, type TransitionInput } from '../schema.ts';
import { discussionsOf, patchCase, reviewsOf, type CaseRow, type DiscussionRow, type ReviewRow } from '../store.ts';

const chosenOf = (i: TransitionInput<'decide'>): ChosenPenalty[] => (i.outcome === 'penalty' ? i.penalties : []);

/**
 * What the decision states: penalty kinds and amounts (行政处罚法 第五十九条); 不予行政处罚 its reason and its ground in the law
 * (第三十条、第三十一条、第三十三条、第三十六条、第五十七条第一款第（三）项); 免予行政处罚 the entry of the 免罚清单 the discretion
 * result applied (`exemption.list`) — the two are different decisions.
 */
export function decisionComplete(
  i: TransitionInput<'decide'>,
  discretion?: Pick<NonNullable<CaseRow['discretion']>, 'exempt' | 'exemption'> | null,
): Problem[] {
  const chosen = chosenOf(i);
  if (i.outcome === 'penalty' && !chosen.length) return problem('PENALTY_MISSING', '给予行政处罚的决定须载明处罚种类');
  if (i.outcome !== 'penalty' && !i.noPenaltyReason) return problem('NO_PENALTY_REASON_MISSING', `${decisionOutcomes[i.outcome]}的决定须载明理由和依据`);
  if (i.outcome === 'noPenalty' && !i.noPenaltyGround)
    return problem(
      'NO_PENALTY_GROUND_MISSING',
      '不予行政处罚须载明法律规定的情形（行政处罚法 第三十条、第三十一条、第三十三条、第三十六条或者第五十七条第一款第（三）项）',
    );
  if (i.outcome === 'exempted' && !(discretion?.exempt && discretion.exemption?.list))
    return problem(
      'EXEMPTION_LIST_MISSING',
      '免予行政处罚须依据本机关公布的免罚清单的事项（裁量结果未适用免罚清单）；依法律规定的情形不予处罚的，请选择“不予行政处罚”并写明情形',
    );
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
      message: `集体讨论决定“${decisionOutcomes[disc.decision as keyof typeof decisionOutcomes] ?? disc.decision}”，决定须与之一致`,
    });
  return out;
}

/**
 * After a re-notification (重新告知) the legal review and the collective discussion of the earlier proposal no longer
 * speak for the decision: only those held on or after the new notice count (行政处罚法 第五十七条第二款、第五十八条).
 * `dateOf` null: the row counts whatever its date (the 案件审核 before any notice).
 */
export function sinceRenotice<T>(c: Pick<CaseRow, 'notice'>, rows: T[], dateOf: (r: T) => string | null): T[] {
  const since = c.notice?.renotice ? c.notice.noticeOn : null;
  return since
    ? rows.filter((r) => {
        const d = dateOf(r);
        return d === null || d >= since;
      })
    : rows;
}

/** The basis the 不予 / 免予 decision names: the article of the ground, or the 免罚清单 entry. */
function basisOf(i: TransitionInput<'decide'>, c: CaseRow): string | undefined {
  if (i.outcome === 'noPenalty' && i.noPenaltyGround) return `《中华人民共和国行政处罚法》${noPenaltyGrounds[i.noPenaltyGround].article}`;
  if (i.outcome === 'exempted' && c.discretion?.exemption) return `${c.discretion.exemption.label}`;
  return undefined;
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
      // hearing rights the decided penalty gives (行政处罚法 第六十三条), on the 较大数额 in force at the decision
      rights: hearingRights(chosenOf(g.input), hearingThresholdFen(c)),
      mitigated: g.input.outcome === 'penalty' && isMitigated(c.discretion?.tier, chosenOf(g.input), c.discretion?.legalRange?.minFen),
      reviews: sinceRenotice(c, await reviewsOf(g.tx, c.id), (r) => (r.kind === 'legalReview' ? r.reviewedOn : null)),
      discussions: sinceRenotice(c, await discussionsOf(g.tx, c.id), (d) => d.heldOn),
    };
  },
  guards: [
    ({ facts, date }) => windowsClosed(facts.case, facts.openWindows, date),
    ({ input, facts: { case: c, major, reviews, discussions } }) => {
      const incomplete = decisionComplete(input, c.discretion);
      if (incomplete.length) return incomplete;
      const chosen = chosenOf(input);
      const out = majorDecisionPrepared(major, reviews, discussions, input.outcome);
      if (chosen.length) out.push(...deviationAccepted(c, chosen, input.reason ?? c.deviationReason, reviews));
      return out;
    },
    // no heavier penalty than the last notice announced (第四十四条、第四十五条第二款、第六十二条、第六十三条)
    ({ input, facts: { case: c, rights } }) => noticeCovers(c, chosenOf(input), rights),
    // a penalty reserved to another authority is recommended to it, not imposed (e.g. 药品管理法 第一百三十九条)
    ({ input, facts: { case: c } }) => notReserved(c, chosenOf(input)),
    // 减轻处罚: collective discussion (第五十七条第二款)
    ({ facts: { mitigated, discussions } }) => mitigationDiscussed(mitigated, discussions),
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
      kind: i.outcome === 'penalty' ? 'penaltyDecision' : i.outcome === 'exempted' ? 'exemptionDecision' : 'noPenaltyDecision',
      date,
      override: i.instrumentData,
      specific: decisionText(c, {
        outcome: i.outcome,
        fineFen,
        discretion: i.outcome === 'penalty' ? (await caseData(tx, c, date)).discretion : null,
        reason: i.reason,
        noPenaltyReason: i.noPenaltyReason,
        noPenaltyBasis: basisOf(i, c),
      }),
    });
    await patchCase(tx, c.id, {
      decision: {
        outcome: i.outcome,
        penalties,
        decidedOn: date,
        instrumentId: ins.id,
        number: ins.number,
        reason: i.reason,
        ground: i.outcome === 'noPenalty' ? (i.noPenaltyGround ?? null) : null,
        exemption: i.outcome === 'exempted' ? (c.discretion?.exemption ?? null) : null,
      },
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
