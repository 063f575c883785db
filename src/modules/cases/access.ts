/**
 * Authorization of a case: every check goes through `casePolicy`, with the case workflow's visibility and the
 * case's state. The case file's `abilities`, the record viewer and the generic evidence upload ask the same.
 */
import type { Queryable } from '../../platform/db/index.ts';
import { casePolicy, type Principal } from '../../platform/policies.ts';
import type { AssigneeResolver, MatterAccess, Registry } from '../../platform/modules.ts';
import { findMatter, matterVisible, type MatterRow } from '../../platform/workflow/engine.ts';

/** The caller's abilities on a case matter (`fineFen` when the caller has already read the case row). */
export async function caseAbilities(reg: Registry, q: Queryable, p: Principal, m: MatterRow, fineFen?: number) {
  const visible = m.type === 'case' && (await matterVisible(reg, q, p, m));
  const final = !!reg.workflowOf(m.type, m.workflowVersion)?.states[m.state]?.final;
  const fine = fineFen ?? Number((await q.query<{ fineFen: number }>('select fine_fen as "fineFen" from cases where id = $1', [m.id])).rows[0]?.fineFen ?? 0);
  return casePolicy(p, { state: m.state, final, fineFen: fine }, visible);
}

/** A case as the record viewer and the evidence upload see it (null: not visible, 404). */
export async function resolveCaseMatter(q: Queryable, p: Principal, id: string, reg: Registry): Promise<MatterAccess | null> {
  const m = await findMatter(q, id);
  if (m?.type !== 'case') return null;
  const a = await caseAbilities(reg, q, p, m);
  if (!a.read) return null;
  const state = reg.workflowOf(m.type, m.workflowVersion)?.states[m.state];
  return {
    orgId: m.orgId,
    title: m.title,
    viewRecord: a.viewRecord,
    uploadEvidence: a.uploadEvidence,
    uploadRefusal: state?.final ? `案件处于“${state.label}”，已办结，不能再上传证据文件` : '当前用户的角色不能向案件上传证据文件（执法人员、系统管理员可以）',
  };
}

/** 办案人员: a case's officer steps are its investigators' (the users linked to them), once it has any. */
export const caseAssignees: AssigneeResolver = async (q, m) => {
  const ids = (
    await q.query<{ id: string }>('select u.id from cases c join users u on u.officer_id = any(c.investigator_ids) where c.id = $1 and u.active', [m.id])
  ).rows.map((r) => r.id);
  return ids.length ? { officer: ids } : {};
};
