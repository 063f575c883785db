/**
 * Response schemas of the record (执法全过程记录): entries, tree heads, proofs, evidence files. They generate the
 * OpenAPI document, check every answer, and the web console's types are inferred from them. `fileAnswer`
 * describes a download (any module's) in the document: its media types, the body being the file's bytes.
 */
import { z } from 'zod';

/** A payload in words (platform/record/present.ts): a one-line summary and labelled rows, ids as names and links. */
export const ZEntryDisplay = z.object({
  summary: z.string(),
  rows: z.array(
    z.object({
      label: z.string(),
      depth: z.number().describe('0: a field of the payload; more: a sub-field of the row above'),
      values: z.array(z.object({ text: z.string(), link: z.object({ kind: z.string(), id: z.string() }).optional() })),
    }),
  ),
});

/** An entry of the record as the API presents it (its payload parsed, its event labelled, its payload in words). */
export const ZEntry = z.object({
  seq: z.number(),
  recordedAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  orgId: z.string().nullable(),
  matterType: z.string(),
  matterId: z.string(),
  eventType: z.string(),
  eventLabel: z.string(),
  payload: z.unknown().describe('事件内容（按事件类型，见 src/platform/record/events.ts）'),
  display: ZEntryDisplay.describe('事件内容的中文表述（字段目录 src/platform/record/fieldLabels.ts）'),
  payloadHash: z.string(),
  leafHash: z.string(),
  hashAlg: z.string(),
});
export type RecordEntry = z.infer<typeof ZEntry>;

export const ZTreeHead = z.object({
  id: z.number(),
  treeSize: z.number(),
  rootHash: z.string(),
  hashAlg: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type TreeHead = z.infer<typeof ZTreeHead>;

export const ZEvidence = z.object({
  id: z.string(),
  matterType: z.string(),
  matterId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  hashAlg: z.string(),
  contentHash: z.string(),
  description: z.string().nullable(),
  uploadedBy: z.string(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
});
export type Evidence = z.infer<typeof ZEvidence>;

/** GET /api/record/matters/:matterType/:matterId: the timeline of one matter. */
export const ZMatterRecord = z.object({
  matterType: z.string(),
  matterId: z.string(),
  title: z.string(),
  entries: z.array(ZEntry),
  evidence: z.array(ZEvidence),
  canUploadEvidence: z.boolean(),
});
export type MatterRecord = z.infer<typeof ZMatterRecord>;

/** GET /api/record/entries: the ledger, newest first. */
export const ZLedgerPage = z.object({ items: z.array(ZEntry), size: z.number(), rootHash: z.string(), hashAlg: z.string() });
export type LedgerPage = z.infer<typeof ZLedgerPage>;

/** GET /api/record/entries/:seq/proof. */
export const ZInclusionProof = z.object({
  entry: ZEntry,
  leafIndex: z.number(),
  treeSize: z.number(),
  proof: z.array(z.string()),
  treeHead: ZTreeHead,
  publicKeyPem: z.string(),
  verified: z.boolean(),
  signatureValid: z.boolean(),
});
export type InclusionProof = z.infer<typeof ZInclusionProof>;

export const ZTreeHeadsPage = z.object({ items: z.array(ZTreeHead), publicKeyPem: z.string(), keyId: z.string() });
export type TreeHeadsPage = z.infer<typeof ZTreeHeadsPage>;

export const ZConsistency = z.object({ from: ZTreeHead, to: ZTreeHead, proof: z.array(z.string()), verified: z.boolean() });
export type ConsistencyResult = z.infer<typeof ZConsistency>;

/** A download in the OpenAPI document: the file's bytes, in one of `mediaTypes`. */
export const fileAnswer = (description: string, ...mediaTypes: string[]) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: z.string().meta({ format: 'binary', description }) }])),
});
