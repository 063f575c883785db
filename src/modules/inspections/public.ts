/**
 * The portal's view of 双随机、一公开 (no login): the published item lists, each draw's document
 * (before the draw: the frozen candidates' digest and the commitment; after: everything needed to
 * re-run it) and the published results.
 */
import { currentInspectionResults } from '../publicity/index.ts';
import { z } from 'zod';
import { verifyDrawDocument } from '../../domain/inspections/drawDocument.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, type App } from '../../platform/http.ts';
import { verifySignature } from '../../platform/record/signer.ts';
import { ZDrawCheck } from './schema.ts';
import { drawDocument, findTask } from './tasks.ts';
import { inspectionMethodLabels, type InspectionMethod } from './vocabulary.ts';
import { ZDrawDocument } from './responses.ts';

const tags = ['公开'];
const ZId = z.object({ id: z.string().min(1).max(64) });

export function registerPublicInspectionRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/public/inspections/items',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '随机抽查事项清单（公开）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                body: z.string(),
                code: z.string(),
                name: z.string(),
                subjectType: z.string(),
                content: z.string(),
                method: z.string(),
                ratioNote: z.string().nullable(),
                frequency: z.string().nullable(),
                version: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const rows = (
        await ctx.db.query<{
          body: string;
          code: string;
          name: string;
          subjectType: string;
          content: string;
          method: string;
          ratioNote: string | null;
          frequency: string | null;
          version: number;
        }>(
          `select o.name as body, i.code, i.name, i.subject_type as "subjectType", i.content, i.method, i.ratio_note as "ratioNote", i.frequency, i.version
         from inspection_items i join orgs o on o.id = i.body_id where i.published order by o.name, i.code`,
        )
      ).rows;
      return { items: rows.map((r) => ({ ...r, method: inspectionMethodLabels[r.method as InspectionMethod] ?? r.method })) };
    },
  );

  const docOf = async (id: string) => {
    const t = await findTask(ctx.db, id);
    if (!t) throw notFound('抽取记录');
    const body = (await ctx.db.query<{ name: string }>('select name from orgs where id = $1', [t.bodyId])).rows[0];
    const doc = await drawDocument(ctx.db, t, body.name);
    if (!doc) throw notFound('抽取记录');
    return doc;
  };

  app.get(
    '/api/public/inspections/draws/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '抽取公示文件（公开）：候选名单、摘要、承诺；抽取后另含签名树头、密钥、种子和结果，可用 fazhi draw verify 离线复核',
        params: ZId,
        response: { 200: ZDrawDocument, ...errorResponses },
      },
    },
    async (req) => docOf(req.params.id),
  );

  app.get(
    '/api/public/inspections/draws/:id/verify',
    {
      config: { public: true },
      schema: { tags, summary: '复核抽取（公开）：重新计算并比对', params: ZId, response: { 200: ZDrawCheck, ...errorResponses } },
    },
    async (req) => verifyDrawDocument(await docOf(req.params.id), { verifySignature: (m, s) => verifySignature(ctx.ledger.signer.publicKeyPem, m, s) }),
  );

  app.get(
    '/api/public/inspections/results',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          '已公示的双随机抽查结果（公开）：每个任务公示时的结果（content，及其哈希），和各检查对象结果的现行公示（current：更正后的版本，撤回的不再列出）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                taskId: z.string(),
                publishedAt: z.string(),
                contentHash: z.string(),
                content: z.unknown(),
                current: z.array(
                  z.object({
                    publicationId: z.string(),
                    uscc: z.string(),
                    name: z.string(),
                    inspectedOn: z.string(),
                    findingLabel: z.string(),
                    version: z.number(),
                    stateLabel: z.string(),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const rows = (
        await ctx.db.query<{ taskId: string; publishedAt: string; contentHash: string; content: string }>(
          `select task_id as "taskId", published_at as "publishedAt", content_hash as "contentHash", content from inspection_publications where status = 'published' order by published_at desc limit 200`,
        )
      ).rows;
      const current = await currentInspectionResults(
        ctx.db,
        rows.map((r) => r.taskId),
      );
      return {
        items: rows.map((r) => ({
          ...r,
          publishedAt: new Date(r.publishedAt).toISOString(),
          content: JSON.parse(r.content),
          current: current.filter((c) => c.taskId === r.taskId).map(({ taskId: _, ...c }) => c),
        })),
      };
    },
  );
}
