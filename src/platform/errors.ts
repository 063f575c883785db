/**
 * Errors are data: a stable code for clients, a Chinese message for people. The code, and with it the
 * HTTP status, comes from the closed catalogue (domain/errorCatalogue.ts).
 * Never a stack trace to the user.
 */
import type { z } from 'zod';
import { errorCatalogue, type ErrorCode } from '../domain/errorCatalogue.ts';

export type { ErrorCode } from '../domain/errorCatalogue.ts';

export class AppError extends Error {
  public readonly status: number;
  public readonly messageZh: string;
  constructor(
    public readonly code: ErrorCode,
    messageZh?: string,
    public readonly details?: unknown,
  ) {
    const entry = errorCatalogue[code];
    super(`${code}: ${messageZh ?? entry.title}`);
    this.status = entry.status;
    this.messageZh = messageZh ?? entry.title;
  }
}

export const notFound = (what = '资源') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (why = '当前用户无权执行此操作') => new AppError('FORBIDDEN', why);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', '未登录或登录已过期，请重新登录');

/** Parses with a schema, or throws 400 VALIDATION_FAILED listing each problem in Chinese (path: message). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('VALIDATION_FAILED', `输入有误：${issues.map((i) => `${i.path || '输入'}：${i.message}`).join('；')}`, { issues });
}
