/** 分办: the recommendation is assigned to the unit that answers it (a unit of the body's subtree). */
import type { Problem } from '../../../domain/workflow.ts';
import { orgChain } from '../../../platform/orgs.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { findRecommendation } from '../store.ts';
import { recommendationInputs } from './inputs.ts';

export const unitInBody = ({ facts }: { facts: { inBody: boolean } }): Problem[] =>
  facts.inBody ? [] : [{ code: 'UNIT_NOT_IN_BODY', message: '承办机构应为该机关或其内设机构、派出机构' }];

export const assign = defineTransition({
  label: '分办',
  from: ['received', 'assigned'],
  to: 'assigned',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: ['assigned'],
  input: recommendationInputs.assign,
  load: async (g) => {
    const r = await findRecommendation(g.tx, g.matter.id);
    return { inBody: !!r && (await orgChain(g.tx, g.input.unitId)).includes(r.bodyId) };
  },
  guards: [unitInBody],
  effect: async ({ tx, input, matter }) => {
    await tx.query('update recommendations set unit_id = $2 where id = $1', [matter.id, input.unitId]);
  },
});
