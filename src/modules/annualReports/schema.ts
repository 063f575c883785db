/** Request schemas of the annual-report API. */
import { z } from 'zod';
import { reportKindIds } from '../../domain/annualReports/layouts.ts';

export const ZGenerateInput = z.strictObject({
  bodyId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(reportKindIds),
});

export const ZEditParagraph = z.strictObject({
  expectedVersion: z.number().int().min(1),
  text: z.string().max(20_000),
});

export const ZListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(reportKindIds).optional(),
});
