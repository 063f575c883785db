/**
 * 收到第三方意见 (第三十二条): the third party's opinion (同意, 不同意, or none within 15 working days); the days from the
 * letter to the opinion are excluded from the answer period (第三十三条第三款: 征求第三方和其他机关意见所需时间不计算在
 * 前款规定的期限内) through the deadline mechanism's suspension.
 */
import type { Problem } from '../../../domain/workflow.ts';
import { actorOf } from '../../../platform/context.ts';
import { suspendDeadline } from '../../../platform/workflow/engine.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { DisclosureRow } from '../store.ts';
import { disclosureInputs } from './inputs.ts';
import { loadDisclosure } from './shared.ts';

const current = (r: DisclosureRow) => r.consultations[r.consultations.length - 1];

export const repliedAfterSent = ({ input, facts, date }: { input: { repliedOn: string }; facts: DisclosureRow; date: string }): Problem[] =>
  input.repliedOn < (current(facts)?.sentOn ?? facts.receivedOn) || input.repliedOn > date
    ? [{ code: 'VALIDATION_FAILED', message: '收到第三方意见的日期应当在发出征求意见书之后、不晚于办理日期' }]
    : [];

export const recordThirdPartyOpinion = defineTransition({
  label: '登记第三方意见',
  from: ['consulting'],
  to: 'received',
  roles: ['legalReviewer', 'leader', 'admin'],
  input: disclosureInputs.recordThirdPartyOpinion,
  load: (g) => loadDisclosure(g.tx, g.matter.id),
  guards: [repliedAfterSent],
  meets: ['disclosure.thirdPartyOpinion'],
  effect: async (g) => {
    const { tx, ctx, input, facts, principal } = g;
    const c = current(facts);
    const consultations = [...facts.consultations.slice(0, -1), { ...c, repliedOn: input.repliedOn, opinion: input.opinion, note: input.note ?? null }];
    await tx.query('update disclosure_requests set consultations = $2::jsonb where id = $1', [g.matter.id, JSON.stringify(consultations)]);
    const answerDue = await suspendDeadline(tx, ctx, actorOf(principal), g.matter, {
      ruleId: 'disclosure.answer',
      from: c.sentOn,
      to: input.repliedOn,
      reason: '征求第三方意见',
    });
    return { answerDue };
  },
});
