/**
 * Response schemas of the complaints API (they generate the OpenAPI document; the serializer drops other fields).
 * No staff answer but `ZComplaintPerson` carries the complainant's or reporter's identity; no public answer carries
 * any person or the respondent's particulars beyond the handling unit.
 */
import { z } from 'zod';
import { ZMatterDeadline } from '../cases/index.ts';

const str = z.string();
const nstr = z.string().nullable();

export const ZComplaintItem = z.object({
  id: str,
  kind: str,
  kindLabel: str,
  channel: str,
  channelLabel: str,
  orgId: str,
  orgName: str,
  receivedOn: str,
  respondentName: str,
  category: str,
  categoryLabel: str,
  summary: str,
  anonymous: z.boolean(),
  state: str,
  stateLabel: str,
  groupId: str,
  groupSize: z.number(),
  externalNo: nstr,
  caseId: nstr,
  /** the open deadline nearest to its end: the acceptance decision, the mediation, the notice, the verification */
  due: z.object({ ruleId: str, label: str, due: str, overdue: z.boolean() }).nullable(),
});
export const ZComplaintList = z.object({ items: z.array(ZComplaintItem), total: z.number() });

export const ZComplaintDetail = ZComplaintItem.extend({
  version: z.number(),
  queryCode: str,
  respondentUscc: nstr,
  respondentAddress: nstr,
  request: nstr,
  siblingId: nstr,
  decidedOn: nstr,
  rejectionGround: nstr,
  rejectionGroundLabel: nstr,
  decisionReason: nstr,
  mediations: z.array(z.object({ heldOn: str, mode: str, modeLabel: str, mediators: z.array(str), summary: str })),
  agreement: z.object({ reachedOn: str, mode: str, content: str, instrumentId: nstr, number: nstr, noDocumentReason: nstr }).nullable(),
  terminationGround: nstr,
  terminationGroundLabel: nstr,
  terminationReason: nstr,
  terminatedOn: nstr,
  notifiedOn: nstr,
  lead: z.object({ foundOn: str, description: str, outcome: nstr, verifiedOn: nstr, caseId: nstr }).nullable(),
  finishedOn: nstr,
  /** whether a person was named (the identity itself: GET …/person, audited) */
  personGiven: z.boolean(),
  attachments: z.array(z.object({ id: str, fileName: str, mime: str, sizeBytes: z.number() })),
  group: z.array(z.object({ id: str, kind: str, receivedOn: str, state: str, stateLabel: str })),
  deadlines: z.array(ZMatterDeadline),
  instruments: z.array(z.object({ id: str, kind: str, title: str, number: str, issuedOn: str })),
  transitions: z.array(z.object({ id: str, label: str })),
  abilities: z.object({ handle: z.boolean(), person: z.enum(['handler', 'reason', 'none']) }),
});

export const ZComplaintPerson = z.object({
  name: str,
  phone: nstr,
  address: nstr,
  idNumber: nstr,
});

export const ZReceived = z.object({ items: z.array(z.object({ id: str, kind: str, kindLabel: str, queryCode: str })) });

export const ZImportResult = z.object({
  rows: z.number(),
  imported: z.number(),
  skipped: z.number(),
  complaints: z.number(),
  reports: z.number(),
  dryRun: z.boolean(),
});

// ─── public ───
export const ZPublicStatus = z.object({
  queryCode: str,
  kind: str,
  kindLabel: str,
  orgName: str,
  receivedOn: str,
  state: str,
  stateLabel: str,
  /** what happened, by date: 收到, 受理 / 不予受理 (with the article), 调解成功, 终止调解, 告知, 转为案件线索 */
  steps: z.array(z.object({ on: str, label: str })),
});
export const ZPublicBodies = z.object({ items: z.array(z.object({ id: str, name: str })) });
export const ZPublicChallenge = z.object({ token: str, question: str });
