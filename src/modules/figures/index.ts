/** 统计指标 (figures): what the module offers other modules (the annual reports compute their numbers as a kept set). */
export { computeFigureSet, type SetValues } from './commands/compute-set.ts';

import type { Queryable } from '../../platform/db/index.ts';
import type { SetValues } from './commands/compute-set.ts';

/** A kept set's values and period (null: no such set). */
export async function figureSetValues(q: Queryable, id: string): Promise<{ orgId: string; from: string; to: string; values: SetValues } | null> {
  const r = await q.query<{ org_id: string; period_from: string; period_to: string; figure_values: SetValues | string }>(
    'select org_id, period_from, period_to, figure_values from figure_sets where id = $1',
    [id],
  );
  const s = r.rows[0];
  if (!s) return null;
  const values = typeof s.figure_values === 'string' ? (JSON.parse(s.figure_values) as SetValues) : s.figure_values;
  return { orgId: s.org_id, from: s.period_from, to: s.period_to, values };
}
