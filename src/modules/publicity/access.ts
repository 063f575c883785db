/**
 * Authorization of a publication: every check goes through `publicationPolicy`, with the visibility of the matter
 * it publishes (the case, or the random-inspection task of the result). The staff detail, the list, the
 * transitions, the engine's own visibility check, the record viewer and the evidence upload ask the same.
 */
import type { Queryable } from '../../platform/db/index.ts';
import { enforcementBodyOf, orgChain } from '../../platform/orgs.ts';
import { creditExportPolicy, publicationPolicy, type Principal } from '../../platform/policies.ts';
import type { MatterAccess, Registry, VisibilityRule } from '../../platform/modules.ts';
import { findMatter, matterVisible } from '../../platform/workflow/engine.ts';
import { abilitiesFor as inspectionAbilities } from '../inspections/index.ts';
import { findPublication, type PublicationRow } from './store.ts';

/** The matter a publication publishes: the case of a decision, the task of an inspection result. */
async function sourceMatterId(q: Queryable, row: Pick<PublicationRow, 'sourceType' | 'sourceId'>): Promise<string | null> {
  if (row.sourceType === 'case') return row.sourceId;
  if (row.sourceType === 'inspectionResult')
    return (await q.query<{ taskId: string }>('select task_id as "taskId" from inspection_results where id = $1', [row.sourceId])).rows[0]?.taskId ?? null;
  return null;
}

export async function publicationAbilities(reg: Registry, q: Queryable, p: Principal, row: Pick<PublicationRow, 'bodyId' | 'sourceType' | 'sourceId'>) {
  const source = { read: false, act: false };
  if (!p.scope.has(row.bodyId)) {
    const id = await sourceMatterId(q, row);
    const m = id ? await findMatter(q, id) : null;
    source.read = !!m && (await matterVisible(reg, q, p, m));
    // a case is acted on by whoever sees it (each transition by its roles); an inspection task's result by those who
    // manage the task and, as for a decision, by the legal reviewers and leaders of the publishing body (法制科 keeps 公示)
    if (source.read && m) {
      source.act =
        m.type === 'case' ||
        (m.type === 'inspectionTask' &&
          ((await inspectionAbilities(q, p, m.orgId)).manage ||
            (p.roles.some((r) => r === 'legalReviewer' || r === 'leader') && (await orgChain(q, p.orgId)).includes(row.bodyId))));
    }
  }
  return publicationPolicy(p, { bodyId: row.bodyId }, source);
}

/** The engine's visibility of a publication matter (transitions, deadlines): the policy's `read`. */
export const publicationVisible: VisibilityRule = async (q, p, m, reg) => {
  const row = await findPublication(q, m.id);
  return !!row && (await publicationAbilities(reg, q, p, row)).read;
};

/** A publication as the record viewer and the evidence upload see it (null: not visible, 404). */
export async function resolvePublicationMatter(q: Queryable, p: Principal, id: string, reg: Registry): Promise<MatterAccess | null> {
  const row = await findPublication(q, id);
  const m = row && (await findMatter(q, id));
  if (!row || !m) return null;
  const a = await publicationAbilities(reg, q, p, row);
  if (!a.read) return null;
  return {
    orgId: m.orgId,
    title: m.title,
    viewRecord: a.viewRecord,
    uploadEvidence: a.uploadEvidence,
    act: a.transition,
    uploadRefusal: '公示信息不上传证据文件（公示内容来自处罚决定）',
  };
}

/**
 * The same rule as a condition on `publications ${alias}` for the staff lists (appends its parameters to `params`):
 * the body's subtree; a decision's publication where its case is visible (the case's unit; the legal reviewers,
 * leaders and supervisors of the body's chain — the case workflow's visibility rule); an inspection result's
 * where its task is (the body and the units below it).
 */
export async function visiblePublicationsSql(q: Queryable, p: Principal, params: unknown[], alias = 'p'): Promise<string> {
  const scope = [...p.scope];
  const reachable = [...new Set([...scope, ...(await orgChain(q, p.orgId))])];
  const reviewer = p.roles.some((r) => r === 'legalReviewer' || r === 'leader' || r === 'supervisor');
  params.push(scope);
  const s = `$${params.length}`;
  params.push(reachable);
  const b = `$${params.length}`;
  return `(${alias}.body_id = any(${s})
    or (${alias}.source_type = 'case' and exists (select 1 from matters sm where sm.id = ${alias}.source_id and (sm.org_id = any(${s})${reviewer ? ` or ${alias}.body_id = any(${b})` : ''})))
    or (${alias}.source_type = 'inspectionResult' and ${alias}.body_id = any(${b})))`;
}

/** The 双公示 export abilities of the caller for one body's exports (`creditExportPolicy`). */
export async function creditExportAbilities(q: Queryable, p: Principal, bodyId: string) {
  return creditExportPolicy(p, { id: bodyId }, await enforcementBodyOf(q, p.orgId));
}
