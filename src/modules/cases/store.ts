/**
 * The case row (cases) and its child records: reading them as the workflow's guards and the
 * API need them, and writing a change of columns. Every write here happens inside a command
 * that appends its record entry in the same transaction (cases_recorded checks it at commit).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/index.ts';
import type { ChosenPenalty, DecisionOutcome, MajorResult, NoPenaltyGround, OnSiteCollectionGround } from '../../domain/cases/decide.ts';
import type { PartyType } from '../../domain/discretion/vocabulary.ts';

export interface Party {
  type: PartyType;
  name: string;
  uscc?: string | null;
  idNumber?: string | null;
  address: string;
  legalRep?: string | null;
  legalRepId?: string | null;
  phone?: string | null;
  licenceName?: string | null;
}

export interface CaseRow {
  id: string;
  bodyId: string;
  unitId: string;
  procedure: 'ordinary' | 'summary';
  source: string;
  sourceNote: string | null;
  receivedOn: string;
  party: Party;
  /** 联系人 printed on the notices (the handling officer, the unit's phone and address) */
  contact: { name: string; phone: string; address?: string | null };
  partyType: PartyType;
  field: string;
  summary: string;
  violationId: string | null;
  violationDate: string | null;
  lifeHealth: boolean;
  caseNumber: string | null;
  filedOn: string | null;
  investigatorIds: string[];
  facts: string | null;
  discretionInput: Record<string, unknown> | null;
  discretion: DiscretionSnapshot | null;
  proposed: ChosenPenalty[] | null;
  deviationReason: string | null;
  hearingEligible: boolean | null;
  major: MajorResult | null;
  complex: boolean;
  publicInterest: boolean;
  /** the last 行政处罚告知书: what it announced (`penalties`; absent on notices recorded before it was kept), and a re-notification's reason */
  notice: {
    noticeOn: string;
    servedOn: string;
    hearingEligible: boolean;
    instrumentNumbers: string[];
    penalties?: ChosenPenalty[];
    renotice?: { reason: string; previous: ChosenPenalty[] } | null;
  } | null;
  waivers: { statement?: string; hearing?: string; note?: string };
  statement: { receivedOn: string; text: string; adopted: boolean; reply: string } | null;
  hearing: HearingFacts | null;
  decision: DecisionFacts | null;
  fineFen: number;
  confiscationFen: number;
  service: { servedOn: string; method: string; recipient: string; note: string | null } | null;
  paymentDue: string | null;
  paymentPlan: PaymentPlan | null;
  enforcement: { appliedOn: string; court: string; outcome: string | null } | null;
  /** 执行 beyond the payments (domain/cases/execution.ts): 复议/诉讼, 催告, each line's records, 终结执行 */
  execution: ExecutionFacts;
  referral: ReferralFacts | null;
  closedOn: string | null;
  archivedOn: string | null;
}

/** The calculator's result as frozen onto the case, with the digest of the rules it used. */
export interface DiscretionSnapshot {
  tier: string;
  tierLabel: string;
  exempt: boolean;
  penalties: import('../../domain/discretion/model.ts').PenaltyRecommendation[];
  thresholds: { hearing: { crossed: string; thresholdFen: number; source: string }; majorDecision: { crossed: string; thresholdFen: number; source: string } };
  trace: { step: string; text: string; articleIds: string[] }[];
  /** the 免罚清单 entry that applied (absent on snapshots frozen before it was kept) */
  exemption?: { list: string | null; label: string; articleId: string } | null;
  /** the statute's range of the fine (减轻 lies below its minimum) */
  legalRange?: { minFen: number; maxFen: number } | null;
  /** the rule that decided the tier, 法定 or 酌定, with its statement in official wording (absent on older snapshots) */
  decidingRule?: import('../../domain/discretion/model.ts').DecidingRule;
  /** 减轻处罚 (below the legal minimum) and whether on a statutory ground: never 简易程序, always 集体讨论 (absent on older snapshots) */
  mitigation?: { belowRange: boolean; statutory: boolean; articleIds: string[] };
  /** the law version applied (从旧兼从轻, 行政处罚法 第三十七条); `violates`/`punishes` below are its articles */
  statuteVersion?: string;
  rulesDigest: string;
  decisionDate: string;
  violates: string[];
  punishes: string[];
  violationName: string;
}

export interface HearingFacts {
  requestedOn: string;
  at?: string;
  place?: string;
  noticeOn?: string;
  hostOfficerId?: string;
  openness?: string;
  clerk?: string;
  heldOn?: string;
  summary?: string;
  report?: string;
}

