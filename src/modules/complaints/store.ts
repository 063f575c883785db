/** The complaints tables (migration 0029): rows as the module reads them. */
import type { ComplaintKind } from '../../domain/complaints/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/errors.ts';

export interface ComplaintRow {
  id: string;
  kind: ComplaintKind;
  channel: string;
  orgId: string;
  queryCode: string;
  receivedOn: string;
  respondentName: string;
  respondentUscc: string | null;
  respondentAddress: string | null;
  category: string;
  summary: string;
  request: string | null;
  anonymous: boolean;
  externalNo: string | null;
  siblingId: string | null;
  groupId: string;
  state: string;
  decidedOn: string | null;
  rejectionGround: string | null;
  decisionReason: string | null;
  mediations: { heldOn: string; mode: string; mediators: string[]; summary: string }[];
  agreement: { reachedOn: string; mode: string; content: string; instrumentId: string | null; number: string | null; noDocumentReason: string | null } | null;
  terminationGround: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  notifiedOn: string | null;
  lead: { foundOn: string; description: string; outcome: string | null; verifiedOn: string | null; caseId: string | null } | null;
  caseId: string | null;
  finishedOn: string | null;
  createdAt: string;
}

export const complaintColumns = `c.id, c.kind, c.channel, c.org_id as "orgId", c.query_code as "queryCode", c.received_on as "receivedOn",
  c.respondent_name as "respondentName", c.respondent_uscc as "respondentUscc", c.respondent_address as "respondentAddress", c.category,
  c.summary, c.request, c.anonymous, c.external_no as "externalNo", c.sibling_id as "siblingId", c.group_id as "groupId", c.state,
  c.decided_on as "decidedOn", c.rejection_ground as "rejectionGround", c.decision_reason as "decisionReason", c.mediations, c.agreement,
  c.termination_ground as "terminationGround", c.terminated_on as "terminatedOn", c.termination_reason as "terminationReason", c.notified_on as "notifiedOn", c.lead, c.case_id as "caseId",
  c.finished_on as "finishedOn", c.created_at as "createdAt"`;

export async function findComplaint(q: Queryable, id: string): Promise<ComplaintRow | null> {
  return (await q.query<ComplaintRow>(`select ${complaintColumns} from complaints c where c.id = $1`, [id])).rows[0] ?? null;
}

export async function loadComplaint(q: Queryable, id: string): Promise<ComplaintRow> {
  const c = await findComplaint(q, id);
  if (!c) throw notFound('投诉举报');
  return c;
}

export interface PersonRow {
  name: string;
  phone: string | null;
  address: string | null;
  idNumber: string | null;
}

/** The complainant or named reporter: read only by the audited route and the commands that need it (a case lead). */
export async function personOf(q: Queryable, complaintId: string): Promise<PersonRow | null> {
  return (
    (await q.query<PersonRow>(`select name, phone, address, id_number as "idNumber" from complaint_persons where complaint_id = $1`, [complaintId])).rows[0] ??
    null
  );
}

export async function attachmentsOf(q: Queryable, complaintId: string) {
  return (
    await q.query<{ id: string; fileName: string; mime: string; sizeBytes: number; hash: string }>(
      `select id, file_name as "fileName", mime, size_bytes as "sizeBytes", hash from complaint_attachments where complaint_id = $1 order by file_name`,
      [complaintId],
    )
  ).rows;
}
