/**
 * Errors are data: a stable code for clients, a Chinese message for people.
 * Never a stack trace to the user.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly messageZh: string,
    public readonly details?: unknown,
  ) {
    super(`${code}: ${messageZh}`);
  }
}

export const notFound = (what = '资源') => new AppError(404, 'NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (why = '当前用户无权执行此操作') => new AppError(403, 'FORBIDDEN', why);
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
export const conflict = (code: string, msg: string, details?: unknown) => new AppError(409, code, msg, details);
export const unprocessable = (code: string, msg: string, details?: unknown) => new AppError(422, code, msg, details);
export const badRequest = (code: string, msg: string, details?: unknown) => new AppError(400, code, msg, details);
