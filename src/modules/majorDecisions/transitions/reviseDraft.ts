/**
 * 根据合法性审查意见调整草案 (第二十八条 "决策承办单位根据合法性审查意见进行必要的调整或者补充"): the draft goes back to
 * the undertaking unit and is reviewed again before any discussion.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { decisionInputs } from './inputs.ts';

export const reviseDraft = defineTransition({
  label: '根据审查意见修改草案',
  from: ['inLegalityReview'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.reviseDraft,
  effect: async ({ tx, matter, input }) => {
    await tx.query('update major_decisions set draft = $2 where id = $1', [matter.id, input.draft]);
  },
});