export interface DecisionFacts {
  /** 给予 / 不予 (a ground of the law) / 免予 (an entry of the 免罚清单) 行政处罚 */
  outcome: DecisionOutcome;
  penalties: ChosenPenalty[];
  decidedOn: string;
  instrumentId: string;
  number: string;
  reason?: string;
  /** 不予行政处罚: the ground of 行政处罚法 (noPenaltyGrounds) */
  ground?: NoPenaltyGround | null;
  /** 免予行政处罚: the 免罚清单 entry (the discretion result's exemption) */
  exemption?: { list: string | null; label: string; articleId: string } | null;
  /** 当场收缴罚款 (行政处罚法 第六十八条至第七十一条) */
  collection?: OnSiteCollection | null;
}

export interface OnSiteCollection {
  ground: OnSiteCollectionGround;
  reason: string | null;
  receiptNo: string;
  collectedOn: string;
  amountFen: number;
  handedOverOn?: string;
  handedOverTo?: string;
}

export interface ExecutionFacts {
  challenges?: import('../../domain/cases/execution.ts').Challenge[];
  demand?: { servedOn: string; method: string; recipient: string; periodEnds: string; instrumentId: string; number: string } | null;
  records?: import('../../domain/cases/execution.ts').ExecutionRecord[];
  termination?: { ground: import('../../domain/cases/execution.ts').TerminationGround; note: string | null; on: string } | null;
}

export interface PaymentPlan {
  kind: 'deferral' | 'instalments';
  instalments: { dueOn: string; amountFen: number }[];
  reason: string;
  approvedBy: string;
  approvedOn: string;
}

export interface ReferralFacts {
  kind: 'police' | 'body';
  to: string;
  reason: string;
  proposedOn: string;
  approvedOn?: string;
  instrumentNumber?: string;
  answer?: 'accepted' | 'refused';
  answeredOn?: string;
  answerNote?: string;
}

const columns: Record<keyof CaseRow, string> = {
  id: 'id',
  bodyId: 'body_id',
  unitId: 'unit_id',
  procedure: 'procedure',
  source: 'source',
  sourceNote: 'source_note',
  receivedOn: 'received_on',
  party: 'party',
  contact: 'contact',
  partyType: 'party_type',
  field: 'field',
  summary: 'summary',
  violationId: 'violation_id',
  violationDate: 'violation_date',
  lifeHealth: 'life_health',
  caseNumber: 'case_number',
  filedOn: 'filed_on',
  investigatorIds: 'investigator_ids',
  facts: 'facts',
  discretionInput: 'discretion_input',
  discretion: 'discretion',
  proposed: 'proposed',
  deviationReason: 'deviation_reason',
  hearingEligible: 'hearing_eligible',
  major: 'major',
  complex: 'complex',
  publicInterest: 'public_interest',
  notice: 'notice',
  waivers: 'waivers',
  statement: 'statement',
  hearing: 'hearing',
  decision: 'decision',
  fineFen: 'fine_fen',
  confiscationFen: 'confiscation_fen',
  service: 'service',
  paymentDue: 'payment_due',
  paymentPlan: 'payment_plan',
  enforcement: 'enforcement',
  execution: 'execution',
  referral: 'referral',
  closedOn: 'closed_on',
  archivedOn: 'archived_on',
};
const jsonColumns = new Set<keyof CaseRow>([
  'party',
  'contact',
  'discretionInput',
  'discretion',
  'proposed',
  'major',
  'notice',
  'waivers',
  'statement',
  'hearing',
  'decision',
  'service',
  'paymentPlan',
  'enforcement',
  'execution',
  'referral',
]);

export const caseSelect = (t = 'c') =>
  Object.entries(columns)
    .map(([k, c]) => `${t}.${c} as "${k}"`)
    .join(', ');

export async function findCase(q: Queryable, id: string): Promise<CaseRow | null> {
  const r = (await q.query<CaseRow>(`select ${caseSelect()} from cases c where c.id = $1`, [id])).rows[0];
  return r ? { ...r, fineFen: Number(r.fineFen), confiscationFen: Number(r.confiscationFen) } : null;
}

