/**
 * The workflow of a 抽查任务 (matter type 'inspectionTask'): 草拟 → 已公布候选名单与承诺 → 已抽取（检查中）
 * → 检查结束（待公示） → 结果已公示. Each step's own writes run as the transition's effect, in its transaction.
 */
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import type { VisibilityRule } from '../../platform/modules.ts';
import type { GuardInput, MatterRow } from '../../platform/workflow/engine.ts';
import { ancestorsOf } from '../powers/queries.ts';
import { freezeCandidates } from './commands/commit-draw.ts';
import { allResultsEntered, openPublication, publishResults, PUBLICATION_RULE } from './commands/publish-results.ts';
import { performDraw } from './commands/run-draw.ts';

export const INSPECTION_TASK = 'inspectionTask';

export const inspectionTaskWorkflow: WorkflowDef<GuardInput<never>> = {
  type: INSPECTION_TASK,
  version: 1,
  label: '双随机抽查任务',
  initial: 'draft',
  states: {
    draft: { label: '草拟' },
    committed: { label: '已公布候选名单与承诺' },
    drawn: { label: '已抽取，检查中' },
    completed: { label: '检查结束，待公示' },
    published: { label: '结果已公示', final: true },
  },
  transitions: {
    commit: { label: '冻结候选名单并公布承诺', from: ['draft'], to: 'committed', roles: ['admin', 'leader'], effect: freezeCandidates as never },
    draw: { label: '抽取并公开种子', from: ['committed'], to: 'drawn', roles: ['admin', 'leader'], effect: performDraw as never },
    complete: {
      label: '结束检查',
      from: ['drawn'],
      to: 'completed',
      roles: ['admin', 'leader'],
      guards: [allResultsEntered as never],
      opens: [{ ruleId: PUBLICATION_RULE }],
      effect: openPublication as never,
    },
    publish: {
      label: '公示抽查结果',
      from: ['completed'],
      to: 'published',
      roles: ['admin', 'leader'],
      meets: [PUBLICATION_RULE],
      effect: publishResults as never,
    },
  },
};

/** The units below the body (the stations whose officers are drawn) see the task's record. */
export const inspectionTaskVisible: VisibilityRule = async (q: Queryable, p: Principal, m: MatterRow) => (await ancestorsOf(q, p.orgId)).has(m.orgId);
