/**
 * 断点续传 (resumable evidence uploads): the tus 1.0 protocol (@tus/server with @tus/file-store) under
 * `/api/uploads`. The bytes of an upload in progress sit in `DATA_DIR/uploads/<id>` (with `<id>.json`, its
 * metadata); a phone that loses its connection asks `HEAD` for the offset and continues with `PATCH`. The
 * requests pass the app's authentication and CSRF hook like every other `/api/` route. Creation asks the same
 * question as the one-request upload (`mayUploadEvidence`: the matter type's policy, 404/403) and the size
 * limit; only the user who created an upload may see or continue it (404 to anyone else). On completion
 * the file goes through `uploadEvidence` — the same command as `POST …/evidence` — into the content-addressed
 * BlobStore and the record, and the upload's own file is removed. Incomplete uploads expire after
 * `UPLOAD_EXPIRY_MS` (24 h), removed by the record module's job `record.expireUploads`.
 */
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FileStore } from '@tus/file-store';
import { Server, type ServerOptions } from '@tus/server';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError, parseOrThrow } from '../../platform/errors.ts';
import { principal, type App } from '../../platform/http.ts';
import type { Principal } from '../../platform/policies.ts';
import { MAX_EVIDENCE_BYTES, mayUploadEvidence, uploadEvidence } from './upload-evidence.ts';

export const UPLOADS_PATH = '/api/uploads';
/** An upload not completed within a day is removed. */
export const UPLOAD_EXPIRY_MS = 24 * 3600 * 1000;
/** How often the leader looks for expired uploads. */
export const UPLOAD_SWEEP_EVERY_MS = 3600 * 1000;

/** What the client says about the file when it creates the upload (tus `Upload-Metadata`). */
export const ZUploadMetadata = z.object({
  matterType: z.string().min(1, '缺少事项类型').max(40),
  matterId: z.string().min(1, '缺少事项编号').max(64),
  fileName: z.string().trim().min(1, '缺少文件名').max(200, '文件名不能超过 200 个字符'),
  contentType: z.string().max(100, '文件类型不能超过 100 个字符').optional(),
  description: z.string().max(500, '说明不能超过 500 个字符').optional(),
});

const uploadsDir = (ctx: AppContext) => join(ctx.config.dataDir, 'uploads');
const fileStore = (ctx: AppContext) => new FileStore({ directory: uploadsDir(ctx), expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });

/** The periodic job: removes incomplete uploads older than UPLOAD_EXPIRY_MS; returns how many. */
export const expireUploads = (ctx: AppContext): Promise<number> => fileStore(ctx).deleteExpired();

/** A tus error answer carrying the app's JSON error (a stable code and a Chinese message). */
const tusError = (e: AppError, status = e.status) => ({
  status_code: status,
  body: JSON.stringify({ error: { code: e.code, message: e.messageZh, ...(e.details === undefined ? {} : { details: e.details }) } }),
});

/** The protocol's own refusals, said in Chinese. */
function translate(status: number, body: string): AppError {
  if (status === 404 || status === 410) return new AppError('UPLOAD_NOT_FOUND', '该上传不存在或已过期，请重新选择文件上传');
  if (status === 409) return new AppError('UPLOAD_OFFSET_CONFLICT', '上传的偏移量与服务器已收到的字节数不一致，请从服务器记录的位置继续');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', `文件超过上传上限（${MAX_EVIDENCE_BYTES / 1024 ** 3} GiB）或超过创建上传时声明的大小`);
  if (status === 501) return new AppError('BAD_REQUEST', '不支持该断点续传扩展（须在创建上传时声明文件大小，且不能并行分段上传）');
  if (/Upload-Offset/i.test(body)) return new AppError('BAD_REQUEST', '断点续传请求缺少 Upload-Offset 请求头');
  if (/Content-Type/i.test(body)) return new AppError('UNSUPPORTED_MEDIA_TYPE', '续传的数据须以 application/offset+octet-stream 提交');
  if (/Upload-Length/i.test(body)) return new AppError('BAD_REQUEST', '创建上传时须以 Upload-Length 声明文件大小');
  if (/Upload-Metadata/i.test(body)) return new AppError('VALIDATION_FAILED', '上传的元数据（Upload-Metadata）格式有误');
  if (status < 500) return new AppError('BAD_REQUEST', '断点续传请求不合法');
  return new AppError('INTERNAL_ERROR', '上传未能完成，请稍后继续上传');
}

