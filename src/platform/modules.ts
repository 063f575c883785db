/**
 * Modules and the registry. A module is a folder with one entry object (`<name>/index.ts`, built with
 * `defineModule`) that declares everything the platform needs from it: its workflows, who sees its
 * matters beyond their org subtree, the listeners that follow other modules' transitions, how the record
 * routes resolve its matter types, its routes, its CLI commands, its periodic jobs and its current-state
 * tables. `app.ts` lists the modules; `buildRegistry` turns the list into one immutable registry and checks
 * it at start-up. Nothing registers by import side effect: what a module offers is what its entry says.
 */
import type { Command } from 'commander';
import { validateWorkflow, type WorkflowDef } from '../domain/workflow.ts';
import { deadlineRuleById } from '../domain/deadlines/rules.ts';
import { legalRuleKinds, type LegalRule } from '../domain/legalRules.ts';
import type { AppContext } from './context.ts';
import type { Queryable } from './db/index.ts';
import type { App } from './http.ts';
import type { Principal, Role } from './policies.ts';
import { validateFigure, type FigureDef, type RegisteredFigure } from './figures/define.ts';
import type { StateTable } from './record/state.ts';
import type { GuardInput, MatterRow } from './workflow/engine.ts';

/** Who sees a matter of a type beyond its org subtree (the org subtree always sees it). */
export type VisibilityRule = (q: Queryable, p: Principal, m: MatterRow, reg: Registry) => Promise<boolean>;

/** What the record routes need to know of a matter: whose it is and what the caller may do with its file. */
export interface MatterAccess {
  orgId: string;
  title: string;
  viewRecord: boolean;
  uploadEvidence: boolean;
  /** why `uploadEvidence` is false (the 403's message), when the type can say more than the default */
  uploadRefusal?: string;
  /** may take the type's transitions (each by its roles); absent: whoever sees the matter (guidance, 待办) */
  act?: boolean;
}

/** The users a matter is assigned to, per role (a case's 办案人员): guidance names them, and only they find it in their 待办. */
export type AssigneeResolver = (q: Queryable, m: MatterRow) => Promise<Partial<Record<Role, string[]>>>;

/** Answers from the type's own policy (the function that computes the resource's `abilities`); null: invisible. */
export type MatterResolver = (q: Queryable, p: Principal, id: string, reg: Registry) => Promise<MatterAccess | null>;

/**
 * Runs inside a transition's transaction after its record entry, for a module that follows another
 * module's matters (publicity publishes a decision the case module made). What it writes it records
 * itself; if it throws, the whole transition rolls back.
 */
export interface TransitionListener {
  /** for the start-up check and the error messages */
  name: string;
  type: string;
  transitions: readonly string[] | '*';
  run: (g: GuardInput<Record<string, unknown>>, t: { transition: string; from: string; to: string; result: Record<string, unknown> | null }) => Promise<void>;
}

/** Runs the CLI command's body with a context (opened and closed around it). */
export type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

/** A periodic job; the server runs it in one worker. */
export interface Job {
  name: string;
  everyMs: (ctx: AppContext) => number;
  run: (ctx: AppContext) => Promise<void>;
}

export interface ModuleDef {
  /** the folder's name */
  name: string;
  /** what it is, in Chinese */
  label: string;
  workflows?: readonly WorkflowDef<GuardInput<never>>[];
  /** per matter type of this module */
  visibility?: Readonly<Record<string, VisibilityRule>>;
  listeners?: readonly TransitionListener[];
  /** per matter type of this module */
  matterResolvers?: Readonly<Record<string, MatterResolver>>;
  /** per matter type of this module, where a matter is assigned to named users */
  assignees?: Readonly<Record<string, AssigneeResolver>>;
  routes?: (app: App, ctx: AppContext) => void | Promise<void>;
  cli?: (program: Command, withContext: WithContext) => void;
  jobs?: readonly Job[];
  /** the current-state tables `fazhi ledger verify --state` replays the record over */
  stateTables?: readonly StateTable[];
  /** the legal rules the module enforces, for the 规则目录 (domain/legalRules.ts) */
  rules?: readonly LegalRule[];
  /** the figures its records make (统计指标目录, platform/figures): ids `<module>.<name>` */
  figures?: readonly FigureDef[];
}

/** A catalogue entry with the module that declares it. */
export interface RegisteredRule {
  rule: LegalRule;
  module: string;
  moduleLabel: string;
}

export const defineModule = <const M extends ModuleDef>(m: M): M => m;

export interface Registry {
  readonly modules: readonly ModuleDef[];
  /** a version of a type's workflow; without a version, the latest */
  workflowOf(type: string, version?: number): WorkflowDef<GuardInput<never>> | null;
  visibilityOf(type: string): VisibilityRule | undefined;
  listenersOf(type: string, transition: string): readonly TransitionListener[];
  resolverOf(type: string): MatterResolver | undefined;
  assigneesOf(type: string): AssigneeResolver | undefined;
  /** every workflow type with its latest version (the 待办 walks them all) */
  readonly workflowTypes: readonly string[];
  readonly stateTables: readonly StateTable[];
  readonly jobs: readonly Job[];
  /** every legal rule of every module (the 规则目录), ids unique */
  readonly rules: readonly RegisteredRule[];
  /** every figure of every module (the 统计指标目录), ids unique, in module order */
  readonly figures: readonly RegisteredFigure[];
  figureOf(id: string): RegisteredFigure | undefined;
}

