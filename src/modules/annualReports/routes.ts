/**
 * 年度报告 API. Staff: generate a body's report for a year, read it with its versions, edit a draft's paragraph,
 * download the draft (样稿) or the published document, take the workflow's steps. Public (no login): the published
 * reports of a body, each readable and downloadable (.docx/PDF for the 法治政府建设年度报告, .xlsx for the data).
 */
import { z } from 'zod';
import { readsOf, type AppContext } from '../../platform/context.ts';
import { previewInstrument } from '../../platform/documents/issue.ts';
import { contentTypes, instrumentFileName } from '../../platform/documents/render.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { roleLabels, type Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { transition } from '../../platform/workflow/engine.ts';
import { fileAnswer } from '../record/index.ts';
import { reportAbilities } from './access.ts';
import { editParagraph } from './commands/edit-paragraph.ts';
import { generateReport } from './commands/generate.ts';
import { listReports, publicReport, publicReports, reportDetail } from './queries.ts';
import { ZPublicReport, ZPublicReportList, ZReportDetail, ZReportList, ZVersion } from './responses.ts';
import { ZEditParagraph, ZGenerateInput, ZListQuery } from './schema.ts';
import { findReport, reportVersion, type AnnualReportRow } from './store.ts';
import { instrumentData, ANNUAL_REPORT_INSTRUMENT } from './transitions/publish.ts';
import { annualReportWorkflowV1, reportInputs } from './workflow.ts';
import { reportWorkbook, XLSX_MIME } from './xlsx.ts';

const tags = ['年度报告'];
const publicTags = ['年度报告（公开）'];
const ZId = z.object({ id: z.string().min(1).max(64) });
const ZCreated = z.object({ id: z.string() });
const disposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
type TransitionName = keyof typeof reportInputs;

