import { defineTransition } from '../../../platform/workflow/transition.ts';
import { certificationOf, chargeOf, loadCase } from '../facts.ts';
import { problem, withinLimitation } from '../guards.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase } from '../store.ts';

/** 提请立案: a violation of the catalogue, within its limitation, and certified investigators (行政处罚法 第四十二条). */
export const proposeFiling = defineTransition({
  label: '提请立案',
  from: ['verifying'],
  to: 'filingProposed',
  roles: ['officer'],
  input: transitionInputs.proposeFiling,
  load: async (g) => {
    const c = await loadCase(g);
    const charge = await chargeOf(g.tx, g.input.violationId, g.input.violationDate, g.input.lifeHealth, c.receivedOn);
    return { case: c, ...charge, certification: charge.violationKnown ? await certificationOf(g.tx, c, g.input.investigatorIds, 'inquiry', g.date) : [] };
  },
  guards: [
    ({ input, facts, date }) =>
      facts.limitation
        ? [...withinLimitation(facts.limitation, date), ...facts.certification]
        : problem('VIOLATION_UNKNOWN', `违法行为 ${input.violationId} 不在违法行为目录中`),
  ],
  effect: async ({ tx, matter, input }) => {
    await patchCase(tx, matter.id, {
      violationId: input.violationId,
      violationDate: input.violationDate,
      lifeHealth: input.lifeHealth,
      investigatorIds: input.investigatorIds,
    });
    return { proposal: input.opinion };
  },
});
