/** Response schemas of the officers module (执法人员) not kept with its records in schema.ts: the reference and the eligibility check. */
import { z } from 'zod';

/** GET /api/reference/enforcement: the enforcement fields and acts. */
export const ZEnforcementReference = z.object({
  fields: z.record(z.string(), z.string()),
  acts: z.record(z.string(), z.object({ label: z.string(), minOfficers: z.number(), basis: z.string() })),
});
export type EnforcementReference = z.infer<typeof ZEnforcementReference>;

/** POST /api/officers/eligibility: may these officers carry out the act (持证上岗)? */
export const ZEligibilityResult = z.object({
  allowed: z.boolean(),
  act: z.string(),
  field: z.string(),
  date: z.string(),
  minOfficers: z.number(),
  basis: z.string(),
  qualified: z.array(z.object({ officerId: z.string(), certificateNumber: z.string() })),
  problems: z.array(z.object({ officerId: z.string().nullable(), code: z.string(), message: z.string() })),
});
export type EligibilityResult = z.infer<typeof ZEligibilityResult>;
