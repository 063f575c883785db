/**
 * Workflow definitions: a matter type declares its states and transitions as data, with guard
 * functions and the deadlines each transition opens or closes. Definitions are versioned; a
 * matter keeps the version it started with. Pure: the engine (platform/workflow) runs them.
 */
import type { z } from 'zod';
import type { ErrorCode } from './errorCatalogue.ts';
import type { Role } from './vocabulary.ts';

export interface Problem {
  code: ErrorCode;
  message: string;
}

export interface StateDef {
  label: string;
  /** no transition leaves it and the matter's file becomes read-only (e.g. 归档) */
  final?: boolean;
}

export interface DeadlineOpen<G = unknown> {
  ruleId: string;
  /** which date starts it: the transition's date (default), a date in the input, or one the matter knows */
  startFrom?: string;
  startOn?: (g: G) => string | null | Promise<string | null>;
  /** open it only when this holds (e.g. the payment deadline only when a fine was imposed) */
  when?: (g: G) => boolean | Promise<boolean>;
}

export interface TransitionDef<G> {
  label: string;
  from: string[];
  to: string;
  roles: Role[];
  /**
   * An act taken when something calls for it (更正、撤回、重新告知、当事人要求听证 …), not a step the matter waits for —
   * in every state it leaves (`true`) or in those listed. Guidance offers it after the required steps; the 待办 lists a
   * matter for it only while it meets an open deadline of the matter.
   */
  optional?: true | readonly string[];
  /** the input's schema: the engine parses the input with it before anything else runs (400 VALIDATION_FAILED) */
  input?: z.ZodType;
  /** reads, once, the facts the guards, the deadlines and the effect decide on (`g.facts`) */
  load?: (g: G) => Promise<unknown>;
  /** each guard returns the problems that stop the transition (empty: it may proceed) */
  guards?: ((g: G) => Problem[] | Promise<Problem[]>)[];
  opens?: DeadlineOpen<G>[];
  /** deadline rule ids this transition meets */
  meets?: string[];
  /**
   * What the transition writes besides the state (a decision, a review, an instrument …), in the
   * same transaction, after the guards passed and the state changed. What it returns is recorded
   * with the transition (e.g. the numbers of the instruments it issued).
   */
  effect?: (g: G) => Promise<Record<string, unknown> | void>;
}

export interface WorkflowDef<G = unknown> {
  type: string;
  version: number;
  label: string;
  initial: string;
  states: Record<string, StateDef>;
  transitions: Record<string, TransitionDef<G>>;
}

/** Who may see a matter of this type beyond the org subtree of its org (e.g. the legal office of the deciding body). */
export type VisibilityRule<P, M, Q> = (q: Q, p: P, m: M) => Promise<boolean>;

/** Structural checks of a definition: every transition names known states; final states have no exits. */
export function validateWorkflow(def: WorkflowDef<never>): string[] {
  const errors: string[] = [];
  if (!def.states[def.initial]) errors.push(`initial state ${def.initial} is not declared`);
  for (const [id, t] of Object.entries(def.transitions)) {
    for (const s of [...t.from, t.to]) if (!def.states[s]) errors.push(`transition ${id}: unknown state ${s}`);
    for (const s of t.from) if (def.states[s]?.final) errors.push(`transition ${id} leaves final state ${s}`);
    if (t.roles.length === 0) errors.push(`transition ${id} names no role`);
  }
  return errors;
}

/** The transitions a holder of `roles` could take from `state` (before guards). */
export function availableTransitions<G>(def: WorkflowDef<G>, state: string, roles: Role[]): string[] {
  return Object.entries(def.transitions)
    .filter(([, t]) => t.from.includes(state) && t.roles.some((r) => roles.includes(r)))
    .map(([id]) => id);
}

/** Is the transition a step the matter waits for in this state (not an optional act)? */
export const requiredIn = (t: Pick<TransitionDef<unknown>, 'optional'>, state: string): boolean =>
  t.optional === undefined ? true : t.optional === true ? false : !t.optional.includes(state);
