/**
 * Guidance (办理指引): what happens next on a matter and what a user has to do — computed from the workflow, never
 * declared per page or per matter type. For a matter: the transitions open from its state, for whom (their roles;
 * the users who hold one and may act on the matter, or those the module names as assigned), until when (the open
 * deadlines the transition meets) and, for the caller, whether it would pass today (a dry run of its guards).
 *
 * The dry run (试办) runs the transition's `load` and guards exactly as the engine does, without writing anything and
 * without the input the form has not collected yet: the guards see an input whose every read throws `InputPending`.
 * A guard that decides on the input (a date, an opinion, the amount) is therefore left to the act itself; a guard
 * that decides on the facts alone (the statement window still open, not a major case, nothing left to enforce)
 * gives its problem, and the console shows it as the reason the button is disabled. `load` sees an input whose
 * fields are all absent, so a load that needs one (a file list, say) fails and the step is shown as not checked.
 */
import { chinaToday } from '../../domain/dates.ts';
import { requiredIn, type Problem, type TransitionDef } from '../../domain/workflow.ts';
import { roleLabels, type Role } from '../../domain/vocabulary.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import type { Registry } from '../modules.ts';
import { enforcementBodyOf, orgChain, orgSubtree } from '../orgs.ts';
import type { Principal } from '../policies.ts';
import type { GuardInput, MatterRow } from './engine.ts';

/** Thrown when a guard reads the input during a dry run: the guard is decided by the act, not now. */
export class InputPending extends Error {
  constructor() {
    super('the input is not known before the act');
  }
}

/** The input guards see in a dry run: reading any field throws `InputPending`. */
const pendingInput = new Proxy(Object.freeze({}), {
  get: (_t, key) => {
    if (key === 'then' || typeof key === 'symbol') return undefined;
    throw new InputPending();
  },
  has: () => {
    throw new InputPending();
  },
  ownKeys: () => {
    throw new InputPending();
  },
});

/** The input `load` sees in a dry run: every field absent. */
const absentInput = Object.freeze({});

export interface DryRun {
  /** false: the facts could not be read without the input, so nothing is known before the act */
  checked: boolean;
  /** what stops the transition today, by the facts alone */
  problems: Problem[];
}

/** Runs a transition's load and its guards on today's facts, writing nothing (see the file's comment). */
export async function dryRun(
  q: Queryable,
  ctx: AppContext,
  p: Principal,
  m: MatterRow,
  t: TransitionDef<GuardInput<never>>,
  date = chinaToday(),
): Promise<DryRun> {
  const g: GuardInput<unknown> = { tx: q, ctx, principal: p, matter: m, input: absentInput, date };
  try {
    if (t.load) g.facts = await (t.load as (g: GuardInput<unknown>) => Promise<unknown>)(g);
  } catch {
    return { checked: false, problems: [] };
  }
  const problems: Problem[] = [];
  for (const guard of (t.guards ?? []) as ((g: GuardInput<unknown>) => Problem[] | Promise<Problem[]>)[]) {
    try {
      problems.push(...(await guard({ ...g, input: pendingInput })));
    } catch (e) {
      if (!(e instanceof InputPending)) throw e;
    }
  }
  return { checked: true, problems };
}

export interface StepActor {
  userId: string;
  name: string;
  orgName: string;
}

export interface NextStep {
  transition: string;
  label: string;
  /** the state it leads to */
  toLabel: string;
  roles: { role: Role; label: string }[];
  /** who may take it: the users assigned to the matter for its roles, else those holding a role who may act on it */
  actors: StepActor[];
  /** the nearest open deadline this transition meets */
  due: { ruleId: string; label: string; due: string; overdue: boolean } | null;
  /** a step the matter waits for (not an optional act, or one that meets an open deadline): the 待办 lists these */
  required: boolean;
  /** the caller holds a role for it and may act on the matter */
  mine: boolean;
  /** for the caller's own steps: what stops it today (empty: it may be taken) */
  blocked: Problem[];
  checked: boolean;
}

export interface MatterGuidance {
  matterId: string;
  type: string;
  state: string;
  stateLabel: string;
  final: boolean;
  steps: NextStep[];
  /** one sentence: 下一步：… */
  summary: string;
}

interface OpenDeadlineRow {
  ruleId: string;
  label: string;
  due: string;
}

async function openDeadlinesOf(q: Queryable, matterIds: string[]): Promise<Map<string, OpenDeadlineRow[]>> {
  const rows = matterIds.length
    ? (
        await q.query<OpenDeadlineRow & { matterId: string }>(
          `select matter_id as "matterId", rule_id as "ruleId", label, due_date as "due" from matter_deadlines
            where matter_id = any($1) and status = 'open' order by due_date`,
          [matterIds],
        )
      ).rows
    : [];
  const out = new Map<string, OpenDeadlineRow[]>();
  for (const r of rows) out.set(r.matterId, [...(out.get(r.matterId) ?? []), r]);
  return out;
}

/** May the principal take the transitions of this matter (visible, and the type's policy lets them act)? */
export async function mayAct(reg: Registry, q: Queryable, p: Principal, m: MatterRow): Promise<boolean> {
  const access = await reg.resolverOf(m.type)?.(q, p, m.id, reg);
  return !!access && access.act !== false;
}

