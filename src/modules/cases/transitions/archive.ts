import { defineTransition } from '../../../platform/workflow/transition.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase } from '../store.ts';

/** 归档: the case file becomes read-only. */
export const archive = defineTransition({
  label: '归档',
  from: ['closed'],
  to: 'archived',
  roles: ['officer', 'admin'],
  input: transitionInputs.archive,
  effect: async ({ tx, matter, date }) => {
    await patchCase(tx, matter.id, { archivedOn: date });
  },
});
