/** 送请合法性审查: the contract goes to the legal office through the legality module's one mechanism (again after 不合法 and amendment). */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { requestLegalityReview } from '../../legality/index.ts';
import { contractInputs } from './inputs.ts';
import { loadContract } from './shared.ts';

export const requestReview = defineTransition({
  label: '送请合法性审查',
  from: ['draft', 'underReview'],
  to: 'underReview',
  roles: ['officer', 'leader', 'admin'],
  input: contractInputs.requestReview,
  load: async (g) => ({ contract: await loadContract(g.tx, g.matter.id) }),
  effect: async ({ tx, ctx, principal, input, facts, date }) => {
    const c = facts.contract;
    const { reviewId } = await requestLegalityReview(tx, ctx, principal, {
      subject: { type: 'contractReview', id: c.id },
      kind: 'contract',
      title: c.title,
      materials: input.materials,
      materialFileIds: input.materialFileIds,
      consultAdvisers: input.consultAdvisers,
      date,
    });
    return { reviewId };
  },
});
