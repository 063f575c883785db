/**
 * Response schemas of the staff side of 行政执法公示: what each route answers, as the presenters in queries.ts
 * build it (the public side's are in public.ts). They generate the OpenAPI document, check every answer, and
 * the web console's types are inferred from them.
 */
import { z } from 'zod';
import { publicationKinds, publicationStates, type PublicationKind, type PublicationState } from '../../domain/publicity/rules.ts';
import { ZMatterDeadline, ZTransitionOption } from '../cases/index.ts';
import { ZPublicContent } from './content.ts';

const str = z.string();
const nstr = z.string().nullable();

/** The columns of a publication (PublicationRow). */
export const ZPublicationRow = z.object({
  id: str,
  kind: z.enum(Object.keys(publicationKinds) as [PublicationKind, ...PublicationKind[]]),
  sourceType: str,
  sourceId: str,
  bodyId: str,
  procedure: nstr,
  decidedOn: str,
  channels: z.array(str),
  state: z.enum(Object.keys(publicationStates) as [PublicationState, ...PublicationState[]]),
  number: str,
  partyType: str,
  partyName: str,
  partyUscc: nstr,
  violation: str,
  field: str,
  fineFen: z.number(),
  currentVersion: z.number(),
  currentSeq: z.number().nullable(),
  publishedOn: nstr,
  expiresOn: nstr,
});

/** A row of GET /api/publicity/publications. */
export const ZPublicationListItem = ZPublicationRow.extend({ bodyName: str, nextDue: nstr, stateLabel: str });
export type PublicationListItem = z.infer<typeof ZPublicationListItem>;
export const ZPublicationList = z.object({ total: z.number(), items: z.array(ZPublicationListItem) });

/** A version of the published content, as the staff see it (unmasked only where the content itself is). */
export const ZPublicationVersion = z.object({
  version: z.number(),
  content: ZPublicContent,
  ledgerSeq: z.number(),
  publishedOn: str,
  status: z.enum(['current', 'superseded', 'withdrawn', 'ended']),
  statusOn: nstr,
  statusReason: nstr,
});
export type PublicationVersion = z.infer<typeof ZPublicationVersion>;

/** GET /api/publicity/publications/:id and the answer of every transition. */
export const ZPublicationDetail = ZPublicationRow.extend({
  bodyName: str,
  source: z.object({ matterType: z.enum(['case', 'inspectionTask']), matterId: str }),
  stateLabel: str,
  abilities: z.object({ read: z.boolean(), transition: z.boolean(), viewRecord: z.boolean(), uploadEvidence: z.boolean() }),
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
  versions: z.array(ZPublicationVersion),
  deadlines: z.array(ZMatterDeadline),
});
export type PublicationDetail = z.infer<typeof ZPublicationDetail>;

const ZRate = z.object({
  bodyName: str,
  required: z.number(),
  published: z.number(),
  onTime: z.number(),
  rate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
});
const ZTaskDue = z.object({ taskId: str, taskName: str, bodyName: str, due: str });

/** GET /api/publicity/overview: late and missing publications, the rates per body. */
export const ZOverview = z.object({
  today: str,
  overdue: z.array(z.object({ matterId: str, title: str, ruleId: str, label: str, due: str })),
  missing: z.array(z.object({ caseId: str, number: str, decidedOn: str, partyName: str, bodyName: str })),
  rates: z.array(ZRate),
  inspectionResults: z.object({ overdue: z.array(ZTaskDue), pending: z.array(ZTaskDue), rates: z.array(ZRate) }),
});
export type Overview = z.infer<typeof ZOverview>;

/** A field of a decision that failed the 双公示 checks (the row is left out of the file). */
export const ZCreditExportError = z.object({ publicationId: str, number: str, field: str, code: str, message: str });
export type CreditExportError = z.infer<typeof ZCreditExportError>;

/** POST /api/publicity/credit-exports. */
export const ZCreditExportCreated = z.object({
  id: str,
  format: z.enum(['xlsx', 'csv', 'json']),
  items: z.number(),
  errors: z.array(ZCreditExportError),
  fileHash: str,
  fileSize: z.number(),
  downloadUrl: str,
});

/** A row of GET /api/publicity/credit-exports. */
export const ZCreditExport = ZCreditExportCreated.extend({ bodyId: str, bodyName: str, createdAt: str, createdBy: nstr });
export type CreditExport = z.infer<typeof ZCreditExport>;
