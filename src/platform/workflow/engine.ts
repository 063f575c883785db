/**
 * The workflow engine: one for every kind of matter. A transition is a command — check the
 * guards, change the state (optimistic version check), append the record entry, open and meet
 * deadlines — in one transaction. Concurrent transitions on one matter: exactly one succeeds.
 */
import { randomUUID } from 'node:crypto';
import { chinaToday } from '../../domain/dates.ts';
import { computeDeadline } from '../../domain/deadlines/compute.ts';
import { deadlineRuleById } from '../../domain/deadlines/rules.ts';
import { availableTransitions, validateWorkflow, type Problem, type WorkflowDef } from '../../domain/workflow.ts';
import { loadCalendar } from '../../modules/calendar/store.ts';
import { actorOf, inTransaction, type AppContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import { AppError, conflict, forbidden, notFound } from '../errors.ts';
import type { Principal } from '../policies.ts';
import type { Actor } from '../record/ledger.ts';

export interface MatterRow {
  id: string;
  type: string;
  workflowVersion: number;
  state: string;
  version: number;
  orgId: string;
  title: string;
}

export interface GuardInput<I = unknown> {
  tx: Queryable;
  ctx: AppContext;
  principal: Principal;
  matter: MatterRow;
  input: I;
  date: string;
}

// ─── registry ───────────────────────────────────────────────────────────

const registry = new Map<string, WorkflowDef<GuardInput<never>>>();
const key = (type: string, version: number) => `${type}@${version}`;

/** Registers a workflow version; a new version never replaces an older one (open matters keep theirs). */
export function registerWorkflow<I>(def: WorkflowDef<GuardInput<I>>): void {
  const errors = validateWorkflow(def as WorkflowDef<never>);
  if (errors.length) throw new Error(`workflow ${def.type}@${def.version} is invalid: ${errors.join('; ')}`);
  for (const [id, t] of Object.entries(def.transitions)) {
    for (const o of t.opens ?? []) if (!deadlineRuleById.has(o.ruleId)) throw new Error(`workflow ${def.type} transition ${id}: unknown deadline rule ${o.ruleId}`);
  }
  const existing = registry.get(key(def.type, def.version));
  if (existing && existing !== (def as unknown)) throw new Error(`workflow ${def.type}@${def.version} is already registered`);
  registry.set(key(def.type, def.version), def as unknown as WorkflowDef<GuardInput<never>>);
}

export function workflowOf(type: string, version?: number): WorkflowDef<GuardInput<never>> | null {
  if (version !== undefined) return registry.get(key(type, version)) ?? null;
  const versions = [...registry.values()].filter((d) => d.type === type).sort((a, b) => b.version - a.version);
  return versions[0] ?? null;
}

export const isWorkflowType = (type: string) => workflowOf(type) !== null;

// ─── reads ──────────────────────────────────────────────────────────────

const matterColumns = `id, type, workflow_version as "workflowVersion", state, version, org_id as "orgId", title`;

export async function findMatter(q: Queryable, id: string): Promise<MatterRow | null> {
  return (await q.query<MatterRow>(`select ${matterColumns} from matters where id = $1`, [id])).rows[0] ?? null;
}

/** A matter as its viewer sees it: state label and the transitions the viewer's roles allow. */
export function presentMatter(m: MatterRow, p: Principal) {
  const def = workflowOf(m.type, m.workflowVersion)!;
  return {
    ...m,
    stateLabel: def.states[m.state]?.label ?? m.state,
    final: !!def.states[m.state]?.final,
    transitions: availableTransitions(def, m.state, p.roles).map((id) => ({ id, label: def.transitions[id].label })),
  };
}

// ─── commands ───────────────────────────────────────────────────────────

/** Opens a matter in the latest version of its workflow, in the caller's transaction. */
export async function createMatter(tx: Queryable, ctx: AppContext, actor: Actor, input: { type: string; orgId: string; title: string; id?: string }): Promise<MatterRow> {
  const def = workflowOf(input.type);
  if (!def) throw new Error(`no workflow registered for ${input.type}`);
  const id = input.id ?? randomUUID();
  await tx.query('insert into matters (id, type, workflow_version, state, org_id, title, created_by) values ($1,$2,$3,$4,$5,$6,$7)', [
    id, def.type, def.version, def.initial, input.orgId, input.title, actor.id,
  ]);
  await ctx.ledger.append(tx, {
    actor, orgId: input.orgId, matterType: def.type, matterId: id, eventType: 'matter.created',
    payload: { matterId: id, type: def.type, workflowVersion: def.version, state: def.initial, title: input.title },
  });
  return { id, type: def.type, workflowVersion: def.version, state: def.initial, version: 0, orgId: input.orgId, title: input.title };
}

export interface TransitionRequest<I = unknown> {
  matterId: string;
  transition: string;
  /** the matter version the caller saw; a different current version means someone acted first */
  expectedVersion: number;
  input?: I;
  /** the legal date of the act (defaults to today, China time) */
  date?: string;
}

export async function transition<I>(ctx: AppContext, p: Principal, req: TransitionRequest<I>): Promise<MatterRow> {
  return inTransaction(ctx, async (tx) => {
    const m = await findMatter(tx, req.matterId);
    if (!m || !p.scope.has(m.orgId)) throw notFound('事项');
    const def = workflowOf(m.type, m.workflowVersion);
    if (!def) throw new Error(`workflow ${m.type}@${m.workflowVersion} is not registered`);
    const t = def.transitions[req.transition];
    if (!t) throw new AppError(422, 'TRANSITION_UNKNOWN', `“${def.label}”没有名为“${req.transition}”的环节`);
    if (!t.roles.some((r) => p.roles.includes(r))) throw forbidden(`当前用户的角色不能执行“${t.label}”`);
    if (!t.from.includes(m.state)) {
      throw conflict('TRANSITION_NOT_ALLOWED', `事项当前处于“${def.states[m.state]?.label ?? m.state}”，不能执行“${t.label}”`, { state: m.state, allowedFrom: t.from });
    }
    if (m.version !== req.expectedVersion) throw conflict('CONCURRENT_CHANGE', '事项已被他人办理，请刷新后重试', { expectedVersion: req.expectedVersion, currentVersion: m.version });
    const date = req.date ?? chinaToday();
    const g: GuardInput<I> = { tx, ctx, principal: p, matter: m, input: req.input as I, date };
    const problems: Problem[] = [];
    for (const guard of (t.guards ?? []) as ((g: GuardInput<I>) => Problem[] | Promise<Problem[]>)[]) problems.push(...(await guard(g)));
    if (problems.length) throw new AppError(422, problems[0].code, problems.map((x) => x.message).join('；'), { problems });

    const final = !!def.states[t.to].final;
    const upd = await tx.query(
      `update matters set state = $3, version = version + 1, updated_at = now(), closed_at = case when $4 then now() else closed_at end
        where id = $1 and version = $2`,
      [m.id, req.expectedVersion, t.to, final],
    );
    if (upd.rowCount !== 1) throw conflict('CONCURRENT_CHANGE', '事项已被他人办理，请刷新后重试');

    const met = t.meets?.length
      ? (await tx.query<{ rule_id: string }>(
          `update matter_deadlines set status = 'met', closed_by_transition = $3, updated_at = now()
            where matter_id = $1 and status = 'open' and rule_id = any($2) returning rule_id`,
          [m.id, t.meets, req.transition],
        )).rows.map((r) => r.rule_id)
      : [];
    const opened: { ruleId: string; due: string }[] = [];
    if (t.opens?.length) {
      const cal = await loadCalendar(tx);
      for (const o of t.opens) {
        const start = o.startFrom ? String((req.input as Record<string, unknown> | undefined)?.[o.startFrom] ?? '') : date;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new AppError(422, 'VALIDATION_FAILED', `缺少期限起算日期（${o.startFrom}）`);
        const r = computeDeadline(deadlineRuleById.get(o.ruleId)!, cal, { start });
        await tx.query(
          `insert into matter_deadlines (id, matter_id, matter_type, rule_id, label, start_date, due_date, warn_from, status, opened_by_transition)
           values ($1,$2,$3,$4,$5,$6,$7,$8,'open',$9)`,
          [randomUUID(), m.id, m.type, o.ruleId, r.label, start, r.due, r.warnFrom, req.transition],
        );
        opened.push({ ruleId: o.ruleId, due: r.due });
      }
    }
    await ctx.ledger.append(tx, {
      actor: actorOf(p), orgId: m.orgId, matterType: m.type, matterId: m.id, eventType: 'matter.transitioned',
      payload: {
        matterId: m.id, type: m.type, workflowVersion: m.workflowVersion, transition: req.transition, label: t.label,
        from: m.state, to: t.to, version: m.version + 1, date, input: (req.input ?? null) as never, deadlinesOpened: opened, deadlinesMet: met,
      },
    });
    return { ...m, state: t.to, version: m.version + 1 };
  });
}

/** Open deadlines in the caller's org subtree: overdue, and those inside their warning window. */
export async function deadlinesInScope(q: Queryable, p: Principal, today = chinaToday()) {
  const rows = (await q.query<{ id: string; matterId: string; matterType: string; title: string; ruleId: string; label: string; due: string; warnFrom: string }>(
    `select d.id, d.matter_id as "matterId", d.matter_type as "matterType", m.title, d.rule_id as "ruleId", d.label, d.due_date as "due", d.warn_from as "warnFrom"
       from matter_deadlines d join matters m on m.id = d.matter_id
      where d.status = 'open' and m.org_id = any($1) and d.warn_from <= $2
      order by d.due_date`,
    [[...p.scope], today],
  )).rows;
  return rows.map((r) => ({ ...r, overdue: r.due < today }));
}