export async function registerResumableUploads(app: App, ctx: AppContext) {
  // the principal of each request, for the protocol's hooks (they see the request, not Fastify's)
  const principals = new WeakMap<IncomingMessage, Principal>();
  const whose = (req: Parameters<NonNullable<ServerOptions['onIncomingRequest']>>[0]): Principal => {
    const node = (req as { runtime?: { node?: { req: IncomingMessage } } }).runtime?.node;
    const p = node && principals.get(node.req);
    if (!p) throw tusError(new AppError('UNAUTHENTICATED', '未登录或登录已过期，请重新登录'));
    return p;
  };
  const store = fileStore(ctx);

  const refuse = (err: unknown) => {
    if (err instanceof AppError) return tusError(err);
    throw err;
  };

  const tus = new Server({
    path: UPLOADS_PATH,
    datastore: store,
    relativeLocation: true,
    maxSize: MAX_EVIDENCE_BYTES,
    // same origin only: no CORS answer for another site
    allowedOrigins: [],
    async onIncomingRequest(req, id) {
      const p = whose(req);
      if (req.method === 'POST') return;
      // an upload is its creator's: anyone else is told it does not exist
      const upload = await store.getUpload(id).catch(() => null);
      if (upload && upload.metadata?.uploadedBy !== p.userId) throw tusError(new AppError('UPLOAD_NOT_FOUND', '该上传不存在或已过期，请重新选择文件上传'));
    },
    async onUploadCreate(req, upload) {
      const p = whose(req);
      try {
        // a key sent without a value arrives as null: said as missing
        const given = Object.fromEntries(Object.entries(upload.metadata ?? {}).map(([k, v]) => [k, v ?? '']));
        const meta = parseOrThrow(ZUploadMetadata, given);
        if (upload.size === undefined) throw new AppError('BAD_REQUEST', '创建上传时须以 Upload-Length 声明文件大小');
        if (upload.size > MAX_EVIDENCE_BYTES) throw translate(413, '');
        await mayUploadEvidence(ctx.registry, ctx.db, p, meta.matterType, meta.matterId);
        return {
          metadata: {
            matterType: meta.matterType,
            matterId: meta.matterId,
            fileName: meta.fileName,
            contentType: meta.contentType || 'application/octet-stream',
            ...(meta.description ? { description: meta.description } : {}),
            uploadedBy: p.userId,
          },
        };
      } catch (err) {
        throw refuse(err);
      }
    },
    async onUploadFinish(req, upload) {
      const p = whose(req);
      const m = upload.metadata ?? {};
      try {
        const evidenceId = await uploadEvidence(
          ctx,
          p,
          m.matterType ?? '',
          m.matterId ?? '',
          { fileName: m.fileName ?? '', contentType: m.contentType ?? 'application/octet-stream', description: m.description ?? null },
          store.read(upload.id),
        );
        return { headers: { 'Fazhi-Evidence-Id': evidenceId } };
      } catch (err) {
        if (!(err instanceof AppError)) app.log.error({ err, uploadId: upload.id }, 'a completed upload could not be registered as evidence');
        throw refuse(err instanceof AppError ? err : new AppError('INTERNAL_ERROR', '文件已收到，但未能登记为证据，请重新上传'));
      } finally {
        // registered or refused, the upload's own copy goes: the evidence is in the blob store now, and a
        // refused file must not look complete to a client that resumes it (it would report success)
        await store.remove(upload.id).catch(() => undefined);
      }
    },
    onResponseError(_req, err) {
      const e = err as { status_code?: number; body?: string };
      if (e.body?.startsWith('{')) return undefined;
      if (!e.status_code || e.status_code >= 500) app.log.error({ err }, 'resumable upload failed');
      const mapped = translate(e.status_code ?? 500, e.body ?? '');
      return tusError(mapped, mapped.status === 404 || mapped.status === 409 || mapped.status === 413 ? mapped.status : (e.status_code ?? 500));
    },
  });

  await app.register(async (scope) => {
    // the body is the file's bytes: the tus server reads the raw stream itself
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      const p = principal(req);
      if (req.method !== 'OPTIONS' && !req.headers['tus-resumable'])
        throw new AppError('BAD_REQUEST', '断点续传请求须带 Tus-Resumable: 1.0.0 请求头（tus 协议）');
      principals.set(req.raw, p);
      reply.hijack();
      reply.raw.setHeader('cache-control', 'no-store');
      await tus.handle(req.raw, reply.raw);
    };
    const schema = { tags: ['执法全过程记录'], hide: true };
    scope.route({ method: ['POST', 'OPTIONS'], url: UPLOADS_PATH, schema, handler });
    scope.route({ method: ['HEAD', 'PATCH', 'DELETE', 'OPTIONS'], url: `${UPLOADS_PATH}/:id`, schema, handler });
  });
}
