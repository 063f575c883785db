/**
 * The workflow of a 抽查任务 (matter type 'inspectionTask'): 草拟 → 已公布候选名单与承诺 → 已抽取（检查中）
 * → 检查结束（待公示） → 结果已公示. One file per transition in transitions/; each step's own writes run as
 * the transition's effect, in its transaction.
 */
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { VisibilityRule } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import type { GuardInput, MatterRow } from '../../platform/workflow/engine.ts';
import { ancestorsOf } from '../../platform/orgs.ts';
import { commit } from './transitions/commit.ts';
import { complete } from './transitions/complete.ts';
import { draw } from './transitions/draw.ts';
import { publish } from './transitions/publish.ts';

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
  transitions: { commit, draw, complete, publish },
};

/** The units below the body (the stations whose officers are drawn) see the task's record. */
export const inspectionTaskVisible: VisibilityRule = async (q: Queryable, p: Principal, m: MatterRow) => (await ancestorsOf(q, p.orgId)).has(m.orgId);
