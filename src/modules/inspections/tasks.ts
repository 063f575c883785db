/** Reading a task with its draw, and the task/draw facts the commands and the workflow share. */
import type { DrawInput } from '../../domain/draw/draw.ts';
import type { DrawDocument } from '../../domain/inspections/drawDocument.ts';
import { DRAW_DOCUMENT_FORMAT } from '../../domain/inspections/drawDocument.ts';
import type { RiskClass } from '../../domain/inspections/targets.ts';
import type { Queryable } from '../../platform/db/index.ts';

export interface TaskFilter {
  industries: string[];
  divisionCodes: string[];
  riskClasses: RiskClass[];
}

export interface TaskRow {
  id: string;
  planId: string;
  bodyId: string;
  name: string;
  itemIds: string[];
  field: string;
  jointOrgIds: string[];
  filter: TaskFilter;
  ratios: Record<RiskClass, number>;
  targetCounts: Partial<Record<RiskClass, number>>;
  perTarget: number;
  differentUnits: boolean;
  excludeRecentDays: number;
  periodStart: string;
  periodEnd: string;
  state: string;
  version: number;
  workflowVersion: number;
}

export async function findTask(q: Queryable, id: string): Promise<TaskRow | null> {
  const r = (
    await q.query<Record<string, unknown>>(
      `select t.id, t.plan_id as "planId", t.body_id as "bodyId", t.name, t.item_ids as "itemIds", t.field, t.joint_org_ids as "jointOrgIds", t.filter, t.ratios, t.target_counts as "targetCounts",
            t.per_target as "perTarget", t.different_units as "differentUnits", t.exclude_recent_days as "excludeRecentDays",
            t.period_start as "periodStart", t.period_end as "periodEnd", m.state, m.version, m.workflow_version as "workflowVersion"
       from inspection_tasks t join matters m on m.id = t.id where t.id = $1`,
      [id],
    )
  ).rows[0];
  if (!r) return null;
  return {
    ...(r as unknown as TaskRow),
    itemIds: JSON.parse(r.itemIds as string),
    jointOrgIds: JSON.parse(r.jointOrgIds as string),
    filter: JSON.parse(r.filter as string),
    ratios: JSON.parse(r.ratios as string),
    targetCounts: JSON.parse(r.targetCounts as string),
  };
}

export interface DrawRow {
  taskId: string;
  algorithm: string;
  hashAlg: 'sm3' | 'sha256';
  candidates: string;
  candidatesDigest: string;
  targetCount: number;
  inspectorCount: number;
  excluded: string;
  unstaffed: string | null;
  commitment: string;
  secret: string;
  publicAfter: string;
  committedAt: string;
  treeHeadId: number | null;
  treeSize: number | null;
  publicValue: string | null;
  seed: string | null;
  drawnAt: string | null;
}

export async function findDraw(q: Queryable, taskId: string): Promise<DrawRow | null> {
  const r = (
    await q.query<DrawRow>(
      `select task_id as "taskId", algorithm, hash_alg as "hashAlg", candidates, candidates_digest as "candidatesDigest", target_count as "targetCount",
            inspector_count as "inspectorCount", excluded, unstaffed, commitment, secret, public_after as "publicAfter", committed_at as "committedAt",
            tree_head_id as "treeHeadId", tree_size as "treeSize", public_value as "publicValue", seed, drawn_at as "drawnAt"
       from inspection_draws where task_id = $1`,
      [taskId],
    )
  ).rows[0];
  if (!r) return null;
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return { ...r, publicAfter: iso(r.publicAfter)!, committedAt: iso(r.committedAt)!, drawnAt: iso(r.drawnAt) };
}

/** Assignments in draw order, with target ids as the draw knows them (uscc). */
export async function assignmentsOf(q: Queryable, taskId: string): Promise<{ targetId: string; uscc: string; inspectorIds: string[] }[]> {
  const rows = (
    await q.query<{ targetId: string; uscc: string; inspectorIds: string }>(
      `select a.target_id as "targetId", t.uscc, a.inspector_ids as "inspectorIds" from inspection_assignments a join inspection_targets t on t.id = a.target_id
      where a.task_id = $1 order by a.seq`,
      [taskId],
    )
  ).rows;
  return rows.map((r) => ({ ...r, inspectorIds: JSON.parse(r.inspectorIds) }));
}

/** The published draw document: before the draw only what was frozen and committed; after it, everything needed to re-run it. */
export async function drawDocument(q: Queryable, task: TaskRow, bodyName: string): Promise<DrawDocument | null> {
  const d = await findDraw(q, task.id);
  if (!d) return null;
  const drawn = !!d.drawnAt;
  const head =
    drawn && d.treeHeadId !== null
      ? (
          await q.query<Record<string, unknown>>(
            `select id, tree_size as "treeSize", root_hash as "rootHash", hash_alg as "hashAlg", signed_at as "signedAt", key_id as "keyId", signature from ledger_tree_heads where id = $1`,
            [d.treeHeadId],
          )
        ).rows[0]
      : null;
  const assignments = drawn ? (await assignmentsOf(q, task.id)).map((a) => ({ targetId: a.uscc, inspectorIds: a.inspectorIds })) : null;
  return {
    format: DRAW_DOCUMENT_FORMAT,
    algorithm: 'fazhi-draw/v1',
    taskId: task.id,
    taskName: task.name,
    bodyName,
    committedAt: d.committedAt,
    publicAfter: d.publicAfter,
    candidates: JSON.parse(d.candidates) as DrawInput,
    candidatesDigest: d.candidatesDigest,
    commitment: d.commitment,
    treeHead: head
      ? {
          id: Number(head.id),
          treeSize: Number(head.treeSize),
          rootHash: head.rootHash as string,
          hashAlg: head.hashAlg as 'sm3',
          signedAt: new Date(head.signedAt as string).toISOString(),
          keyId: head.keyId as string,
          signature: head.signature as string,
        }
      : null,
    publicValue: drawn ? d.publicValue : null,
    secret: drawn ? d.secret : null,
    seed: drawn ? d.seed : null,
    assignments,
    unstaffed: drawn ? JSON.parse(d.unstaffed ?? '[]') : null,
  };
}
