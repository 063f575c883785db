import { z } from 'zod';
import { roles } from '../../platform/policies.ts';

const ZRoles = z
  .array(z.enum(roles))
  .min(1)
  .max(roles.length)
  .refine((r) => new Set(r).size === r.length, { message: '角色不能重复' });

export const ZCreateUserRequest = z.strictObject({
  username: z.string().regex(/^[a-zA-Z0-9_.-]{3,32}$/, { message: '用户名为 3–32 位字母、数字、下划线、点或短横线' }),
  displayName: z.string().trim().min(1).max(50),
  orgId: z.string().min(1),
  roles: ZRoles,
  password: z.string().min(1).max(128),
  officerId: z.string().min(1).nullable().optional(),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  orgId: z.string().min(1).optional(),
  roles: ZRoles.optional(),
  active: z.boolean().optional(),
  officerId: z.string().min(1).nullable().optional(),
  /** where deadline reminders reach the user (期限提醒), besides the console */
  email: z.email({ message: '电子邮箱格式不正确' }).max(100).nullable().optional(),
  mobile: z
    .string()
    .regex(/^1[3-9]\d{9}$/, { message: '手机号码应为11位数字' })
    .nullable()
    .optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z.strictObject({ newPassword: z.string().min(1).max(128) });
export const ZChangePasswordRequest = z.strictObject({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) });

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(z.enum(roles)),
  active: z.boolean(),
  officerId: z.string().nullable(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  abilities: z.object({ read: z.boolean(), update: z.boolean(), resetPassword: z.boolean(), viewRecord: z.boolean() }),
});
export type TUser = z.infer<typeof ZUser>;
