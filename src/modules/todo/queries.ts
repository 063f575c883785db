/**
 * 待办: one list across every matter type, computed from the workflows — what the caller can act on now, what is
 * theirs but waits (a guard says why and until when), what waits for others in their units, and the deadlines
 * overdue or in their warning period. A new matter type appears here without a change: its workflow says which
 * states its roles act in, its resolver who may act, its assignees whose it is.
 */
import { chinaToday } from '../../domain/dates.ts';
import { requiredIn } from '../../domain/workflow.ts';
import { matterPages, matterTypeLabels } from '../../domain/vocabulary.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { enforcementBodyOf, orgSubtree } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { deadlinesInScope, matterVisible, type MatterRow } from '../../platform/workflow/engine.ts';
import { matterGuidance, mayAct, openDeadlinesOf, type NextStep } from '../../platform/workflow/guidance.ts';
import type { TodoItem, TodoList } from './responses.ts';

/** How many matters the list looks at (nearest deadline first); the rest are counted. */
export const LIST_LIMIT = 200;

interface Candidate extends MatterRow {
  due: string | null;
}

/** The orgs whose matters may be the caller's: their subtree and, for a unit under a body (法制科), the body's. */
async function areaOf(q: Queryable, p: Principal): Promise<string[]> {
  const body = await enforcementBodyOf(q, p.orgId);
  return [...new Set([...p.scope, ...(body ? await orgSubtree(q, body) : [])])];
}

/** Open matters of the area in a (type, version, state) the caller's roles act in, nearest deadline first. */
async function candidates(ctx: AppContext, q: Queryable, p: Principal, area: string[], roleStates: boolean): Promise<{ rows: Candidate[]; total: number }> {
  const groups = (
    await q.query<{ type: string; version: number; state: string }>(
      `select distinct type, workflow_version as version, state from matters where closed_at is null and org_id = any($1)`,
      [area],
    )
  ).rows.filter((g) => {
    const def = ctx.registry.workflowOf(g.type, g.version);
    if (!def || def.states[g.state]?.final) return false;
    const acts = Object.values(def.transitions).some((t) => t.from.includes(g.state) && t.roles.some((r) => p.roles.includes(r)));
    return roleStates ? acts : true;
  });
  if (!groups.length) return { rows: [], total: 0 };
  const keys = groups.map((g) => `${g.type}@${g.version}@${g.state}`);
  const where = `m.closed_at is null and m.org_id = any($1) and (m.type || '@' || m.workflow_version || '@' || m.state) = any($2)`;
  const [rows, total] = await Promise.all([
    q.query<Candidate>(
      `select m.id, m.type, m.workflow_version as "workflowVersion", m.state, m.version, m.org_id as "orgId", m.title,
              (select min(d.due_date) from matter_deadlines d where d.matter_id = m.id and d.status = 'open') as due
         from matters m where ${where}
        order by due nulls last, m.updated_at desc limit ${LIST_LIMIT}`,
      [area, keys],
    ),
    q.query<{ n: number }>(`select count(*)::int as n from matters m where ${where}`, [area, keys]),
  ]);
  return { rows: rows.rows, total: total.rows[0].n };
}

const item = (m: MatterRow, stateLabel: string, steps: NextStep[], due: string | null, today: string): TodoItem => ({
  matterId: m.id,
  type: m.type,
  typeLabel: matterTypeLabels[m.type] ?? m.type,
  href: m.type in matterPages ? `${matterPages[m.type]}/${m.id}` : null,
  title: m.title,
  stateLabel,
  due,
  overdue: !!due && due < today,
  steps: steps.map((s) => ({
    transition: s.transition,
    label: s.label,
    roles: s.roles.map((r) => r.label),
    required: s.required,
    mine: s.mine,
    due: s.due?.due ?? null,
    blocked: s.blocked.map((b) => b.message),
  })),
});

/** The caller's 待办 (see the file's comment). */
export async function todoList(ctx: AppContext, q: Queryable, p: Principal, today = chinaToday()): Promise<TodoList> {
  const area = await areaOf(q, p);
  const [own, all] = await Promise.all([candidates(ctx, q, p, area, true), candidates(ctx, q, p, [...p.scope], false)]);
  const deadlines = await openDeadlinesOf(q, [...new Set([...own.rows, ...all.rows].map((m) => m.id))]);
  const actNow: TodoItem[] = [];
  const waiting: TodoItem[] = [];
  const mineIds = new Set<string>();
  for (const m of own.rows) {
    if (!(await matterVisible(ctx.registry, q, p, m))) continue;
    const g = await matterGuidance(ctx, q, p, m, { withActors: false, today, deadlines: deadlines.get(m.id) ?? [] });
    const mine = g.steps.filter((s) => s.mine && s.required);
    if (!mine.length) continue;
    mineIds.add(m.id);
    (mine.some((s) => !s.blocked.length) ? actNow : waiting).push(item(m, g.stateLabel, g.steps, m.due, today));
  }
  const others: TodoItem[] = [];
  for (const m of all.rows) {
    if (mineIds.has(m.id)) continue;
    const g = await matterGuidance(ctx, q, p, m, { withActors: false, today, deadlines: deadlines.get(m.id) ?? [], mayAct: false });
    if (g.steps.some((s) => s.required)) others.push(item(m, g.stateLabel, g.steps, m.due, today));
  }
  return {
    actNow,
    waiting,
    others,
    deadlines: (await deadlinesInScope(q, p, today)).map((d) => ({
      ...d,
      href: d.matterType in matterPages ? `${matterPages[d.matterType]}/${d.matterId}` : null,
    })),
    count: actNow.length + waiting.length,
    truncated: own.total > own.rows.length || all.total > all.rows.length,
  };
}

/** The header's number: the matters the caller holds a step of (no dry run). */
export async function todoCount(ctx: AppContext, q: Queryable, p: Principal): Promise<{ count: number; overdue: number }> {
  const area = await areaOf(q, p);
  const { rows } = await candidates(ctx, q, p, area, true);
  const deadlines = await openDeadlinesOf(
    q,
    rows.map((m) => m.id),
  );
  let count = 0;
  let overdue = 0;
  const today = chinaToday();
  for (const m of rows) {
    if (!(await matterVisible(ctx.registry, q, p, m)) || !(await mayAct(ctx.registry, q, p, m))) continue;
    const assigned = (await ctx.registry.assigneesOf(m.type)?.(q, m)) ?? {};
    const def = ctx.registry.workflowOf(m.type, m.workflowVersion)!;
    const open = (deadlines.get(m.id) ?? []).map((d) => d.ruleId);
    const mine = Object.values(def.transitions).some((t) => {
      if (!t.from.includes(m.state) || !t.roles.some((r) => p.roles.includes(r))) return false;
      if (!requiredIn(t, m.state) && !t.meets?.some((r) => open.includes(r))) return false;
      const ids = t.roles.flatMap((r) => assigned[r] ?? []);
      return !ids.length || ids.includes(p.userId);
    });
    if (!mine) continue;
    count++;
    if (m.due && m.due < today) overdue++;
  }
  return { count, overdue };
}
