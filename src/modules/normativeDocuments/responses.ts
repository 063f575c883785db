/** Response schemas of the normative-document API (staff and public); they generate the OpenAPI document and check every answer. */
import { z } from 'zod';
import { ZMatterDeadline, ZTransitionOption } from '../cases/index.ts';

const str = z.string();
const nstr = z.string().nullable();
const ZLibraryStatus = z.enum(['effective', 'amended', 'repealed', 'invalid']).nullable();
const ZArticleOut = z.object({ label: str, chapter: nstr, text: str });

export const ZDocumentListItem = z.object({
  id: str,
  familyId: str,
  versionNo: z.number(),
  title: str,
  number: nstr,
  state: str,
  stateLabel: str,
  libraryStatus: ZLibraryStatus,
  libraryStatusLabel: nstr,
  bodyName: str,
  unitName: str,
  publishedOn: nstr,
  effectiveOn: nstr,
  expiresOn: nstr,
  nextDue: nstr,
  openFlags: z.number(),
});
export type DocumentListItem = z.infer<typeof ZDocumentListItem>;
export const ZDocumentList = z.object({ total: z.number(), items: z.array(ZDocumentListItem) });

export const ZCleanup = z.object({
  id: str,
  kind: str,
  kindLabel: str,
  round: str,
  outcome: str,
  outcomeLabel: str,
  reason: str,
  decidedOn: str,
  flagIds: z.array(str),
  newVersionId: nstr,
  createdAt: str,
});

export const ZDocumentDetail = z.object({
  id: str,
  familyId: str,
  versionNo: z.number(),
  previousId: nstr,
  bodyId: str,
  bodyName: str,
  unitId: str,
  unitName: str,
  planItemId: nstr,
  title: str,
  provisional: z.boolean(),
  affectsRights: z.boolean(),
  concernsMarket: z.boolean(),
  articles: z.array(ZArticleOut),
  necessity: str,
  impact: str,
  commentSkipReason: nstr,
  consultationId: nstr,
  fairReviewId: nstr,
  legalityReviewId: nstr,
  deliberation: z.object({ meetingOn: str, meeting: str, attendees: z.array(str), minutes: str, result: str, resultLabel: str }).nullable(),
  instrumentId: nstr,
  number: nstr,
  publishedOn: nstr,
  effectiveOn: nstr,
  expiresOn: nstr,
  interpretation: nstr,
  filedOn: nstr,
  filedWith: nstr,
  filingResult: nstr,
  filingResultLabel: nstr,
  filingResultOn: nstr,
  filingNote: nstr,
  endedOn: nstr,
  endedReason: nstr,
  state: str,
  stateLabel: str,
  libraryStatus: ZLibraryStatus,
  libraryStatusLabel: nstr,
  citations: z.array(z.object({ articleId: str, label: str, title: str, status: str })),
  openFlags: z.array(z.object({ id: str, articleId: str, change: str, createdAt: str })),
  settings: z.object({
    label: str,
    commentMinDays: z.number(),
    commentBasis: str,
    fairCompetitionBasis: str,
    filingWith: str,
    filingRule: str,
    validityRule: str,
    sourceNote: str,
  }),
  abilities: z.object({ read: z.boolean(), edit: z.boolean(), transition: z.boolean(), cleanup: z.boolean(), viewRecord: z.boolean() }),
  matter: z.object({
    id: str,
    type: str,
    workflowVersion: z.number(),
    state: str,
    version: z.number(),
    orgId: str,
    title: str,
    stateLabel: str,
    final: z.boolean(),
    transitions: z.array(ZTransitionOption),
  }),
  versions: z.array(z.object({ id: str, versionNo: z.number(), number: nstr, state: str, stateLabel: str, publishedOn: nstr, endedOn: nstr })),
  cleanups: z.array(ZCleanup),
  deadlines: z.array(ZMatterDeadline),
});
export type DocumentDetail = z.infer<typeof ZDocumentDetail>;

export const ZPlanList = z.object({
  items: z.array(
    z.object({
      id: str,
      bodyId: str,
      bodyName: str,
      year: z.number(),
      note: str,
      manage: z.boolean(),
      items: z.array(
        z.object({
          id: str,
          title: str,
          unitId: str,
          unitName: str,
          reason: str,
          plannedQuarter: z.number().nullable(),
          documentId: nstr,
          documentState: nstr,
          documentStateLabel: nstr,
        }),
      ),
    }),
  ),
});

/** GET /api/normative-documents/cleanup: what calls for a cleanup decision now, and the decisions taken. */
export const ZCleanupView = z.object({
  today: str,
  due: z.array(
    ZDocumentListItem.extend({
      reasons: z.array(z.object({ kind: z.enum(['lawChange', 'expiring', 'expired', 'filing', 'periodic']), label: str })),
    }),
  ),
  decisions: z.array(ZCleanup.extend({ documentId: str, title: str, number: nstr })),
});

// ─── public (portal): allow-listed fields only ───
export const ZPublicDocumentItem = z.object({
  id: str,
  title: str,
  number: str,
  bodyName: str,
  publishedOn: str,
  effectiveOn: nstr,
  expiresOn: nstr,
  status: z.enum(['effective', 'amended', 'repealed', 'invalid']),
  statusLabel: str,
});
export const ZPublicDocumentList = z.object({ total: z.number(), items: z.array(ZPublicDocumentItem) });
export const ZPublicDocument = ZPublicDocumentItem.extend({
  articles: z.array(ZArticleOut),
  interpretation: str,
  endedOn: nstr,
  endedReason: nstr,
  versions: z.array(z.object({ id: str, number: str, publishedOn: str, status: z.enum(['effective', 'amended', 'repealed', 'invalid']), statusLabel: str })),
});
export type PublicDocument = z.infer<typeof ZPublicDocument>;
export type PublicDocumentItem = z.infer<typeof ZPublicDocumentItem>;
