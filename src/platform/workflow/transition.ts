/**
 * One transition, one file: `defineTransition` types a transition end to end. The input schema's type
 * flows into `load`, the guards and the effect; `load` reads the facts once (with the transaction);
 * guards are pure functions of the input and those facts — no database, so a test calls them with plain
 * objects; the effect writes. The engine (engine.ts) parses the input, calls `load`, then the guards,
 * changes the state, runs the effect, opens and meets the deadlines and appends the record entry.
 *
 *   export const decide = defineTransition({
 *     label: '作出决定', from: ['deciding'], to: 'decided', roles: ['leader'],
 *     input: z.strictObject({ … }),
 *     load: async (g) => ({ case: await findCase(g.tx, g.matter.id) }),
 *     guards: [({ input, facts }) => (facts.case.notice ? [] : [{ code: 'PRIOR_NOTICE_MISSING', message: '…' }])],
 *     effect: async ({ tx, input, facts }) => { … },
 *   });
 */
import type { z } from 'zod';
import type { DeadlineOpen, Problem, TransitionDef } from '../../domain/workflow.ts';
import type { Role } from '../../domain/vocabulary.ts';
import type { DeadlineRuleId } from '../../domain/deadlines/rules.ts';
import type { Principal } from '../policies.ts';
import type { GuardInput, MatterRow } from './engine.ts';

/** What a guard sees: the parsed input, the loaded facts and the act's circumstances — not the database. */
export interface GuardFacts<I, F> {
  input: I;
  facts: F;
  date: string;
  principal: Principal;
  matter: MatterRow;
}

/** What `load`, the deadlines and the effect see: the transaction and context besides. */
export interface TransitionArgs<I, F> extends GuardInput<I> {
  facts: F;
}

export type PureGuard<I, F> = (f: GuardFacts<I, F>) => Problem[];

export interface TransitionSpec<S extends z.ZodType, F> {
  label: string;
  from: readonly string[];
  to: string;
  roles: readonly Role[];
  /** see TransitionDef.optional */
  optional?: true | readonly string[];
  input: S;
  load?: (g: GuardInput<z.output<S>>) => Promise<F>;
  guards?: readonly PureGuard<z.output<S>, F>[];
  opens?: readonly (Omit<DeadlineOpen<TransitionArgs<z.output<S>, F>>, 'ruleId'> & { ruleId: DeadlineRuleId })[];
  meets?: readonly DeadlineRuleId[];
  effect?: (g: TransitionArgs<z.output<S>, F>) => Promise<Record<string, unknown> | void>;
}

/** A transition for a workflow definition; see the file's comment. */
export function defineTransition<S extends z.ZodType, F = undefined>(spec: TransitionSpec<S, F>): TransitionDef<GuardInput<never>> {
  return {
    label: spec.label,
    from: [...spec.from],
    to: spec.to,
    roles: [...spec.roles],
    ...(spec.optional ? { optional: spec.optional } : {}),
    input: spec.input,
    load: spec.load as TransitionDef<GuardInput<never>>['load'],
    guards: spec.guards?.map((guard) => (g: GuardInput<never>) => guard(g as unknown as GuardFacts<z.output<S>, F>)),
    opens: spec.opens?.map((o) => ({ ...o })) as TransitionDef<GuardInput<never>>['opens'],
    meets: spec.meets ? [...spec.meets] : undefined,
    effect: spec.effect as TransitionDef<GuardInput<never>>['effect'],
  };
}
