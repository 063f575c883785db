/** Response schemas of the consultation API (they generate the OpenAPI document; the serializer drops other fields). */
import { z } from 'zod';

const ZAnchor = z.object({ id: z.string(), label: z.string(), text: z.string() });
const ZOutcome = z.enum(['adopted', 'partlyAdopted', 'notAdopted']);

export const ZConsultationItem = z.object({
  id: z.string(),
  title: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  days: z.number(),
  comments: z.number(),
  unanswered: z.number(),
});
export const ZConsultationList = z.object({ items: z.array(ZConsultationItem) });

export const ZConsultationDetail = ZConsultationItem.extend({
  version: z.number(),
  minimumDays: z.number(),
  periodRule: z.string(),
  shortenedReason: z.string().nullable(),
  draftText: z.string(),
  anchors: z.array(ZAnchor),
  reportSummary: z.string().nullable(),
  finalTextUrl: z.string().nullable(),
  reportedOn: z.string().nullable(),
  transitions: z.array(z.object({ id: z.string(), label: z.string() })),
  abilities: z.object({ answer: z.boolean(), viewCommenters: z.boolean() }),
  /** the comments grouped by anchor, in the draft's order ('whole' first) */
  groups: z.array(
    z.object({
      anchor: z.string(),
      label: z.string(),
      comments: z.array(
        z.object({
          id: z.string(),
          number: z.number(),
          text: z.string(),
          submittedAt: z.string(),
          commenterName: z.string().nullable(),
          commenterContact: z.string().nullable(),
          answerId: z.string().nullable(),
        }),
      ),
    }),
  ),
  answers: z.array(
    z.object({ id: z.string(), outcome: ZOutcome, outcomeLabel: z.string(), reason: z.string(), answeredOn: z.string(), commentNumbers: z.array(z.number()) }),
  ),
});

// ─── public ─────────────────────────────────────────────────────────────

export const ZPublicConsultationItem = z.object({
  id: z.string(),
  title: z.string(),
  orgName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  days: z.number(),
  shortenedReason: z.string().nullable(),
  comments: z.number(),
  reportedOn: z.string().nullable(),
});
export const ZPublicConsultationList = z.object({ items: z.array(ZPublicConsultationItem) });

export const ZPublicConsultation = ZPublicConsultationItem.extend({
  anchors: z.array(ZAnchor),
  acceptingComments: z.boolean(),
  report: z
    .object({
      summary: z.string(),
      finalTextUrl: z.string().nullable(),
      publishedOn: z.string(),
      counts: z.object({ adopted: z.number(), partlyAdopted: z.number(), notAdopted: z.number() }),
    })
    .nullable(),
  /** once the report is published: each comment (no name, no contact) with its answer */
  feedback: z.array(
    z.object({
      number: z.number(),
      anchor: z.string(),
      anchorLabel: z.string(),
      text: z.string(),
      submittedOn: z.string(),
      answer: z.object({ outcome: ZOutcome, outcomeLabel: z.string(), reason: z.string() }).nullable(),
    }),
  ),
});

export const ZChallenge = z.object({ token: z.string(), question: z.string() });
export const ZCommentAccepted = z.object({ number: z.number(), message: z.string() });
