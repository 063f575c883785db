/**
 * Response schemas of the inspections module (双随机抽查) not kept with its records in schema.ts. The draw
 * document is verified offline (fazhi draw verify): the parts it stores as they were frozen (the candidates, the
 * unstaffed targets) keep every field they hold (loose objects), so that the answer is the document as committed.
 */
import { z } from 'zod';
import type { DrawInput, DrawProblem } from '../../domain/draw/draw.ts';

const ZCandidates = z
  .looseObject({
    hash: z.enum(['sm3', 'sha256']),
    targets: z.array(z.looseObject({ id: z.string(), riskClass: z.enum(['A', 'B', 'C', 'D']) })),
    inspectors: z.array(z.looseObject({ id: z.string(), unitId: z.string() })),
    ratios: z.record(z.string(), z.number()),
    counts: z.record(z.string(), z.number()).optional(),
    perTarget: z.number(),
    differentUnits: z.boolean(),
    recusals: z.record(z.string(), z.array(z.string())),
  })
  .describe('候选名单及抽取参数（抽取前公布，其摘要即 candidatesDigest）') as unknown as z.ZodType<DrawInput>;

/** GET /api/public/inspections/draws/:id: the draw's public document (fazhi-draw-document/v1). */
export const ZDrawDocument = z.object({
  format: z.literal('fazhi-draw-document/v1'),
  algorithm: z.literal('fazhi-draw/v1'),
  taskId: z.string(),
  taskName: z.string(),
  bodyName: z.string(),
  committedAt: z.string(),
  publicAfter: z.string().describe('公共随机值取此时间及以后签发的第一个树头的根哈希'),
  candidates: ZCandidates,
  candidatesDigest: z.string(),
  commitment: z.string(),
  treeHead: z
    .object({
      id: z.number(),
      treeSize: z.number(),
      rootHash: z.string(),
      hashAlg: z.enum(['sm3', 'sha256']),
      signedAt: z.string(),
      keyId: z.string(),
      signature: z.string(),
    })
    .nullable()
    .describe('抽取后：提供公共随机值的签名树头'),
  publicValue: z.string().nullable(),
  secret: z.string().nullable(),
  seed: z.string().nullable(),
  assignments: z.array(z.object({ targetId: z.string(), inspectorIds: z.array(z.string()) })).nullable(),
  unstaffed: (z.array(z.looseObject({ targetId: z.string(), message: z.string() })) as unknown as z.ZodType<DrawProblem[]>).nullable(),
});