/** Sets the given columns of a case (inside a recorded command). */
export async function patchCase(q: Queryable, id: string, patch: Partial<Omit<CaseRow, 'id'>>): Promise<void> {
  const keys = Object.keys(patch) as (keyof CaseRow)[];
  if (!keys.length) return;
  const sets = keys.map((k, i) => `${columns[k]} = $${i + 2}${jsonColumns.has(k) ? '::jsonb' : ''}`);
  const p = patch as Partial<CaseRow>;
  const values = keys.map((k) => (jsonColumns.has(k) ? JSON.stringify(p[k] ?? null) : p[k]));
  await q.query(`update cases set ${sets.join(', ')}, updated_at = now() where id = $1`, [id, ...values]);
}

export interface EvidenceRow {
  id: string;
  kind: string;
  title: string;
  collectedOn: string;
  place: string | null;
  officerIds: string[];
  fileIds: string[];
  description: string | null;
  instrumentId: string | null;
}

export async function evidenceOf(q: Queryable, caseId: string): Promise<EvidenceRow[]> {
  return (
    await q.query<EvidenceRow>(
      `select id, kind, title, collected_on as "collectedOn", place, officer_ids as "officerIds", file_ids as "fileIds", description, instrument_id as "instrumentId"
       from case_evidence where case_id = $1 order by collected_on, created_at`,
      [caseId],
    )
  ).rows;
}

export interface ReviewRow {
  id: string;
  kind: 'caseAudit' | 'legalReview';
  reviewerId: string;
  reviewerName: string;
  items: Record<string, { ok: boolean; note?: string | null }>;
  opinion: 'agree' | 'agreeAfterChanges' | 'disagree';
  reasons: string;
  acceptsDeviation: boolean;
  reviewedOn: string;
  instrumentId: string | null;
}

export async function reviewsOf(q: Queryable, caseId: string): Promise<ReviewRow[]> {
  return (
    await q.query<ReviewRow>(
      `select id, kind, reviewer_id as "reviewerId", reviewer_name as "reviewerName", items, opinion, reasons, accepts_deviation as "acceptsDeviation",
            reviewed_on as "reviewedOn", instrument_id as "instrumentId"
       from case_reviews where case_id = $1 order by created_at`,
      [caseId],
    )
  ).rows;
}

export interface DiscussionRow {
  id: string;
  heldOn: string;
  place: string | null;
  chair: string;
  attendees: { name: string; position?: string | null }[];
  opinions: { name: string; opinion: string }[];
  decision: string;
  minutes: string;
  instrumentId: string | null;
}

export async function discussionsOf(q: Queryable, caseId: string): Promise<DiscussionRow[]> {
  return (
    await q.query<DiscussionRow>(
      `select id, held_on as "heldOn", place, chair, attendees, opinions, decision, minutes, instrument_id as "instrumentId"
       from case_discussions where case_id = $1 order by created_at`,
      [caseId],
    )
  ).rows;
}

export interface PaymentRow {
  id: string;
  paidOn: string;
  amountFen: number;
  finePartFen: number;
  lateFeeFen: number;
  receiptNo: string | null;
}

export async function paymentsOf(q: Queryable, caseId: string): Promise<PaymentRow[]> {
  return (
    await q.query<PaymentRow>(
      `select id, paid_on as "paidOn", amount_fen as "amountFen", fine_part_fen as "finePartFen", late_fee_fen as "lateFeeFen", receipt_no as "receiptNo"
       from case_payments where case_id = $1 order by paid_on, created_at`,
      [caseId],
    )
  ).rows.map((r) => ({ ...r, amountFen: Number(r.amountFen), finePartFen: Number(r.finePartFen), lateFeeFen: Number(r.lateFeeFen) }));
}

/** The officer behind a user account (for "the reviewer is not an investigator" and qualifications). */
export async function officerOfUser(q: Queryable, userId: string): Promise<{ id: string; name: string; legalExamPassed: boolean } | null> {
  return (
    (
      await q.query<{ id: string; name: string; legalExamPassed: boolean }>(
        `select f.id, f.name, f.legal_exam_passed as "legalExamPassed" from users u join officers f on f.id = u.officer_id where u.id = $1`,
        [userId],
      )
    ).rows[0] ?? null
  );
}

// ─── what the workflow's transitions read and write besides the case row ───

/** A violation of the catalogue (null: unknown or inactive when `activeOnly`). */
export async function findViolation(q: Queryable, id: string, activeOnly = false) {
  const sql = `select name, field, violates, punishes from violations where id = $1${activeOnly ? ' and active' : ''}`;
  return (await q.query<{ name: string; field: string; violates: string[]; punishes: string[] }>(sql, [id])).rows[0] ?? null;
}

