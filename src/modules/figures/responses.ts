/** Response shapes of the figure catalogue (they generate the OpenAPI document). */
import { z } from 'zod';

const num = z.number().nullable();

export const ZFigure = z.object({
  id: z.string(),
  label: z.string(),
  definition: z.string(),
  unit: z.string(),
  unitLabel: z.string(),
  aggregate: z.enum(['count', 'sum', 'share']),
  period: z.enum(['flow', 'stock']),
  module: z.string(),
  moduleLabel: z.string(),
  dimensions: z.array(z.object({ key: z.string(), label: z.string(), values: z.record(z.string(), z.string()) })),
  sources: z.array(z.object({ ref: z.string(), quote: z.string() })),
});

export const ZCatalogue = z.object({ items: z.array(ZFigure) });

export const ZOverview = z.object({
  orgId: z.string(),
  orgName: z.string(),
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  items: z.array(ZFigure.extend({ value: num, records: z.number(), previousValue: num })),
});

const ZValue = z.object({ value: num, records: z.number() });

export const ZCompare = z.object({
  orgId: z.string(),
  orgName: z.string(),
  by: z.enum(['body', 'org']),
  from: z.string(),
  to: z.string(),
  /** the bodies (or units) with at least one record, in the order of the org tree */
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  items: z.array(ZFigure.extend({ value: num, values: z.record(z.string(), z.object({ value: num, records: z.number() })) })),
});

export const ZFigureDetail = z.object({
  orgId: z.string(),
  orgName: z.string(),
  figure: ZFigure,
  from: z.string(),
  to: z.string(),
  filter: z.record(z.string(), z.string()),
  value: num,
  records: z.number(),
  previous: ZValue.extend({ from: z.string(), to: z.string(), months: z.array(ZValue.extend({ month: z.string() })) }),
  groups: z.array(z.object({ key: z.string(), label: z.string(), items: z.array(ZValue.extend({ key: z.string(), label: z.string() })) })),
  months: z.array(ZValue.extend({ month: z.string() })),
});

export const ZFigureRecords = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      href: z.string().nullable(),
      orgName: z.string(),
      onDate: z.string().nullable(),
      value: z.number(),
      dims: z.array(z.object({ key: z.string(), label: z.string(), value: z.string().nullable(), valueLabel: z.string().nullable() })),
    }),
  ),
});

const ZSetSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  from: z.string(),
  to: z.string(),
  computedAt: z.string(),
  computedBy: z.string().nullable(),
  treeHeadId: z.number().nullable(),
  treeSize: z.number(),
  rootHash: z.string(),
  valuesHash: z.string(),
});

export const ZSetList = z.object({ items: z.array(ZSetSummary) });

export const ZSet = ZSetSummary.extend({
  items: z.array(z.object({ id: z.string(), label: z.string(), unit: z.string(), unitLabel: z.string(), value: num, records: z.number() })),
});

export const ZSetCheck = z.object({
  id: z.string(),
  valuesHashHolds: z.boolean(),
  recordedValuesHash: z.string(),
  recomputedAt: z.string(),
  changed: z.array(z.object({ id: z.string(), label: z.string(), kept: num, now: num })),
  added: z.array(z.string()),
});