/** The principal of another user, as a session would build it (for "who may act"). */
async function principalOf(q: Queryable, u: { id: string; username: string; name: string; roles: Role[]; orgId: string }): Promise<Principal> {
  return { userId: u.id, username: u.username, displayName: u.name, roles: u.roles, orgId: u.orgId, scope: new Set(await orgSubtree(q, u.orgId)) };
}

/**
 * The users who may take a transition: those the module assigned to the matter for one of its roles, else every active
 * user holding one of its roles in the matter's enforcement body (or above it) whom the type's policy lets act.
 */
export async function actorsFor(reg: Registry, q: Queryable, m: MatterRow, roles: Role[], assigned: Partial<Record<Role, string[]>>): Promise<StepActor[]> {
  const assignedIds = roles.flatMap((r) => assigned[r] ?? []);
  const body = (await enforcementBodyOf(q, m.orgId)) ?? m.orgId;
  const orgs = [...new Set([...(await orgSubtree(q, body)), ...(await orgChain(q, m.orgId))])];
  const users = (
    await q.query<{ id: string; username: string; name: string; roles: Role[]; orgId: string; orgName: string }>(
      `select u.id, u.username, u.display_name as name, u.roles, u.org_id as "orgId", o.name as "orgName"
         from users u join orgs o on o.id = u.org_id
        where u.active and u.roles && $1::text[] and ${assignedIds.length ? 'u.id = any($2)' : 'u.org_id = any($2)'}
        order by o.sort_order, u.display_name limit 50`,
      [roles, assignedIds.length ? assignedIds : orgs],
    )
  ).rows;
  const out: StepActor[] = [];
  for (const u of users) if (await mayAct(reg, q, await principalOf(q, u), m)) out.push({ userId: u.id, name: u.name, orgName: u.orgName });
  return out;
}

const actorText = (s: NextStep) =>
  s.actors.length ? `${s.actors.map((a) => a.name).join('、')}` : `${s.roles.map((r) => r.label).join('或')}（尚无可办理的人员）`;

/** 下一步：提交法制审核（张三、李四，期限至 2026-12-20）；或 …；另可：更正、撤回公示 */
export function stepSentence(steps: NextStep[], final: boolean): string {
  if (final) return '本事项已办结，没有下一步';
  const required = steps.filter((s) => s.required);
  const optional = steps.filter((s) => !s.required).map((s) => s.label);
  const head = required.length
    ? `下一步：${required.map((s) => `${s.label}（${actorText(s)}${s.due ? `，期限至 ${s.due.due}` : ''}）`).join('；或')}`
    : '当前没有必须办理的环节';
  return optional.length ? `${head}；另可：${optional.join('、')}` : head;
}

/**
 * The guidance of one matter for the principal (who must see it: the caller checks). Steps the caller may take come
 * first, then the others; each step's actors are computed unless `withActors` is false (the to-do list, which has many).
 */
export async function matterGuidance(
  ctx: AppContext,
  q: Queryable,
  p: Principal,
  m: MatterRow,
  opts: { withActors?: boolean; today?: string; deadlines?: OpenDeadlineRow[]; mayAct?: boolean } = {},
): Promise<MatterGuidance> {
  const reg = ctx.registry;
  const def = reg.workflowOf(m.type, m.workflowVersion);
  if (!def) throw new Error(`workflow ${m.type}@${m.workflowVersion} is not declared by any module`);
  const today = opts.today ?? chinaToday();
  const final = !!def.states[m.state]?.final;
  const deadlines = opts.deadlines ?? (await openDeadlinesOf(q, [m.id])).get(m.id) ?? [];
  const callerActs = opts.mayAct ?? (await mayAct(reg, q, p, m));
  const assigned = opts.withActors === false ? {} : ((await reg.assigneesOf(m.type)?.(q, m)) ?? {});
  const steps: NextStep[] = [];
  if (!final)
    for (const [id, t] of Object.entries(def.transitions)) {
      if (!t.from.includes(m.state)) continue;
      const roles = t.roles.map((role) => ({ role, label: roleLabels[role] }));
      const assignedHere = t.roles.flatMap((r) => assigned[r] ?? []);
      const mine = callerActs && t.roles.some((r) => p.roles.includes(r)) && (!assignedHere.length || assignedHere.includes(p.userId));
      const d = deadlines.find((x) => t.meets?.includes(x.ruleId));
      const required = requiredIn(t, m.state) || !!d;
      const run = mine ? await dryRun(q, ctx, p, m, t, today) : { checked: false, problems: [] };
      steps.push({
        transition: id,
        label: t.label,
        toLabel: def.states[t.to]?.label ?? t.to,
        roles,
        actors: opts.withActors === false ? [] : await actorsFor(reg, q, m, t.roles, assigned),
        due: d ? { ruleId: d.ruleId, label: d.label, due: d.due, overdue: d.due < today } : null,
        required,
        mine,
        blocked: run.problems,
        checked: run.checked,
      });
    }
  const rank = (s: NextStep) => (s.required ? 4 : 0) + (s.mine && !s.blocked.length ? 2 : 0) + (s.mine ? 1 : 0);
  steps.sort((a, b) => rank(b) - rank(a));
  return {
    matterId: m.id,
    type: m.type,
    state: m.state,
    stateLabel: def.states[m.state]?.label ?? m.state,
    final,
    steps,
    summary: stepSentence(steps, final),
  };
}

export { openDeadlinesOf };
