/** The recommendation rows (written only inside recorded commands and transitions; the table's trigger checks it). */
import type { Queryable } from '../../platform/db/index.ts';
import type { RecommendationKind } from '../../domain/disclosure/rules.ts';

export interface RecommendationRow {
  id: string;
  bodyId: string;
  unitId: string | null;
  kind: RecommendationKind;
  issuer: string;
  documentNumber: string;
  content: string;
  issuedOn: string;
  receivedOn: string;
  statedDueOn: string | null;
  answer: string | null;
  measures: string | null;
  answeredOn: string | null;
  filedOn: string | null;
  state: string;
  version: number;
}

export const recommendationSelect = `select r.id, r.body_id as "bodyId", r.unit_id as "unitId", r.kind, r.issuer, r.document_number as "documentNumber", r.content,
  r.issued_on as "issuedOn", r.received_on as "receivedOn", r.stated_due_on as "statedDueOn", r.answer, r.measures, r.answered_on as "answeredOn",
  r.filed_on as "filedOn", m.state, m.version from recommendations r join matters m on m.id = r.id`;

export async function findRecommendation(q: Queryable, id: string): Promise<RecommendationRow | null> {
  return (await q.query<RecommendationRow>(`${recommendationSelect} where r.id = $1`, [id])).rows[0] ?? null;
}
