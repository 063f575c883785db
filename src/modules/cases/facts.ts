/**
 * What the case workflow's transitions read before their guards run (`load`): the case row and, per
 * transition, what its guards decide on — officers' certification, evidence files, open deadlines, the
 * major-decision status, the discretion calculation. Guards (guards.ts) are then pure functions of these.
 */
import type { ChosenPenalty, MajorResult } from '../../domain/cases/decide.ts';
import { hearingRights, majorDecision } from '../../domain/cases/decide.ts';
import { majorCriterionIds, type MajorCriterion } from '../../domain/cases/rules.ts';
import type { EnforcementAct } from '../../domain/certifiedDuty.ts';
import { limitationOf as limitationFor, type Limitation } from '../../domain/deadlines/limitation.ts';
import type { DeadlineRuleId } from '../../domain/deadlines/rules.ts';
import type { Problem } from '../../domain/workflow.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { loadCalendar } from '../../platform/calendar.ts';
import { runCalculation } from '../discretion/index.ts';
import { orgChain } from '../../platform/orgs.ts';
import { checkOfficersMayAct } from '../officers/index.ts';
import type { TransitionInput } from './schema.ts';
import { findCase, findViolation, majorCatalogueCriteria, openDeadlines, type CaseRow, type DiscretionSnapshot, type OpenDeadline } from './store.ts';

/** The case behind the matter; a matter of the case workflow without its case row is not found. */
export async function loadCase(g: GuardInput<unknown>): Promise<CaseRow> {
  const c = await findCase(g.tx, g.matter.id);
  if (!c) throw new AppError('NOT_FOUND', '案件不存在或无权查看');
  return c;
}

/** The facts of a transition that only needs the case. */
export interface CaseFacts {
  case: CaseRow;
}
export const loadCaseFacts = async (g: GuardInput<unknown>): Promise<CaseFacts> => ({ case: await loadCase(g) });

/** The 陈述申辩 and 听证 windows a decision waits for. */
export const DEFENCE_RULES: DeadlineRuleId[] = ['penalty.statement', 'penalty.hearingRequest'];

/** The case and its open defence windows (what `windowsClosed` decides on). */
export interface WindowFacts extends CaseFacts {
  openWindows: OpenDeadline[];
}
export async function loadWindowFacts(g: GuardInput<unknown>): Promise<WindowFacts> {
  const c = await loadCase(g);
  return { case: c, openWindows: await openDeadlines(g.tx, c.id, DEFENCE_RULES) };
}

/**
 * 追责时效 of a violation (行政处罚法 第三十六条, 第三十七条): whether it was discovered — the lead's date, the
 * case's `receivedOn` — within two years of the act or its end (five where life/health or financial safety was
 * harmed, for acts from 2021-07-15); not measured at filing.
 */
export type { Limitation } from '../../domain/deadlines/limitation.ts';
export async function limitationOf(tx: Queryable, violationDate: string, lifeHealth: boolean, discoveredOn: string): Promise<Limitation> {
  return limitationFor(await loadCalendar(tx), { violationDate, discoveredOn, lifeHealth });
}

/** 持证上岗: the problems of the officers acting in the case's field on the date (none: they may act). */
export async function certificationOf(tx: Queryable, c: CaseRow, officerIds: string[], act: EnforcementAct, date: string): Promise<Problem[]> {
  const check = await checkOfficersMayAct(tx, null, { officerIds, field: c.field, act, date });
  return check.allowed ? [] : check.problems.map((x) => ({ code: 'OFFICER_NOT_CERTIFIED', message: x.message }));
}

/** A violation to be charged: is it in the catalogue (active), and its limitation. */
export interface ChargeFacts {
  violationKnown: boolean;
  limitation: Limitation | null;
}
export async function chargeOf(tx: Queryable, violationId: string, violationDate: string, lifeHealth: boolean, discoveredOn: string): Promise<ChargeFacts> {
  const v = await findViolation(tx, violationId, true);
  return { violationKnown: !!v, limitation: v ? await limitationOf(tx, violationDate, lifeHealth, discoveredOn) : null };
}

/** The case's major-decision status now: the catalogue in force for the body, its 较大数额, and the facts. */
export async function majorNow(tx: Queryable, c: CaseRow, penalties: ChosenPenalty[], date: string, hearingHeld: boolean): Promise<MajorResult> {
  const criteria = ((await majorCatalogueCriteria(tx, await orgChain(tx, c.bodyId), date)) ?? majorCriterionIds) as MajorCriterion[];
  const t = c.discretion?.thresholds.majorDecision;
  const threshold = { naturalPersonFen: t?.thresholdFen ?? 1_000_000, organisationFen: t?.thresholdFen ?? 10_000_000, source: t?.source ?? '默认标准' };
  return majorDecision(
    { partyType: c.partyType, penalties, hearingHeld, complex: c.complex, publicInterest: c.publicInterest, criminalReferral: false },
    criteria,
    threshold,
  );
}

/** The body's 较大数额 for hearings as frozen with the discretion result (the default where none was frozen). */
export const hearingThresholdFen = (c: Pick<CaseRow, 'discretion' | 'partyType'>): number =>
  c.discretion?.thresholds.hearing.thresholdFen ?? (c.partyType === 'naturalPerson' ? 1_000_000 : 10_000_000);

/** Hearing rights (行政处罚法 第六十三条): the rule is `hearingRights` (domain/cases/decide.ts), on the amounts summed over the decision. */
export function hearingEligible(c: Pick<CaseRow, 'discretion' | 'partyType'>, penalties: ChosenPenalty[]): boolean {
  return hearingRights(penalties, hearingThresholdFen(c)).eligible;
}

export type DiscretionInput = Pick<TransitionInput<'closeInvestigation'>, 'bases' | 'unreliableBases' | 'circumstances'>;

/** Runs the discretion calculator for the case and freezes what it used. */
export async function discretionFor(tx: Queryable, c: CaseRow, decisionDate: string, input: DiscretionInput): Promise<DiscretionSnapshot> {
  const r = await runCalculation(tx, null, {
    violation: c.violationId!,
    violationDate: c.violationDate!,
    decisionDate,
    partyType: c.partyType,
    orgId: c.bodyId,
    bases: input.bases,
    unreliableBases: input.unreliableBases,
    circumstances: input.circumstances,
  });
  const v = (await findViolation(tx, c.violationId!))!;
  return {
    tier: r.tier,
    tierLabel: r.tierLabel ?? r.tier,
    exempt: r.exempt,
    // the calculator's response schema names the kinds as strings; they are the vocabulary's
    penalties: r.penalties as DiscretionSnapshot['penalties'],
    thresholds: r.thresholds,
    trace: r.trace,
    exemption: r.exemption,
    legalRange: r.legalRange ? { minFen: r.legalRange.minFen, maxFen: r.legalRange.maxFen } : null,
    decidingRule: r.decidingRule,
    mitigation: r.mitigation,
    statuteVersion: r.statute.version,
    rulesDigest: r.rulesDigest,
    decisionDate,
    // the articles of the statute version applied (从旧兼从轻 may apply an earlier version than the violation's current one)
    violates: r.statute.violates,
    punishes: r.statute.punishes,
    violationName: v.name,
  };
}
