/** Response schemas of 合法性审查 (they generate the OpenAPI document and check every answer). */
import { z } from 'zod';
import { checklistVerdictIds, reviewKindIds, reviewOpinionIds } from '../../domain/legality/rules.ts';
import { ZMatterDeadline, ZTransitionOption } from '../cases/index.ts';

const str = z.string();
const nstr = z.string().nullable();

export const ZChecklistItem = z.object({ id: str, label: str, basis: z.array(str), sourceNote: nstr });
export const ZReviewKind = z.object({
  id: z.enum(reviewKindIds),
  label: str,
  gateText: str,
  minimum: z.object({ ruleId: str, label: str, workingDays: z.number(), basis: z.array(str), sourceNote: nstr }).nullable(),
  limit: z.object({ ruleId: str, label: str, workingDays: z.number(), basis: z.array(str), sourceNote: nstr }).nullable(),
  advisersRequired: z.boolean(),
  checklist: z.array(ZChecklistItem),
});
export const ZReviewKinds = z.object({ kinds: z.array(ZReviewKind), opinions: z.record(str, str), verdicts: z.record(str, str) });

export const ZReviewListItem = z.object({
  id: str,
  kind: z.enum(reviewKindIds),
  kindLabel: str,
  title: str,
  subjectType: str,
  subjectId: str,
  unitId: str,
  unitName: str,
  bodyId: str,
  requestedOn: str,
  earliestOpinionOn: nstr,
  state: str,
  stateLabel: str,
  opinion: z.enum(reviewOpinionIds).nullable(),
  concludedOn: nstr,
  nextDue: nstr,
});
export type ReviewListItem = z.infer<typeof ZReviewListItem>;
export const ZReviewList = z.object({ total: z.number(), items: z.array(ZReviewListItem) });

export const ZConsultation = z.object({
  id: str,
  adviserId: str,
  adviserName: str,
  adviserKind: z.enum(['adviser', 'publicLawyer']),
  opinion: str,
  givenOn: str,
});

export const ZReviewDetail = ZReviewListItem.extend({
  version: z.number(),
  materials: str,
  materialFileIds: z.array(str),
  advisersRequired: z.boolean(),
  checklist: z.array(z.object({ item: str, verdict: z.enum(checklistVerdictIds), note: nstr })).nullable(),
  reasons: nstr,
  earlyReason: nstr,
  instrumentId: nstr,
  consultations: z.array(ZConsultation),
  deadlines: z.array(ZMatterDeadline),
  transitions: z.array(ZTransitionOption),
  abilities: z.object({ read: z.boolean(), review: z.boolean(), request: z.boolean(), viewRecord: z.boolean(), uploadEvidence: z.boolean() }),
});
export type ReviewDetail = z.infer<typeof ZReviewDetail>;

export const ZAdviser = z.object({
  id: str,
  orgId: str,
  orgName: str,
  kind: z.enum(['adviser', 'publicLawyer']),
  name: str,
  qualification: str,
  certificateNumber: str,
  firm: nstr,
  termStart: str,
  termEnd: nstr,
  inTerm: z.boolean(),
  opinions: z.array(z.object({ reviewId: str, title: str, givenOn: str, opinion: str })),
});
export type Adviser = z.infer<typeof ZAdviser>;
export const ZAdviserList = z.object({ items: z.array(ZAdviser), mayManage: z.boolean() });
