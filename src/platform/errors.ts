/**
 * Errors are data: a stable code for clients, a Chinese message for people. The code, and with it the
 * HTTP status, comes from the closed catalogue (domain/errorCatalogue.ts).
 * Never a stack trace to the user.
 */
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
