/** 履行完毕: the contract is performed (or ended), with a note. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { contractInputs } from './inputs.ts';

export const close = defineTransition({
  label: '履行完毕',
  from: ['signed'],
  to: 'closed',
  roles: ['officer', 'leader', 'admin'],
  input: contractInputs.close,
  effect: async ({ tx, input, matter }) => {
    await tx.query('update contracts set closed_on = $2 where id = $1', [matter.id, input.closedOn]);
  },
});
