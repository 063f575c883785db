/** The 政府信息公开申请 rows (written only inside recorded commands and transitions; the table's trigger checks it). */
import type { Queryable } from '../../platform/db/index.ts';
import type { AnswerType, ApplicantKind, DisclosureChannel, WithholdingGround } from '../../domain/disclosure/rules.ts';

export interface Correction {
  items: string;
  noticeOn: string;
  dueOn: string;
  receivedOn?: string | null;
  instrumentId?: string;
}
export interface ThirdPartyConsultation {
  thirdParty: string;
  sentOn: string;
  repliedOn?: string | null;
  opinion?: 'agree' | 'disagree' | 'none' | null;
  note?: string | null;
}
export interface DisclosureAnswer {
  access: string | null;
  ground: WithholdingGround | null;
  reason: string | null;
  otherBody: { name: string; contact: string } | null;
  sentences: string[];
  instrumentId: string;
  number: string;
}

export interface DisclosureRow {
  id: string;
  bodyId: string;
  queryCode: string;
  channel: DisclosureChannel;
  applicantKind: ApplicantKind;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantContact: string;
  description: string;
  form: string;
  receivedOn: string;
  correction: Correction | null;
  consultations: ThirdPartyConsultation[];
  extension: { reason: string; approvedBy: string; on: string; instrumentId: string; dueOn: string } | null;
  answerType: AnswerType | null;
  answer: DisclosureAnswer | null;
  answeredOn: string | null;
  state: string;
  version: number;
  createdAt: string;
}

export const disclosureSelect = `select d.id, d.body_id as "bodyId", d.query_code as "queryCode", d.channel, d.applicant_kind as "applicantKind",
  d.applicant_name as "applicantName", d.applicant_id_number as "applicantIdNumber", d.applicant_contact as "applicantContact", d.description, d.form,
  d.received_on as "receivedOn", d.correction, d.consultations, d.extension, d.answer_type as "answerType", d.answer, d.answered_on as "answeredOn",
  m.state, m.version, d.created_at as "createdAt" from disclosure_requests d join matters m on m.id = d.id`;

export async function findDisclosure(q: Queryable, id: string): Promise<DisclosureRow | null> {
  return (await q.query<DisclosureRow>(`${disclosureSelect} where d.id = $1`, [id])).rows[0] ?? null;
}