export function registerAnnualReportRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const reads = readsOf(ctx);

  /** 404 unless the caller reads the report, then 403 unless they may write it. */
  const visible = async (p: Principal, id: string, write = false): Promise<AnnualReportRow> => {
    const r = await findReport(db, id);
    if (!r) throw notFound('年度报告');
    const a = await reportAbilities(db, p, r.bodyId);
    if (!a.read) throw notFound('年度报告');
    if (write && !a.write) throw new AppError('FORBIDDEN', '只有本机关的法制机构、负责人和管理员可以修改年度报告');
    return r;
  };
  const detail = async (p: Principal, id: string) => reportDetail(db, p, (await findReport(db, id))!);

  app.get(
    '/api/annual-reports',
    { schema: { tags, summary: '年度报告列表（本机关及所监督机关）', querystring: ZListQuery, response: { 200: ZReportList, ...errorResponses } } },
    async (req) => listReports(db, principal(req), req.query),
  );

  app.post(
    '/api/annual-reports',
    {
      schema: {
        tags,
        summary: '生成年度报告：计算并留存本年度和上年度的统计指标集，按报告格式填入数字，存为草稿',
        body: ZGenerateInput,
        response: { 201: ZCreated, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await generateReport(ctx, principal(req), req.body);
      reply.status(201);
      return { id };
    },
  );

  app.get(
    '/api/annual-reports/:id',
    { schema: { tags, summary: '年度报告：内容、各版本、下一步', params: ZId, response: { 200: ZReportDetail, ...errorResponses } } },
    async (req) => {
      const p = principal(req);
      await visible(p, req.params.id);
      return detail(p, req.params.id);
    },
  );

  app.get(
    '/api/annual-reports/:id/versions/:versionNo',
    {
      schema: {
        tags,
        summary: '年度报告的某一版本',
        params: z.object({ id: z.string().min(1).max(64), versionNo: z.coerce.number().int().min(1).max(100_000) }),
        response: { 200: ZVersion, ...errorResponses },
      },
    },
    async (req) => {
      await visible(principal(req), req.params.id);
      const content = await reportVersion(db, req.params.id, req.params.versionNo);
      if (!content) throw notFound('该版本');
      return { versionNo: req.params.versionNo, content };
    },
  );

  app.patch(
    '/api/annual-reports/:id/paragraphs/:paragraphId',
    {
      preValidation: async (req) => {
        await visible(principal(req), (req.params as { id: string }).id, true);
      },
      schema: {
        tags,
        summary: '修改草稿的一个段落（数字段落改的是引用指标的句子，数字仍取自报告的统计指标集）；每次修改为一个新版本',
        params: z.object({ id: z.string().min(1).max(64), paragraphId: z.string().min(1).max(64) }),
        body: ZEditParagraph,
        response: { 200: ZReportDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await editParagraph(ctx, p, req.params.id, { paragraphId: req.params.paragraphId, text: req.body.text, expectedVersion: req.body.expectedVersion });
      return detail(p, req.params.id);
    },
  );

  /** The document's bytes: a draft as 样稿 (not numbered), the published one as issued (its kept files). */
  const documentFile = async (r: AnnualReportRow, format: 'docx' | 'pdf') => {
    if (r.instrumentId) {
      const i = (
        await db.query<{ number: string; title: string; docx_hash: string; pdf_hash: string }>(
          'select number, title, docx_hash, pdf_hash from instruments where id = $1',
          [r.instrumentId],
        )
      ).rows[0];
      const hash = format === 'docx' ? i.docx_hash : i.pdf_hash;
      if (!(await ctx.blobs.verify(hash)))
        throw new AppError('INSTRUMENT_TAMPERED', '文书文件与记录中的哈希值不一致，可能已被篡改，已拒绝下载；请通知系统管理员');
      const chunks: Buffer[] = [];
      for await (const c of ctx.blobs.read(hash) as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
      return { bytes: Buffer.concat(chunks), fileName: instrumentFileName(`${r.title}`, i.number, format) };
    }
    const out = await previewInstrument(db, { orgId: r.bodyId, kind: ANNUAL_REPORT_INSTRUMENT, data: instrumentData(r.year, r.content), format });
    return { bytes: out.bytes, fileName: instrumentFileName(`${r.title}（样稿）`, null, format) };
  };

  for (const format of ['docx', 'pdf'] as const)
    app.get(
      `/api/annual-reports/:id/${format}`,
      {
        schema: {
          tags,
          summary: `下载法治政府建设年度报告 ${format === 'docx' ? '.docx' : 'PDF'}（公开前为样稿）`,
          params: ZId,
          response: { 200: fileAnswer(`年度报告（${format}）`, contentTypes[format]), ...errorResponses },
        },
      },
      async (req, reply) => {
        const r = await visible(principal(req), req.params.id);
        if (r.kind !== 'lawBasedGovernment') throw notFound('该报告的文书格式');
        const f = await documentFile(r, format);
        reply.header('content-type', contentTypes[format]);
        reply.header('content-disposition', disposition(f.fileName));
        return reply.send(f.bytes as never);
      },
    );

  app.get(
    '/api/annual-reports/:id/xlsx',
    { schema: { tags, summary: '下载报告数据表 .xlsx', params: ZId, response: { 200: fileAnswer('年度报告数据（.xlsx）', XLSX_MIME), ...errorResponses } } },
    async (req, reply) => {
      const r = await visible(principal(req), req.params.id);
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', disposition(`${r.title}.xlsx`));
      return reply.send((await reportWorkbook(r)) as never);
    },
  );

  const wf = annualReportWorkflowV1;
  for (const name of Object.keys(reportInputs) as TransitionName[]) {
    const t = wf.transitions[name];
    const input: z.ZodType = reportInputs[name];
    app.post(
      `/api/annual-reports/:id/transitions/${name}`,
      {
        preValidation: async (req) => {
          await visible(principal(req), (req.params as { id: string }).id, true);
        },
        schema: {
          tags,
          operationId: `annualReportTransition_${name}`,
          summary: `办理年度报告环节：${t.label}`,
          description: `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: input.safeParse({}).success ? input.prefault({}) : input,
            date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZReportDetail, ...errorResponses },
        },
      },
      async (req) => {
        const p = principal(req);
        const body = req.body as { expectedVersion: number; input: Record<string, unknown>; date?: string };
        await transition(ctx, p, { matterId: req.params.id, transition: name, expectedVersion: body.expectedVersion, input: body.input, date: body.date });
        return detail(p, req.params.id);
      },
    );
  }

  // ─── public (no login) ───
  app.get(
    '/api/public/annual-reports',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '已公开的年度报告（法治政府建设年度报告、行政执法数据年度公开、政府信息公开工作年度报告）',
        querystring: z.strictObject({ bodyId: z.string().min(1).max(64).optional() }),
        response: { 200: ZPublicReportList, ...errorResponses },
      },
    },
    async (req) => publicReports(reads, req.query.bodyId),
  );

  app.get(
    '/api/public/annual-reports/:id',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '一份已公开的年度报告（全文和数据表）', params: ZId, response: { 200: ZPublicReport, ...errorResponses } },
    },
    async (req) => {
      const r = await publicReport(reads, req.params.id);
      if (!r) throw notFound('年度报告');
      return r;
    },
  );

  for (const format of ['docx', 'pdf', 'xlsx'] as const)
    app.get(
      `/api/public/annual-reports/:id/${format}`,
      {
        config: { public: true },
        schema: {
          tags: publicTags,
          summary: `下载已公开的年度报告（${format}）`,
          params: ZId,
          response: { 200: fileAnswer(`年度报告（${format}）`, format === 'xlsx' ? XLSX_MIME : contentTypes[format]), ...errorResponses },
        },
      },
      async (req, reply) => {
        const r = await findReport(reads, req.params.id);
        if (r?.state !== 'published') throw notFound('年度报告');
        if (format === 'xlsx') {
          reply.header('content-type', XLSX_MIME);
          reply.header('content-disposition', disposition(`${r.title}.xlsx`));
          return reply.send((await reportWorkbook(r)) as never);
        }
        if (r.kind !== 'lawBasedGovernment') throw notFound('该报告的文书格式');
        const f = await documentFile(r, format);
        reply.header('content-type', contentTypes[format]);
        reply.header('content-disposition', disposition(f.fileName));
        return reply.send(f.bytes as never);
      },
    );
}
