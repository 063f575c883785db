/**
 * The workflow engine: one for every kind of matter. A transition is a command — check the
 * guards, change the state (optimistic version check), append the record entry, open and meet
 * deadlines — in one transaction. Concurrent transitions on one matter: exactly one succeeds.
 */
import { randomUUID } from 'node:crypto';
import { addDays, chinaToday, daysBetween } from '../../domain/dates.ts';
import { computeDeadline } from '../../domain/deadlines/compute.ts';
import { deadlineRuleById } from '../../domain/deadlines/rules.ts';
import { availableTransitions, type Problem, type WorkflowDef } from '../../domain/workflow.ts';
import { loadCalendar, loadOfficialYears } from '../calendar.ts';
import { actorOf, inTransaction, type AppContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import { AppError, forbidden, notFound, parseOrThrow } from '../errors.ts';
import type { MatterResolver, Registry } from '../modules.ts';
import type { Principal } from '../policies.ts';
import type { Actor } from '../record/ledger.ts';
import { deadlineProvisional } from './deadlines.ts';

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
  /** what the transition's `load` read (undefined without one) */
  facts?: unknown;
}

// ─── the registry's view ────────────────────────────────────────────────
// Workflows, visibility rules and listeners come from the modules' entries (platform/modules.ts), through
// `ctx.registry`; nothing registers itself.

/** Is the matter visible to the principal: in their org subtree, or by the type's own rule. */
export async function matterVisible(reg: Registry, q: Queryable, p: Principal, m: MatterRow): Promise<boolean> {
  if (p.scope.has(m.orgId)) return true;
  const rule = reg.visibilityOf(m.type);
  return rule ? rule(q, p, m, reg) : false;
}

// ─── reads ──────────────────────────────────────────────────────────────

/**
 * The record's view of a workflow matter with no evidence of its own: its history is read where the matter
 * is visible, and no file is attached to it.
 */
export const readOnlyMatterResolver: MatterResolver = async (q, p, id, reg) => {
  const m = await findMatter(q, id);
  if (!m || !(await matterVisible(reg, q, p, m))) return null;
  return { orgId: m.orgId, title: m.title, viewRecord: true, uploadEvidence: false, uploadRefusal: '该类事项不能上传证据文件' };
};

const matterColumns = `id, type, workflow_version as "workflowVersion", state, version, org_id as "orgId", title`;

export async function findMatter(q: Queryable, id: string): Promise<MatterRow | null> {
  return (await q.query<MatterRow>(`select ${matterColumns} from matters where id = $1`, [id])).rows[0] ?? null;
}

/** A matter as its viewer sees it: state label and the transitions the viewer's roles allow. */
export function presentMatter(reg: Registry, m: MatterRow, p: Principal) {
  const def = reg.workflowOf(m.type, m.workflowVersion);
  if (!def) throw new Error(`workflow ${m.type}@${m.workflowVersion} is not declared by any module`);
  return presentMatterWith(def, m, p);
}

/** The same, for a module presenting a matter of its own workflow. */
export function presentMatterWith(def: WorkflowDef<GuardInput<never>>, m: MatterRow, p: Principal) {
  return {
    ...m,
    stateLabel: def.states[m.state]?.label ?? m.state,
    final: !!def.states[m.state]?.final,
    transitions: availableTransitions(def, m.state, p.roles).map((id) => ({ id, label: def.transitions[id].label })),
  };
}

// ─── commands ───────────────────────────────────────────────────────────

