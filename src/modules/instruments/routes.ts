/**
 * 文书: the template catalogue, previews (no number, watermark 样稿) and the issued instruments with
 * their files. Issuing itself is done by the modules that own the matter (case handling) through
 * `issueInstrument`; operators have `fazhi instrument …`.
 */
import { z } from 'zod';
import { logAccess, partySubject, type AccessAction } from '../../platform/audit/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { previewInstrument } from '../../platform/documents/issue.ts';
import { contentTypes, instrumentFileName, templateSummaries, type InstrumentFormat } from '../../platform/documents/render.ts';
import { fileAnswer } from '../record/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { matterSubject } from '../audit/index.ts';
import { ancestorsOf, enforcementBodyOf, getInstrument } from './queries.ts';
import { ZInstrument, ZPreviewRequest, ZTemplateSummary } from './schema.ts';

const tags = ['文书'];
const ZId = z.object({ id: z.string().min(1).max(64) });

/** `attachment` saves the file; `inline` lets the browser show it (a PDF preview in a new tab). */
const disposition = (name: string, how: 'attachment' | 'inline' = 'attachment') => `${how}; filename*=UTF-8''${encodeURIComponent(name)}`;
/** `?disposition=inline`: a preview the browser shows, not a download (PDF only; a .docx is always a download). */
const ZDisposition = z.object({ disposition: z.enum(['attachment', 'inline']).default('attachment') });

export function registerInstrumentRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const summaries = templateSummaries();

  /** An issued instrument's data and files name the party in full (resident id, address): each read is audited. */
  const audit = async (
    req: Parameters<typeof logAccess>[1],
    action: AccessAction,
    i: { id: string; title: string; number: string; matterType: string; matterId: string; data: Record<string, unknown> },
    note: string,
  ) =>
    logAccess(db, req, {
      action,
      resourceType: 'instrument',
      resourceId: i.id,
      matter: { type: i.matterType, id: i.matterId },
      subject: (await matterSubject(db, i.matterType, i.matterId)) ?? partySubject(i.data.party),
      note,
    });

  app.get(
    '/api/instruments/templates',
    {
      schema: {
        tags,
        summary: '文书模板：种类、名称、文号格式、所需字段及示例数据',
        response: { 200: z.object({ items: z.array(ZTemplateSummary) }), ...errorResponses },
      },
    },
    async (req) => {
      principal(req);
      return { items: summaries };
    },
  );

  app.post(
    '/api/instruments/preview',
    {
      schema: {
        tags,
        summary: '预览文书（不编号、不登记，带“样稿”水印），返回 .docx 或 PDF 文件',
        body: ZPreviewRequest,
        response: { 200: fileAnswer('样稿文书（.docx 或 PDF）', contentTypes.docx, contentTypes.pdf), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      let orgId = req.body.orgId;
      if (orgId) {
        // in the caller's subtree, or a body above the caller's org (a station drafts in its bureau's name)
        if (!p.scope.has(orgId) && !(await ancestorsOf(db, p.orgId)).has(orgId))
          throw new AppError('ORG_NOT_FOUND', '制作文书的机关不存在或不在您的管辖范围内');
      } else {
        orgId = (await enforcementBodyOf(db, p.orgId)) ?? undefined;
        if (!orgId) throw new AppError('ORG_NOT_ENFORCEMENT_BODY', '您所在的机构及其上级均不是行政执法主体，请指定制作文书的机关');
      }
      const r = await previewInstrument(db, { orgId, kind: req.body.kind, data: req.body.data, format: req.body.format, date: req.body.date });
      reply.header('content-type', r.contentType);
      reply.header('content-disposition', disposition(r.fileName));
      reply.header('cache-control', 'no-store');
      return reply.send(r.bytes as never);
    },
  );

  app.get(
    '/api/instruments/:id',
    {
      schema: {
        tags,
        summary: '查看已制作的文书（文号、归属事项、数据及文件哈希；记入访问日志）',
        params: ZId,
        response: { 200: ZInstrument, ...errorResponses },
      },
    },
    async (req) => {
      const i = await getInstrument(ctx.registry, db, principal(req), req.params.id);
      if (!i) throw notFound('文书');
      await audit(req, 'instrument.read', i, `${i.title} ${i.number}`);
      return i;
    },
  );

  const download = (format: InstrumentFormat) =>
    app.get(
      `/api/instruments/:id/${format}`,
      {
        schema: {
          tags,
          summary:
            format === 'docx'
              ? '下载文书 .docx（先重新校验哈希，不一致则拒绝；记入访问日志）'
              : '下载或预览文书 PDF（disposition=inline 时在浏览器中显示；先重新校验哈希，不一致则拒绝；记入访问日志）',
          params: ZId,
          ...(format === 'pdf' ? { querystring: ZDisposition } : {}),
          response: { 200: fileAnswer(`文书文件（${format === 'docx' ? '.docx' : 'PDF'}）`, contentTypes[format]), ...errorResponses },
        },
      },
      async (req, reply) => {
        const i = await getInstrument(ctx.registry, db, principal(req), req.params.id);
        if (!i?.abilities.download) throw notFound('文书');
        const hash = format === 'docx' ? i.docxHash : i.pdfHash;
        if (!(await ctx.blobs.verify(hash))) {
          req.log.error({ instrumentId: i.id, format }, 'instrument blob does not match its recorded hash');
          throw new AppError('INSTRUMENT_TAMPERED', '文书文件与记录中的哈希值不一致，可能已被篡改，已拒绝下载；请通知系统管理员');
        }
        const how = format === 'pdf' ? ZDisposition.parse(req.query ?? {}).disposition : 'attachment';
        await audit(req, 'instrument.download', i, `${i.title} ${i.number}（${format === 'docx' ? '.docx' : how === 'inline' ? 'PDF，预览' : 'PDF'}）`);
        reply.header('content-type', contentTypes[format]);
        reply.header('content-length', String(format === 'docx' ? i.docxSize : i.pdfSize));
        reply.header('x-content-hash', `${i.hashAlg}:${hash}`);
        reply.header('content-disposition', disposition(instrumentFileName(i.title, i.number, format), how));
        return reply.send(ctx.blobs.read(hash) as never);
      },
    );
  download('docx');
  download('pdf');
}
