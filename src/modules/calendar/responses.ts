/** Response schemas of working days and deadlines (工作日与期限): the rules and a computed deadline. */
import { z } from 'zod';

export const ZSkipped = z.array(z.object({ date: z.string(), name: z.string() }));

const ZExtension = z.object({ amount: z.number(), unit: z.string(), approval: z.string() });

/** How a last day on a rest day is treated, as the rule declares it (applies: false for periods in working days). */
export const ZRestDay = z.object({ applies: z.boolean(), extends: z.boolean(), reason: z.string() });

/** POST /api/deadlines/compute. */
export const ZDeadlineResult = z.object({
  ruleId: z.string(),
  label: z.string(),
  start: z.string(),
  due: z.string(),
  warnFrom: z.string(),
  description: z.string(),
  basis: z.array(z.string()),
  sourceNote: z.string().nullable(),
  skipped: ZSkipped,
  suspendedDays: z.number(),
  extension: ZExtension.nullable(),
  restDay: ZRestDay,
  /** the period touches a year without an official holiday schedule: 暂按法定节假日计算 */
  provisional: z.boolean(),
  officialCalendar: z.boolean(),
});
export type DeadlineResult = z.infer<typeof ZDeadlineResult>;

/** GET /api/deadlines/rules: the statutory deadline rules with their legal basis. */
export const ZDeadlineRules = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      amount: z.number(),
      unit: z.string(),
      direction: z.string(),
      event: z.string(),
      basis: z.array(z.string()),
      sourceNote: z.string().optional(),
      suspendable: z.boolean(),
      warnWorkingDays: z.number(),
      validFrom: z.string(),
      extension: ZExtension.optional(),
      restDay: ZRestDay,
    }),
  ),
});
export type DeadlineRule = z.infer<typeof ZDeadlineRules>['items'][number];
