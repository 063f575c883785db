import { z } from 'zod';
import { accessActionIds } from '../../platform/audit/access.ts';
import { ZDate } from '../../platform/schema.ts';

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${what}不能超过 ${max} 个字符` })
    .optional();

export const ZAccessLogQuery = z
  .strictObject({
    user: optionalText(64, '用户'),
    action: z.enum(accessActionIds, { message: '访问类型不正确' }).optional(),
    resourceType: optionalText(40, '资源类型'),
    resourceId: optionalText(64, '资源编号'),
    subject: optionalText(100, '当事人'),
    from: ZDate.optional(),
    to: ZDate.optional(),
    page: z.coerce.number({ message: '页码应为数字' }).int({ message: '页码应为整数' }).min(1, { message: '页码至少为 1' }).max(100_000).default(1),
    pageSize: z.coerce.number({ message: '每页条数应为数字' }).int().min(1, { message: '每页至少 1 条' }).max(200, { message: '每页最多 200 条' }).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '起始日期不能晚于结束日期', path: ['to'] });
export type TAccessLogQuery = z.infer<typeof ZAccessLogQuery>;

export const ZAccessEntry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(z.string()),
  action: z.enum(accessActionIds),
  actionLabel: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  matterType: z.string().nullable(),
  matterId: z.string().nullable(),
  subjectName: z.string().nullable(),
  subjectCode: z.string().nullable(),
  note: z.string().nullable(),
  ip: z.string(),
  userAgent: z.string().nullable(),
  requestId: z.string(),
});

export const ZAccessLogPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(ZAccessEntry),
  actions: z.record(z.string(), z.string()),
});
