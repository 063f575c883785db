/** Response schemas of the 规则目录: every legal rule with its citations, statement and examples as run now. */
import { z } from 'zod';
import { legalRuleKinds } from '../../domain/legalRules.ts';

const ZValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]);
const ZRecord = z.record(z.string(), ZValue);

export const ZLegalRuleExample = z.object({
  text: z.string(),
  given: ZRecord,
  expect: ZRecord,
  /** what the platform's function returns for `given`, computed for this response */
  actual: ZRecord.nullable(),
  passes: z.boolean(),
  error: z.string().nullable(),
});

export const ZLegalRule = z.object({
  id: z.string(),
  kind: z.enum(legalRuleKinds),
  kindLabel: z.string(),
  name: z.string(),
  statement: z.string(),
  basis: z.array(z.object({ id: z.string(), label: z.string() })),
  sourceNote: z.string().nullable(),
  changedOn: z.string(),
  module: z.string(),
  moduleLabel: z.string(),
  fields: z.record(z.string(), z.string()),
  examples: z.array(ZLegalRuleExample),
});
export type TLegalRule = z.infer<typeof ZLegalRule>;

/** GET /api/rules */
export const ZLegalRuleList = z.object({
  items: z.array(ZLegalRule),
  /** how many rules of each kind the whole catalogue holds (before the filter) */
  counts: z.record(z.string(), z.number()),
});
export type TLegalRuleList = z.infer<typeof ZLegalRuleList>;
