/** Requests of the figure catalogue: a scope (an org, default the caller's body), a period, a filter and a grouping. */
import { z } from 'zod';
import { ZDate } from '../../platform/schema.ts';

const ZKey = z.string().regex(/^[a-z][a-z_]*$/, '维度名称只能是小写字母');

export const ZScopeQuery = z.strictObject({
  orgId: z.string().min(1).max(64).optional(),
  from: ZDate,
  to: ZDate,
});

export const ZFigureQuery = ZScopeQuery.extend({
  /** `field=food,outcome=penalty` */
  filter: z.string().max(500).optional(),
  by: ZKey.optional(),
});

/** 对比: every figure side by side per enforcement body (a supervisor's view) or per unit (a bureau's). */
export const ZCompareQuery = ZScopeQuery.extend({ by: z.enum(['body', 'org']).default('body') });

export const ZRecordsQuery = ZScopeQuery.extend({
  filter: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ZFigureId = z.strictObject({ id: z.string().regex(/^[a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*$/, '统计指标编号有误') });

export const ZComputeSet = z.strictObject({ orgId: z.string().min(1).max(64).optional(), from: ZDate, to: ZDate });
