/**
 * The rows of 行政复议 and 行政应诉: a reconsideration and a suit, each the current state of its matter. Every write
 * happens inside a recorded command or transition (the tables' `require_ledger_entry` triggers check it at commit).
 */
import type {
  ActEffect,
  AppearanceKind,
  Instance,
  JudgmentKind,
  JudgmentOutcome,
  LawVersion,
  ReconsiderationOutcome,
  SubjectKind,
} from '../../domain/remedies/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';

export interface Hearing {
  id: string;
  kind: 'hearing' | 'opinion' | 'mediation' | 'court';
  heldOn: string;
  instance?: Instance | null;
  attendees: string;
  appearance?: AppearanceKind | null;
  headName?: string | null;
  headTitle?: string | null;
  absenceGround?: string | null;
  absenceReason?: string | null;
  headRequired?: boolean;
  note?: string | null;
}

export interface Judgment {
  id: string;
  instance: Instance;
  kind: JudgmentKind;
  outcome: JudgmentOutcome;
  number: string;
  court: string;
  servedOn: string;
  summary: string;
  statedEffect?: ActEffect | null;
  appealedOn?: string | null;
  appealedBy?: string | null;
}

interface RemedyBase {
  id: string;
  subjectType: string;
  subjectId: string;
  subjectKind: SubjectKind;
  subjectTitle: string;
  bodyId: string;
  fileNumber: string | null;
  receivedOn: string;
  hearings: Hearing[];
  effect: ActEffect | null;
  challengeId: string | null;
  publicationId: string | null;
  state: string;
  version: number;
  orgId: string;
}

export interface ReconsiderationRow extends RemedyBase {
  applicant: string;
  reviewingBody: string;
  request: string;
  lawVersion: LawVersion;
  selfDecided: boolean;
  answeredOn: string | null;
  answer: string | null;
  answerInstrumentId: string | null;
  bundleHash: string | null;
  outcome: ReconsiderationOutcome | null;
  statedEffect: ActEffect | null;
  decidedOn: string | null;
  decisionNumber: string | null;
  decisionSummary: string | null;
  decisionFileId: string | null;
}

export interface LawsuitRow extends RemedyBase {
  plaintiff: string;
  court: string;
  claims: string;
  afterReconsiderationId: string | null;
  instance: Instance;
  defendedOn: string | null;
  defence: string | null;
  judgments: Judgment[];
  outcome: JudgmentOutcome | null;
  effectiveOn: string | null;
  execution: { kind: string; on: string; note: string } | null;
}

const base = `r.id, r.subject_type as "subjectType", r.subject_id as "subjectId", r.subject_kind as "subjectKind", r.subject_title as "subjectTitle",
  r.body_id as "bodyId", r.file_number as "fileNumber", r.received_on as "receivedOn", r.hearings, r.effect, r.challenge_id as "challengeId",
  r.publication_id as "publicationId", m.state, m.version, m.org_id as "orgId"`;

export const reconsiderationSelect = `select ${base}, r.applicant, r.reviewing_body as "reviewingBody", r.request, r.law_version as "lawVersion",
  r.self_decided as "selfDecided", r.answered_on as "answeredOn", r.answer, r.answer_instrument_id as "answerInstrumentId", r.bundle_hash as "bundleHash",
  r.outcome, r.stated_effect as "statedEffect", r.decided_on as "decidedOn", r.decision_number as "decisionNumber", r.decision_summary as "decisionSummary",
  r.decision_file_id as "decisionFileId"
  from reconsiderations r join matters m on m.id = r.id`;

export const lawsuitSelect = `select ${base}, r.plaintiff, r.court, r.claims, r.after_reconsideration_id as "afterReconsiderationId", r.instance,
  r.defended_on as "defendedOn", r.defence, r.judgments, r.outcome, r.effective_on as "effectiveOn", r.execution
  from lawsuits r join matters m on m.id = r.id`;

export async function findReconsideration(q: Queryable, id: string): Promise<ReconsiderationRow | null> {
  return (await q.query<ReconsiderationRow>(`${reconsiderationSelect} where r.id = $1`, [id])).rows[0] ?? null;
}

export async function findLawsuit(q: Queryable, id: string): Promise<LawsuitRow | null> {
  return (await q.query<LawsuitRow>(`${lawsuitSelect} where r.id = $1`, [id])).rows[0] ?? null;
}

export type RemedyType = 'reconsideration' | 'lawsuit';

/** The row of either kind. */
export async function findRemedy(q: Queryable, type: RemedyType, id: string): Promise<ReconsiderationRow | LawsuitRow | null> {
  return type === 'reconsideration' ? findReconsideration(q, id) : findLawsuit(q, id);
}

export const tableOf = (type: RemedyType) => (type === 'reconsideration' ? 'reconsiderations' : 'lawsuits');
