/** 归档: the recommendation is filed with the measures taken (整改措施及落实情况). */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { recommendationInputs } from './inputs.ts';

export const file = defineTransition({
  label: '归档',
  from: ['answered'],
  to: 'filed',
  roles: ['legalReviewer', 'leader', 'admin'],
  input: recommendationInputs.file,
  effect: async ({ tx, input, matter }) => {
    await tx.query('update recommendations set measures = $2, filed_on = $3 where id = $1', [matter.id, input.measures, input.filedOn]);
  },
});
