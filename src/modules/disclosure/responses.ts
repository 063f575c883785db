/** Response schemas of 政府信息公开 on request (staff and public). */
import { z } from 'zod';
import { ZMatterDeadline, ZTransitionOption } from '../cases/index.ts';

const str = z.string();
const nstr = z.string().nullable();

export const ZDisclosureItem = z.object({
  id: str,
  bodyId: str,
  bodyName: str,
  queryCode: str,
  channel: str,
  channelLabel: str,
  applicantKind: str,
  applicantKindLabel: str,
  applicantName: str,
  description: str,
  receivedOn: str,
  answerDue: nstr,
  overdue: z.boolean(),
  answerType: nstr,
  answerTypeLabel: nstr,
  answeredOn: nstr,
  state: str,
  stateLabel: str,
});
export type DisclosureItem = z.infer<typeof ZDisclosureItem>;
export const ZDisclosureList = z.object({ total: z.number(), items: z.array(ZDisclosureItem), mayRegister: z.boolean() });

export const ZDisclosureDetail = ZDisclosureItem.extend({
  version: z.number(),
  applicantIdNumber: nstr,
  applicantContact: str,
  form: str,
  correction: z.object({ items: str, noticeOn: str, dueOn: str, receivedOn: nstr.optional(), instrumentId: str.optional() }).nullable(),
  consultations: z.array(
    z.object({ thirdParty: str, sentOn: str, reason: str.optional(), repliedOn: nstr.optional(), opinion: nstr.optional(), note: nstr.optional() }),
  ),
  extension: z.object({ reason: str, approvedBy: str, on: str, instrumentId: str, dueOn: str }).nullable(),
  answer: z
    .object({
      access: nstr,
      ground: nstr,
      groundLabel: nstr,
      reason: nstr,
      otherBody: z.object({ name: str, contact: str }).nullable(),
      sentences: z.array(str),
      instrumentId: str,
      number: str,
    })
    .nullable(),
  instruments: z.array(z.object({ id: str, kind: str, title: str, number: str, issuedOn: str })),
  deadlines: z.array(ZMatterDeadline),
  transitions: z.array(ZTransitionOption),
  abilities: z.object({ read: z.boolean(), handle: z.boolean(), viewRecord: z.boolean(), uploadEvidence: z.boolean() }),
});
export type DisclosureDetail = z.infer<typeof ZDisclosureDetail>;

export const ZDisclosureFiled = z.object({ queryCode: str, message: str });

/** What the portal shows for a query code: dates and status only — no name, contact or request text. */
export const ZPublicDisclosureStatus = z.object({
  queryCode: str,
  bodyName: str,
  receivedOn: str,
  stateLabel: str,
  answerDue: nstr,
  extended: z.boolean(),
  answeredOn: nstr,
  answerTypeLabel: nstr,
  steps: z.array(z.object({ date: str, label: str })),
});
export type PublicDisclosureStatus = z.infer<typeof ZPublicDisclosureStatus>;

export const ZDisclosureBodies = z.object({ items: z.array(z.object({ id: str, name: str })) });
