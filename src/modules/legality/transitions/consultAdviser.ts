/**
 * 组织法律顾问、公职律师提出法律意见 (重大行政决策程序暂行条例 第二十八条): the legal office records the legal opinion of an
 * adviser or public lawyer of the body's register, in term on the day the opinion was given. Any number of them.
 */
import { randomUUID } from 'node:crypto';
import type { Problem } from '../../../domain/workflow.ts';
import { orgChain } from '../../../platform/orgs.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { findAdviser, type AdviserRow } from '../store.ts';
import { reviewInputs } from './inputs.ts';
import { loadReview } from './shared.ts';

export const adviserUsable = ({ input, facts }: { input: { givenOn: string }; facts: { adviser: AdviserRow | null; chain: string[] } }): Problem[] => {
  const a = facts.adviser;
  if (!a || !facts.chain.includes(a.orgId) || input.givenOn < a.termStart || (a.termEnd && input.givenOn > a.termEnd))
    return [{ code: 'LEGAL_ADVISER_NOT_FOUND', message: '法律顾问或者公职律师不在本机关的名录中，或者提出意见之日不在其聘任（任职）期内' }];
  return [];
};

export const consultAdviser = defineTransition({
  label: '征求法律顾问、公职律师意见',
  from: ['underReview'],
  to: 'underReview',
  roles: ['legalReviewer'],
  optional: true,
  input: reviewInputs.consultAdviser,
  load: async (g) => {
    const review = await loadReview(g.tx, g.matter.id);
    return { review, adviser: await findAdviser(g.tx, g.input.adviserId), chain: await orgChain(g.tx, review.bodyId) };
  },
  guards: [adviserUsable],
  effect: async ({ tx, input, matter }) => {
    const id = randomUUID();
    await tx.query('insert into legality_consultations (id, review_id, adviser_id, opinion, given_on) values ($1,$2,$3,$4,$5)', [
      id,
      matter.id,
      input.adviserId,
      input.opinion,
      input.givenOn,
    ]);
    return { consultationId: id };
  },
});