/** Of the given evidence files, those attached to the case. */
export async function caseFiles(q: Queryable, caseId: string, fileIds: string[]): Promise<{ id: string; contentType: string }[]> {
  if (!fileIds.length) return [];
  const sql = `select id, content_type as "contentType" from evidence_files where matter_type = 'case' and matter_id = $1 and id = any($2)`;
  return (await q.query<{ id: string; contentType: string }>(sql, [caseId, fileIds])).rows;
}

export interface OpenDeadline {
  ruleId: string;
  due: string;
  label: string;
}

/** The case's open deadlines of the given rules. */
export async function openDeadlines(q: Queryable, caseId: string, ruleIds: string[]): Promise<OpenDeadline[]> {
  const sql = `select rule_id as "ruleId", due_date as "due", label from matter_deadlines where matter_id = $1 and status = 'open' and rule_id = any($2)`;
  return (await q.query<OpenDeadline>(sql, [caseId, ruleIds])).rows;
}

/** Cancels the case's open deadlines of the given rules (a case sent back to investigation). */
export async function cancelDeadlines(q: Queryable, caseId: string, ruleIds: string[]): Promise<void> {
  await q.query(`update matter_deadlines set status = 'cancelled', updated_at = now() where matter_id = $1 and status = 'open' and rule_id = any($2)`, [
    caseId,
    ruleIds,
  ]);
}

/** The criteria of the 重大执法决定 catalogue in force on the date for the first org of the chain that has one. */
export async function majorCatalogueCriteria(q: Queryable, orgChain: string[], date: string): Promise<string[] | null> {
  const sql = `select criteria from major_decision_catalogues where org_id = any($1) and valid_from <= $2 and (valid_to is null or valid_to >= $2)
      order by array_position($1::text[], org_id), valid_from desc limit 1`;
  return (await q.query<{ criteria: string[] }>(sql, [orgChain, date])).rows[0]?.criteria ?? null;
}

export const orgNameOf = async (q: Queryable, id: string): Promise<string | undefined> =>
  (await q.query<{ name: string }>('select name from orgs where id = $1', [id])).rows[0]?.name;

export async function insertReview(
  q: Queryable,
  r: Omit<ReviewRow, 'id' | 'items' | 'opinion'> & { caseId: string; items: Record<string, unknown>; opinion: string },
): Promise<void> {
  await q.query(
    `insert into case_reviews (id, case_id, kind, reviewer_id, reviewer_name, items, opinion, reasons, accepts_deviation, reviewed_on, instrument_id) values ($1,$2,$3,$4,$5,$6::jsonb,$7,$8,$9,$10,$11)`,
    [
      randomUUID(),
      r.caseId,
      r.kind,
      r.reviewerId,
      r.reviewerName,
      JSON.stringify(r.items),
      r.opinion,
      r.reasons,
      r.acceptsDeviation,
      r.reviewedOn,
      r.instrumentId,
    ],
  );
}

export async function insertDiscussion(q: Queryable, caseId: string, d: Omit<DiscussionRow, 'id'>): Promise<void> {
  await q.query(
    `insert into case_discussions (id, case_id, held_on, place, chair, attendees, opinions, decision, minutes, instrument_id) values ($1,$2,$3,$4,$5,$6::jsonb,$7::jsonb,$8,$9,$10)`,
    [randomUUID(), caseId, d.heldOn, d.place, d.chair, JSON.stringify(d.attendees), JSON.stringify(d.opinions), d.decision, d.minutes, d.instrumentId],
  );
}

/** A fine paid on the spot (当场收缴): all of it fine, no late fee. */
export async function insertOnSitePayment(
  q: Queryable,
  caseId: string,
  paidOn: string,
  amountFen: number,
  recordedBy: string,
  receiptNo?: string | null,
): Promise<void> {
  await q.query(
    `insert into case_payments (id, case_id, paid_on, amount_fen, fine_part_fen, late_fee_fen, receipt_no, recorded_by) values ($1,$2,$3,$4,$4,0,$5,$6)`,
    [randomUUID(), caseId, paidOn, amountFen, receiptNo ? `当场收缴 ${receiptNo}` : '当场收缴', recordedBy],
  );
}

/** The deciding body of a case (null: no such case). */
export const caseBodyId = async (q: Queryable, id: string): Promise<string | null> =>
  (await q.query<{ bodyId: string }>('select body_id as "bodyId" from cases where id = $1', [id])).rows[0]?.bodyId ?? null;
