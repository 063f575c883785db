/**
 * Boundary types shared by every module's request schemas: one date type with the platform's range
 * (DATE_RANGE in domain/dates.ts), one date-time type. A module never declares its own date regex.
 */
import { z } from 'zod';
import { residentIdProblem, usccProblem } from '../domain/codes.ts';
import { chinaToday, DATE_RANGE, isRealDate } from '../domain/dates.ts';

const inRange = (d: string) => d >= DATE_RANGE.min && d <= DATE_RANGE.max;
const rangeMessage = `日期应在 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间`;

/** A real calendar date, YYYY-MM-DD, from 1949-10-01 to 2100-12-31. */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(isRealDate, { message: '日期不存在' })
  .refine(inRange, { message: rangeMessage });

/** A local (北京时间) date and time to the minute, YYYY-MM-DDTHH:mm, its date in the same range. */
export const ZDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 YYYY-MM-DDTHH:mm' })
  .refine((s) => isRealDate(s.slice(0, 10)), { message: '日期不存在' })
  .refine((s) => inRange(s.slice(0, 10)), { message: rangeMessage });

/** The date of something that has happened (a lead received, a document served, a payment made): not after today (北京时间). */
export const ZFactDate = ZDate.refine((d) => d <= chinaToday(), { message: '已发生事实的日期不能晚于今天' });

/** A code checked by its standard (domain/codes.ts), trimmed and upper-cased; the message says what is wrong (length, characters, check character). */
const checkedCode = (problem: (code: string) => string | null) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((code, c) => {
      const p = problem(code);
      if (p) c.addIssue({ code: 'custom', message: p });
    });

/** 统一社会信用代码 (GB 32100-2015). */
export const ZUscc = checkedCode(usccProblem);
/** 公民身份号码 (GB 11643-1999); `name` names it in the message (法定代表人身份号码 …). */
export const ZResidentId = (name?: string) => checkedCode((id) => residentIdProblem(id, name));

/** An open deadline in the caller's org subtree, overdue or in its warning period (`deadlinesInScope`). */
export const ZDeadlineInScope = z.object({
  id: z.string(),
  matterId: z.string(),
  matterType: z.string(),
  title: z.string(),
  ruleId: z.string(),
  label: z.string(),
  due: z.string(),
  warnFrom: z.string(),
  overdue: z.boolean(),
  provisional: z.boolean(),
});
