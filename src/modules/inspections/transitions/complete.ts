/**
 * 结束检查: every drawn target has its result; the legal time limit for publishing the results opens
 * (rule inspection.resultsPublication) with the pending row of `inspection_publications`.
 */
import { z } from 'zod';
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { openPublication, PUBLICATION_RULE } from '../commands/publish-results.ts';

export interface CompleteFacts {
  /** drawn targets without a result */
  missing: number;
}

/** Every drawn target has its result. */
export const resultsEntered = ({ facts }: { facts: CompleteFacts }): Problem[] =>
  facts.missing > 0 ? [{ code: 'RESULTS_MISSING', message: `还有 ${facts.missing} 户检查对象未录入检查结果，不能结束检查` }] : [];

export const complete = defineTransition({
  label: '结束检查',
  from: ['drawn'],
  to: 'completed',
  roles: ['admin', 'leader'],
  input: z.strictObject({}),
  load: async (g): Promise<CompleteFacts> =>
    (
      await g.tx.query<CompleteFacts>(
        `select count(*)::int as missing from inspection_assignments a where a.task_id = $1
          and not exists (select 1 from inspection_results r where r.task_id = a.task_id and r.target_id = a.target_id)`,
        [g.matter.id],
      )
    ).rows[0],
  guards: [resultsEntered],
  opens: [{ ruleId: PUBLICATION_RULE }],
  effect: openPublication,
});
