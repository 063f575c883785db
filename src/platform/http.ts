/** HTTP conventions shared by every module: the typed app, public routes, the caller, errors. */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

// field-level validation messages in Chinese
z.config(z.locales.zhCN());
import { COMPUTABLE_RANGE, DateOutOfRangeError } from '../domain/dates.ts';
import { AppError, unauthenticated } from './errors.ts';
import type { Principal } from './policies.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * Errors answered as HTML pages (the public portal's own layout) for the requests a module serves as pages;
 * every other request — /api/* above all — gets the JSON `{error}`. Set once by that module on the app.
 */
export interface ErrorPages {
  /** whether the request is one of the module's pages */
  handles(req: FastifyRequest): boolean;
  /** the page's HTML for the error (the renderer sets its own headers on `reply`) */
  render(reply: FastifyReply, e: { status: number; code: string; message: string }): Promise<string>;
}

declare module 'fastify' {
  interface FastifyInstance {
    errorPages: ErrorPages | null;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** reachable without login */
    public?: boolean;
  }
}

/** The signed-in caller; 401 when there is none. */
export function principal(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated();
  return req.principal;
}

export const ZError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** Common error responses for the OpenAPI document. */
export const errorResponses = { 400: ZError, 401: ZError, 403: ZError, 404: ZError, 409: ZError, 422: ZError };

/** An error as JSON `{error: {code, message, details}}`, or as a page where a module serves pages (ErrorPages). */
export async function sendError(req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  const pages = req.server.errorPages;
  if (pages?.handles(req)) {
    // a page that cannot be rendered (its data source is down, say) falls back to the JSON answer
    const body = await pages.render(reply, { status, code, message }).catch((err: unknown) => {
      req.log.error({ err, reqId: req.id }, 'error page could not be rendered');
      return null;
    });
    if (body !== null) return reply.status(status).header('cache-control', 'no-store').send(body);
  }
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const zodPathMessage = (issues: { instancePath?: string; message?: string; params?: { issue?: { path?: unknown[]; message?: string } } }[]) =>
  issues.map((i) => ({
    path: i.params?.issue?.path?.join('.') ?? (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.'),
    message: i.params?.issue?.message ?? i.message ?? '',
  }));

const where: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** Maps every error to `{error: {code, message, details}}` with a Chinese message; never a stack trace. */
export async function errorHandler(
  err: Error & { code?: string; statusCode?: number; validation?: unknown; validationContext?: string },
  req: FastifyRequest,
  reply: FastifyReply,
) {
  if (err instanceof AppError) return sendError(req, reply, err.status, err.code, err.messageZh, err.details);
  if (err instanceof DateOutOfRangeError) {
    return sendError(req, reply, 422, 'DATE_OUT_OF_RANGE', `日期超出可计算的范围（${COMPUTABLE_RANGE.min} 至 ${COMPUTABLE_RANGE.max}），无法计算期限或工作日`, {
      date: err.date,
    });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = zodPathMessage(err.validation as never);
    // a field's own Chinese message (手机号码应为11位数字) is said with it; zod's English defaults stay in the details
    const fields = details.map((d) => `${d.path || '(整体)'}${/[\u4e00-\u9fff]/.test(d.message) ? `（${d.message}）` : ''}`).join('、');
    return sendError(req, reply, 400, 'VALIDATION_FAILED', `${where[err.validationContext ?? 'body'] ?? '请求'}不符合要求：${fields}`, details);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(req, reply, 400, 'INVALID_JSON', '请求体不是有效的 JSON');
    case 'FST_ERR_HANDLER_TIMEOUT':
      req.log.error({ reqId: req.id, method: req.method, url: req.url }, 'request timed out');
      return sendError(req, reply, 503, 'REQUEST_TIMEOUT', `请求处理超时，请稍后重试（请求编号 ${req.id}）`, { requestId: req.id });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendError(req, reply, 413, 'PAYLOAD_TOO_LARGE', '请求体过大');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendError(req, reply, 415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型');
    case '23505':
      return sendError(req, reply, 409, 'DUPLICATE', '数据重复：已存在相同的记录');
    case '23503':
      return sendError(req, reply, 422, 'REFERENCE_NOT_FOUND', '引用的数据不存在');
    case '22007':
    case '22008':
      return sendError(req, reply, 400, 'VALIDATION_FAILED', '日期或时间不合法');
    case '40001':
    case '40P01':
      return sendError(req, reply, 409, 'CONCURRENT_CHANGE', '数据已被他人同时修改，请刷新后重试');
  }
  if (err instanceof SyntaxError && err.statusCode === 400) return sendError(req, reply, 400, 'INVALID_JSON', '请求体不是有效的 JSON');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(req, reply, err.statusCode, 'BAD_REQUEST', '请求不合法');
  // every 5xx is logged with its request id (the server's logger is on by default); the client gets the id, never a stack
  req.log.error({ err, reqId: req.id, method: req.method, url: req.url }, 'unhandled error');
  return sendError(req, reply, 500, 'INTERNAL_ERROR', `服务器内部错误，请稍后重试或联系系统管理员（请求编号 ${req.id}）`, { requestId: req.id });
}

/**
 * The first string in a parsed request part (params, query, body) that PostgreSQL cannot store or that is
 * not well-formed Unicode: a NUL character (U+0000) or a lone surrogate (U+D800–U+DFFF unpaired). Walks
 * objects and arrays (not a streamed upload's body or a Buffer), to a bounded depth.
 */
export function findForbiddenCharacter(value: unknown, path = '', depth = 0): { path: string; reason: string } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, reason: '空字符（\\u0000）' };
    if (!value.isWellFormed()) return { path, reason: '不成对的 Unicode 代理项' };
    return null;
  }
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findForbiddenCharacter(v, `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  // a streamed upload's body or a Buffer is not text
  if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const [k, v] of Object.entries(value)) {
    const hit = findForbiddenCharacter(k, path, depth + 1) ?? findForbiddenCharacter(v, path ? `${path}.${k}` : k, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** 400 INVALID_CHARACTERS before validation, for every route (API, portal, console): nothing reaches the database. */
export async function rejectForbiddenCharacters(req: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ['params', req.params],
    ['querystring', req.query],
    ['body', req.body],
  ] as const) {
    const hit = findForbiddenCharacter(value);
    if (hit) {
      throw new AppError('INVALID_CHARACTERS', `${where[part]}含有不允许的字符：${hit.reason}${hit.path ? `（${hit.path}）` : ''}`, {
        part,
        path: hit.path,
      });
    }
  }
}
