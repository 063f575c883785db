/**
 * The case's 查封、扣押 (case_measures), 先行登记保存 items with their 处理决定, the 实名举报人 and the push of the
 * penalty information to the party's registration place: reads for the commands, the measures card and the
 * close transition (`measuresOf` + `measuresBlockingClosure` of domain/cases/measures.ts).
 */
import { caseActs, type CaseActId } from '../../domain/cases/rules.ts';
import { measuresBlockingClosure, type MeasureKind, type MeasureState } from '../../domain/cases/measures.ts';
import type { Problem } from '../../domain/workflow.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { orgChain, orgSubtree } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import type { MatterRow } from '../../platform/workflow/engine.ts';
import type { AppContext } from '../../platform/context.ts';

export interface MeasureRow extends MeasureState {
  caseId: string;
  kind: MeasureKind;
  reason: string;
  basis: string;
  items: { name: string; quantity: string; note?: string | null }[];
  place: string;
  periodDays: number;
  approvedBy: string;
  officerIds: string[];
  fileIds: string[];
  decisionInstrumentId: string | null;
  extension: { extendedOn: string; days: number; reason: string; approvedBy: string; instrumentId: string } | null;
  testing: { from: string; to: string; reason: string }[];
  ended: { on: string; kind: 'release' | 'dispose'; ground: string; reason: string; approvedBy: string; instrumentId: string | null } | null;
}

const measureColumns = `id, case_id as "caseId", kind, reason, basis, items, place, imposed_on as "imposedOn", period_days as "periodDays",
  approved_by as "approvedBy", officer_ids as "officerIds", file_ids as "fileIds", decision_instrument_id as "decisionInstrumentId", status,
  extension, testing, ended`;

/** The case's 查封、扣押 in the order they were imposed. */
export async function measuresOf(q: Queryable, caseId: string): Promise<MeasureRow[]> {
  return (await q.query<MeasureRow>(`select ${measureColumns} from case_measures where case_id = $1 order by imposed_on, created_at`, [caseId])).rows;
}

export async function findMeasure(q: Queryable, caseId: string, measureId: string): Promise<MeasureRow | null> {
  return (
    (await q.query<MeasureRow>(`select ${measureColumns} from case_measures where case_id = $1 and id = $2 for update`, [caseId, measureId])).rows[0] ?? null
  );
}

/**
 * For the close transition (结案, owned by the workflow): the problems that keep a case with a measure neither
 * released nor ended by a decision open (行政强制法 第二十七条、第二十八条). Call it from the transition's `load`
 * (it reads) and return its problems from a guard.
 */
export async function openMeasureProblems(q: Queryable, caseId: string): Promise<Problem[]> {
  return measuresBlockingClosure(await measuresOf(q, caseId));
}

/** The deadline row of a measure is the case's deadline opened by this name. */
export const measureDeadlineName = (measureId: string) => `measure:${measureId}`;
export const preservationDeadlineName = (evidenceId: string) => `evidence:${evidenceId}`;

/** 实名举报人 of the case (a lead from a report with the reporter's name), or null. */
export async function reporterOf(q: Queryable, caseId: string): Promise<{ name: string; phone?: string | null; address?: string | null } | null> {
  const r = (
    await q.query<{ source: string; reporter: { name: string; phone?: string | null; address?: string | null } | null }>(
      'select source, reporter from cases where id = $1',
      [caseId],
    )
  ).rows[0];
  return r && r.source === 'report' && r.reporter?.name ? r.reporter : null;
}

/**
 * The leader who approved a measure (行政强制法 第十八条第（一）项 "实施前须向行政机关负责人报告并经批准"): an active
 * user with the leader role in the deciding body's chain or below it.
 */
export async function checkApprover(q: Queryable, userId: string, bodyId: string, basis = '《行政强制法》第十八条第（一）项'): Promise<string> {
  const u = (
    await q.query<{ id: string; displayName: string; orgId: string }>(
      `select id, display_name as "displayName", org_id as "orgId" from users where id = $1 and active and 'leader' = any(roles)`,
      [userId],
    )
  ).rows[0];
  if (!u || !(await orgChain(q, u.orgId)).includes(bodyId)) throw new AppError('APPROVER_INVALID', `批准人应为本行政机关在职的负责人（${basis}）`);
  return u.displayName;
}

/** The leaders who may approve an act of the body's case (先行登记保存, 查封、扣押): active leaders of its subtree. */
export async function approversOf(q: Queryable, bodyId: string): Promise<{ id: string; name: string }[]> {
  return (
    await q.query<{ id: string; name: string }>(
      `select id, display_name as name from users where active and 'leader' = any(roles) and org_id = any($1) order by display_name`,
      [await orgSubtree(q, bodyId)],
    )
  ).rows;
}

/**
 * A case act with `states: null` may be done in any state of a case that is not 办结; `notifyReporter` also after
 * 不予立案 (a final state: the reporter is told of that decision too).
 */
export function assertCaseOpenFor(ctx: AppContext, m: MatterRow, act: CaseActId): void {
  const def = ctx.registry.workflowOf(m.type, m.workflowVersion)!;
  const final = !!def.states[m.state]?.final;
  if (final && !(act === 'notifyReporter' && m.state === 'notFiled'))
    throw new AppError('CASE_STATE_NOT_ALLOWED', `案件当前处于“${def.states[m.state]?.label ?? m.state}”，不能${caseActs[act].label}`);
}

/** What the caller may do on the measures card (the same table `caseActs` the commands check). */
export function measureAbilities(p: Principal, state: string, final: boolean) {
  const may = (act: CaseActId) => {
    const a = caseActs[act];
    const open = !final || (act === 'notifyReporter' && state === 'notFiled');
    const inState = a.states === null || (a.states as readonly string[]).includes(state);
    return open && inState && a.roles.some((r) => p.roles.includes(r));
  };
  return {
    imposeMeasure: may('imposeMeasure'),
    extendMeasure: may('extendMeasure'),
    recordMeasureTesting: may('recordMeasureTesting'),
    endMeasure: may('endMeasure'),
    decidePreservation: may('decidePreservation'),
    notifyReporter: may('notifyReporter'),
    recordPublicityPush: may('recordPublicityPush'),
  };
}