const key = (type: string, version: number) => `${type}@${version}`;

/**
 * The one registry of the running platform, checked: every workflow is valid and opens only known deadline
 * rules, no workflow version, visibility rule or resolver is declared twice, every workflow type has a
 * resolver, every listener names a workflow type and transitions it has. A mistake stops start-up.
 */
export function buildRegistry(modules: readonly ModuleDef[]): Registry {
  const errors: string[] = [];
  const workflows = new Map<string, WorkflowDef<GuardInput<never>>>();
  const visibility = new Map<string, VisibilityRule>();
  const resolvers = new Map<string, MatterResolver>();
  const assignees = new Map<string, AssigneeResolver>();
  const names = new Set<string>();
  const rules = new Map<string, RegisteredRule>();
  const figures = new Map<string, RegisteredFigure>();
  for (const m of modules) {
    if (names.has(m.name)) errors.push(`module ${m.name} is listed twice`);
    names.add(m.name);
    for (const def of m.workflows ?? []) {
      for (const e of validateWorkflow(def)) errors.push(`workflow ${def.type}@${def.version} (${m.name}): ${e}`);
      for (const [id, t] of Object.entries(def.transitions))
        for (const o of t.opens ?? [])
          if (!deadlineRuleById.has(o.ruleId)) errors.push(`workflow ${def.type} transition ${id}: unknown deadline rule ${o.ruleId}`);
      if (workflows.has(key(def.type, def.version))) errors.push(`workflow ${def.type}@${def.version} is declared twice`);
      workflows.set(key(def.type, def.version), def);
    }
    for (const [type, rule] of Object.entries(m.visibility ?? {})) {
      if (visibility.has(type)) errors.push(`visibility of ${type} is declared twice`);
      visibility.set(type, rule);
    }
    for (const [type, r] of Object.entries(m.matterResolvers ?? {})) {
      if (resolvers.has(type)) errors.push(`the matter resolver of ${type} is declared twice`);
      resolvers.set(type, r);
    }
    for (const [type, a] of Object.entries(m.assignees ?? {})) {
      if (assignees.has(type)) errors.push(`the assignees of ${type} are declared twice`);
      assignees.set(type, a);
    }
    for (const rule of m.rules ?? []) {
      const seen = rules.get(rule.id);
      if (seen) errors.push(`legal rule ${rule.id} is declared twice (${seen.module}, ${m.name})`);
      if (!legalRuleKinds.includes(rule.kind)) errors.push(`legal rule ${rule.id} (${m.name}): unknown kind ${rule.kind}`);
      rules.set(rule.id, { rule, module: m.name, moduleLabel: m.label });
    }
    for (const figure of m.figures ?? []) {
      errors.push(...validateFigure(figure, m.name));
      if (figures.has(figure.id)) errors.push(`figure ${figure.id} is declared twice`);
      figures.set(figure.id, { figure, module: m.name, moduleLabel: m.label });
    }
  }
  const types = new Set([...workflows.values()].map((d) => d.type));
  for (const type of types) if (!resolvers.has(type)) errors.push(`workflow type ${type} has no matter resolver`);
  for (const type of visibility.keys()) if (!types.has(type)) errors.push(`visibility of ${type}: no workflow of that type`);
  for (const type of assignees.keys()) if (!types.has(type)) errors.push(`assignees of ${type}: no workflow of that type`);
  const listeners = modules.flatMap((m) => m.listeners ?? []);
  for (const l of listeners) {
    const defs = [...workflows.values()].filter((d) => d.type === l.type);
    if (!defs.length) errors.push(`listener ${l.name}: no workflow of type ${l.type}`);
    else if (l.transitions !== '*')
      for (const t of l.transitions) if (!defs.some((d) => t in d.transitions)) errors.push(`listener ${l.name}: ${l.type} has no transition ${t}`);
  }
  if (errors.length) throw new Error(`the module registry is invalid:\n- ${errors.join('\n- ')}`);

  return Object.freeze({
    modules: Object.freeze([...modules]),
    workflowOf(type: string, version?: number) {
      if (version !== undefined) return workflows.get(key(type, version)) ?? null;
      let latest: WorkflowDef<GuardInput<never>> | null = null;
      for (const d of workflows.values()) if (d.type === type && (!latest || d.version > latest.version)) latest = d;
      return latest;
    },
    visibilityOf: (type: string) => visibility.get(type),
    listenersOf: (type: string, transition: string) =>
      listeners.filter((l) => l.type === type && (l.transitions === '*' || l.transitions.includes(transition))),
    resolverOf: (type: string) => resolvers.get(type),
    assigneesOf: (type: string) => assignees.get(type),
    workflowTypes: Object.freeze([...types]),
    stateTables: Object.freeze(modules.flatMap((m) => m.stateTables ?? [])),
    jobs: Object.freeze(modules.flatMap((m) => m.jobs ?? [])),
    rules: Object.freeze([...rules.values()]),
    figures: Object.freeze([...figures.values()]),
    figureOf: (id: string) => figures.get(id),
  });
}
