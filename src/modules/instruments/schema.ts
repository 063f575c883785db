import { z } from 'zod';
import { ZDate } from '../../platform/schema.ts';

export const ZTemplateField = z.object({
  path: z.string(),
  label: z.string(),
  required: z.boolean(),
  condition: z.string().optional(),
});

export const ZTemplateSummary = z.object({
  kind: z.string(),
  title: z.string(),
  family: z.string(),
  version: z.number(),
  numberPattern: z.string(),
  source: z.string(),
  fields: z.array(ZTemplateField),
  sample: z.record(z.string(), z.unknown()),
});

export const ZInstrument = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.string(),
  title: z.string(),
  year: z.number(),
  seq: z.number(),
  number: z.string(),
  templateVersion: z.number(),
  matterType: z.string(),
  matterId: z.string(),
  issuedOn: z.string(),
  data: z.record(z.string(), z.unknown()),
  dataHash: z.string(),
  hashAlg: z.string(),
  docxHash: z.string(),
  docxSize: z.number(),
  pdfHash: z.string(),
  pdfSize: z.number(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ read: z.boolean(), download: z.boolean() }),
});
export type TInstrument = z.infer<typeof ZInstrument>;

export const ZPreviewRequest = z.strictObject({
  kind: z.string().min(1).max(64),
  data: z.record(z.string(), z.unknown()),
  format: z.enum(['docx', 'pdf']).default('pdf'),
  /** the issuing body; default the enforcement body the caller belongs to */
  orgId: z.string().min(1).max(64).optional(),
  date: ZDate.optional(),
});
export type TPreviewRequest = z.infer<typeof ZPreviewRequest>;
