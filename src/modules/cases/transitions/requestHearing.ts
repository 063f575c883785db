import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCase } from '../facts.ts';
import { problem } from '../guards.ts';
import { transitionInputs } from '../schema.ts';
import { openDeadlines, patchCase } from '../store.ts';

/** 当事人要求听证: hearing rights (行政处罚法 第六十三条), asked for within five working days (第六十四条), not waived. */
export const requestHearing = defineTransition({
  label: '当事人要求听证',
  from: ['noticed'],
  to: 'hearingRequested',
  roles: ['officer'],
  optional: true,
  input: transitionInputs.requestHearing,
  load: async (g) => {
    const c = await loadCase(g);
    return { case: c, requestDue: (await openDeadlines(g.tx, c.id, ['penalty.hearingRequest']))[0]?.due ?? null };
  },
  guards: [
    ({ input, facts: { case: c, requestDue: due } }) => {
      if (!c.hearingEligible) return problem('HEARING_NOT_ELIGIBLE', '拟作出的行政处罚不属于应当告知听证权利的情形（行政处罚法 第六十三条）');
      if (!due || input.requestedOn > due)
        return problem(
          'HEARING_REQUEST_LATE',
          `当事人应当在告知后五个工作日内提出听证要求（行政处罚法 第六十四条），期限${due ? `已于 ${due} 届满` : '已届满'}`,
        );
      if (c.waivers.hearing) return problem('HEARING_WAIVED', `当事人已于 ${c.waivers.hearing} 书面放弃听证`);
      return [];
    },
  ],
  meets: ['penalty.hearingRequest'],
  effect: async ({ tx, matter, input }) => {
    await patchCase(tx, matter.id, { hearing: { requestedOn: input.requestedOn } });
  },
});
