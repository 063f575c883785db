/** 听取意见、听证、调解: the bureau's attendance at the reviewing body's hearing (行政复议法 第四十九条、第五十条、第七十三条). */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { reconsiderationInputs } from './inputs.ts';
import { addHearing } from './shared.ts';

export const attend = defineTransition({
  label: '登记听取意见、听证或者调解',
  from: ['answered'],
  to: 'answered',
  roles: ['legalReviewer', 'leader'],
  optional: true,
  input: reconsiderationInputs.attend,
  effect: async (g) => ({
    hearingId: await addHearing(g.tx, 'reconsiderations', g.matter.id, {
      kind: g.input.kind,
      heldOn: g.input.heldOn,
      attendees: g.input.attendees,
      note: g.input.note ?? null,
    }),
  }),
});