/** Opens a matter in the latest version of its workflow, in the caller's transaction. */
export async function createMatter(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: { type: string; orgId: string; title: string; id?: string },
): Promise<MatterRow> {
  const def = ctx.registry.workflowOf(input.type);
  if (!def) throw new Error(`no module declares a workflow for ${input.type}`);
  const id = input.id ?? randomUUID();
  await tx.query('insert into matters (id, type, workflow_version, state, org_id, title, created_by) values ($1,$2,$3,$4,$5,$6,$7)', [
    id,
    def.type,
    def.version,
    def.initial,
    input.orgId,
    input.title,
    actor.id,
  ]);
  await ctx.ledger.append(tx, {
    actor,
    orgId: input.orgId,
    matterType: def.type,
    matterId: id,
    eventType: 'matter.created',
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
  return inTransaction(ctx, (tx) => transitionIn(tx, ctx, p, req));
}

/** The same transition inside the caller's transaction (a listener moving a matter of its own module). */
export async function transitionIn<I>(tx: Queryable, ctx: AppContext, p: Principal, req: TransitionRequest<I>): Promise<MatterRow> {
  {
    const m = await findMatter(tx, req.matterId);
    if (!m || !(await matterVisible(ctx.registry, tx, p, m))) throw notFound('事项');
    const def = ctx.registry.workflowOf(m.type, m.workflowVersion);
    if (!def) throw new Error(`workflow ${m.type}@${m.workflowVersion} is not declared by any module`);
    const t = def.transitions[req.transition];
    if (!t) throw new AppError('TRANSITION_UNKNOWN', `“${def.label}”没有名为“${req.transition}”的环节`);
    if (!t.roles.some((r) => p.roles.includes(r))) throw forbidden(`当前用户的角色不能执行“${t.label}”`);
    if (!t.from.includes(m.state)) {
      throw new AppError('TRANSITION_NOT_ALLOWED', `事项当前处于“${def.states[m.state]?.label ?? m.state}”，不能执行“${t.label}”`, {
        state: m.state,
        allowedFrom: t.from,
      });
    }
    if (m.version !== req.expectedVersion)
      throw new AppError('CONCURRENT_CHANGE', '事项已被他人办理，请刷新后重试', { expectedVersion: req.expectedVersion, currentVersion: m.version });
    const date = req.date ?? chinaToday();
    const input = t.input ? (parseOrThrow(t.input, req.input ?? {}) as I) : (req.input as I);
    const g: GuardInput<I> = { tx, ctx, principal: p, matter: m, input, date };
    if (t.load) g.facts = await (t.load as (g: GuardInput<I>) => Promise<unknown>)(g);
    const problems: Problem[] = [];
    for (const guard of (t.guards ?? []) as ((g: GuardInput<I>) => Problem[] | Promise<Problem[]>)[]) problems.push(...(await guard(g)));
    if (problems.length) throw new AppError(problems[0].code, problems.map((x) => x.message).join('；'), { problems });

    const final = !!def.states[t.to].final;
    const upd = await tx.query(
      `update matters set state = $3, version = version + 1, updated_at = now(), closed_at = case when $4 then now() else closed_at end
        where id = $1 and version = $2`,
      [m.id, req.expectedVersion, t.to, final],
    );
    if (upd.rowCount !== 1) throw new AppError('CONCURRENT_CHANGE', '事项已被他人办理，请刷新后重试');

    const met = t.meets?.length
      ? (
          await tx.query<{ rule_id: string }>(
            `update matter_deadlines set status = 'met', closed_by_transition = $3, updated_at = now()
            where matter_id = $1 and status = 'open' and rule_id = any($2) returning rule_id`,
            [m.id, t.meets, req.transition],
          )
        ).rows.map((r) => r.rule_id)
      : [];
    const result = t.effect
      ? ((await (t.effect as (g: GuardInput<I>) => Promise<Record<string, unknown> | void>)({ ...g, matter: { ...m, state: t.to, version: m.version + 1 } })) ??
        null)
      : null;
    const opened: { ruleId: string; due: string }[] = [];
    if (t.opens?.length) {
      const cal = await loadCalendar(tx);
      for (const o of t.opens) {
        if (o.when && !(await o.when(g as never))) continue;
        const start = o.startOn
          ? String((await o.startOn(g as never)) ?? '')
          : o.startFrom
            ? String((input as Record<string, unknown> | undefined)?.[o.startFrom] ?? '')
            : date;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new AppError('DEADLINE_START_MISSING', `缺少期限起算日期（${o.startFrom}）`);
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
      actor: actorOf(p),
      orgId: m.orgId,
      matterType: m.type,
      matterId: m.id,
      eventType: 'matter.transitioned',
      payload: {
        matterId: m.id,
        type: m.type,
        workflowVersion: m.workflowVersion,
        transition: req.transition,
        label: t.label,
        from: m.state,
        to: t.to,
        version: m.version + 1,
        date,
        input: (input ?? null) as never,
        deadlinesOpened: opened,
        deadlinesMet: met,
        ...(result ? { result: result as never } : {}),
      },
    });
    for (const l of ctx.registry.listenersOf(m.type, req.transition)) {
      await l.run({ ...g, matter: { ...m, state: t.to, version: m.version + 1 } } as GuardInput<Record<string, unknown>>, {
        transition: req.transition,
        from: m.state,
        to: t.to,
        result: result as Record<string, unknown> | null,
      });
    }
    return { ...m, state: t.to, version: m.version + 1 };
  }
}

/** Open deadlines in the caller's org subtree: overdue, and those inside their warning window. */
export async function deadlinesInScope(q: Queryable, p: Principal, today = chinaToday()) {
  const rows = (
    await q.query<{
      id: string;
      matterId: string;
      matterType: string;
      title: string;
      ruleId: string;
      label: string;
      start: string;
      due: string;
      warnFrom: string;
    }>(
      `select d.id, d.matter_id as "matterId", d.matter_type as "matterType", m.title, d.rule_id as "ruleId", d.label, d.start_date as "start", d.due_date as "due", d.warn_from as "warnFrom"
       from matter_deadlines d join matters m on m.id = d.matter_id
      where d.status = 'open' and m.org_id = any($1) and d.warn_from <= $2
      order by d.due_date`,
      [[...p.scope], today],
    )
  ).rows;
  const official = await loadOfficialYears(q);
  return rows.map(({ start, ...r }) => ({ ...r, overdue: r.due < today, provisional: deadlineProvisional(official, { ...r, start }) }));
}

// ─── deadlines outside a transition: met by a command, extended, suspended ───

interface DeadlineRow {
  id: string;
  matterId: string;
  matterType: string;
  orgId: string;
  ruleId: string;
  start: string;
  due: string;
  status: string;
  extended: boolean;
  suspensions: { from: string; to: string; reason: string }[];
}

async function openDeadline(q: Queryable, matterId: string, ruleId: string): Promise<DeadlineRow | null> {
  return (
    (
      await q.query<DeadlineRow>(
        `select d.id, d.matter_id as "matterId", d.matter_type as "matterType", m.org_id as "orgId", d.rule_id as "ruleId", d.start_date as "start", d.due_date as "due",
            d.status, d.extended, d.suspensions
       from matter_deadlines d join matters m on m.id = d.matter_id
      where d.matter_id = $1 and d.rule_id = $2 and d.status = 'open' order by d.created_at desc limit 1 for update of d`,
        [matterId, ruleId],
      )
    ).rows[0] ?? null
  );
}

type Period = { from: string; to: string };
const within = (periods: Period[], d: string) => periods.some((p) => p.from <= d && d <= p.to);

/** A fixed due date pushed back day for day by the newly excluded days up to it (and those reached by the pushing). */
function pushBack(due: string, start: string, before: Period[], after: Period[]): string {
  let end = due;
  const counted = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (let d = addDays(start, 1); d <= end; d = addDays(d, 1))
      if (within(after, d) && !within(before, d) && !counted.has(d)) {
        counted.add(d);
        end = addDays(end, 1);
        changed = true;
      }
  }
  return end;
}

/**
 * Recomputes a deadline after an extension or a suspension. A due date an act fixed beyond the rule's (集体讨论 继续延长
 * 办案期限) is not put back to the rule's: a suspension pushes it back by the days it excludes.
 */
async function recompute(tx: Queryable, d: DeadlineRow, patch: { extended?: boolean; suspensions?: DeadlineRow['suspensions'] }) {
  const rule = deadlineRuleById.get(d.ruleId)!;
  const calendar = await loadCalendar(tx);
  const extended = patch.extended ?? d.extended;
  const suspensions = patch.suspensions ?? d.suspensions;
  const was = computeDeadline(rule, calendar, { start: d.start, extended: d.extended, suspensions: d.suspensions });
  const r = computeDeadline(rule, calendar, { start: d.start, extended, suspensions });
  const fixed = d.due !== was.due;
  const due = fixed ? pushBack(d.due, d.start, d.suspensions, suspensions) : r.due;
  const warnFrom = fixed ? addDays(due, daysBetween(r.due, r.warnFrom)) : r.warnFrom;
  await tx.query('update matter_deadlines set extended = $2, suspensions = $3::jsonb, due_date = $4, warn_from = $5, updated_at = now() where id = $1', [
    d.id,
    extended,
    JSON.stringify(suspensions),
    due,
    warnFrom,
  ]);
  return due;
}

/** Marks open deadlines of a matter as met by a command that is not a transition (a payment, say), with its record entry. */
export async function meetDeadlines(tx: Queryable, ctx: AppContext, actor: Actor, m: MatterRow, ruleIds: string[], reason: string): Promise<string[]> {
  const met = (
    await tx.query<{ rule_id: string }>(
      `update matter_deadlines set status = 'met', updated_at = now() where matter_id = $1 and status = 'open' and rule_id = any($2) returning rule_id`,
      [m.id, ruleIds],
    )
  ).rows.map((r) => r.rule_id);
  if (met.length)
    await ctx.ledger.append(tx, {
      actor,
      orgId: m.orgId,
      matterType: m.type,
      matterId: m.id,
      eventType: 'matter.deadlineMet',
      payload: { matterId: m.id, ruleIds: met, reason },
    });
  return met;
}

/** Applies a rule's approved extension (e.g. 办案期限 延长三十日, 负责人批准) to an open deadline of the matter. */
export async function extendDeadline(tx: Queryable, ctx: AppContext, p: Principal, m: MatterRow, input: { ruleId: string; reason: string }): Promise<string> {
  const d = await openDeadline(tx, m.id, input.ruleId);
  if (!d) throw notFound('未届满的期限');
  const rule = deadlineRuleById.get(d.ruleId)!;
  if (!rule.extension) throw new AppError('DEADLINE_NOT_EXTENDABLE', `“${rule.label}”不能延长`);
  if (d.extended) throw new AppError('DEADLINE_ALREADY_EXTENDED', `“${rule.label}”已经延长过一次，再次延长须集体讨论决定`);
  const due = await recompute(tx, d, { extended: true });
  await ctx.ledger.append(tx, {
    actor: actorOf(p),
    orgId: m.orgId,
    matterType: m.type,
    matterId: m.id,
    eventType: 'matter.deadlineExtended',
    payload: { matterId: m.id, deadlineId: d.id, ruleId: d.ruleId, from: d.due, to: due, reason: input.reason, approval: rule.extension.approval },
  });
  return due;
}

/** A period that does not count (听证、检测、检验、鉴定、公告 …) stops the clock of a suspendable deadline. */
export async function suspendDeadline(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  m: MatterRow,
  input: { ruleId: string; from: string; to: string; reason: string },
): Promise<string | null> {
  const d = await openDeadline(tx, m.id, input.ruleId);
  if (!d) return null;
  const rule = deadlineRuleById.get(d.ruleId)!;
  if (!rule.suspendable) throw new AppError('DEADLINE_NOT_SUSPENDABLE', `“${rule.label}”不因${input.reason}中止`);
  if (input.to < input.from) throw new AppError('PERIOD_INVALID', '中止期间的结束日期不能早于开始日期');
  const period = { from: input.from, to: input.to, reason: input.reason };
  const due = await recompute(tx, d, { suspensions: [...d.suspensions, period] });
  await ctx.ledger.append(tx, {
    actor,
    orgId: m.orgId,
    matterType: m.type,
    matterId: m.id,
    eventType: 'matter.deadlineSuspended',
    payload: { matterId: m.id, deadlineId: d.id, ruleId: d.ruleId, period: { from: input.from, to: input.to }, reason: input.reason, from: d.due, to: due },
  });
  return due;
}

/** The deadlines of one matter, open and closed. */
export async function deadlinesOf(q: Queryable, matterId: string, today = chinaToday()) {
  const rows = (
    await q.query<{
      id: string;
      ruleId: string;
      label: string;
      start: string;
      due: string;
      warnFrom: string;
      status: string;
      extended: boolean;
      suspensions: unknown[];
    }>(
      `select id, rule_id as "ruleId", label, start_date as "start", due_date as "due", warn_from as "warnFrom", status, extended, suspensions
       from matter_deadlines where matter_id = $1 order by created_at`,
      [matterId],
    )
  ).rows;
  const official = await loadOfficialYears(q);
  return rows.map((r) => ({
    ...r,
    overdue: r.status === 'open' && r.due < today,
    warning: r.status === 'open' && r.warnFrom <= today,
    // 暂按法定节假日计算: the period rests on a year whose official schedule is not entered yet
    provisional: deadlineProvisional(official, r),
  }));
}
