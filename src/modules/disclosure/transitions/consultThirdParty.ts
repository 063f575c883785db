/**
 * 征求第三方意见 (第三十二条): disclosure may harm a third party's lawful rights; the body asks in writing. The third party
 * has 15 working days; the time the consultation takes does not count towards the answer period (第三十三条第三款).
 */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { DisclosureRow } from '../store.ts';
import { disclosureInputs } from './inputs.ts';
import { loadDisclosure } from './shared.ts';

export const sentWithinRequest = ({ input, facts, date }: { input: { sentOn: string }; facts: DisclosureRow; date: string }): Problem[] =>
  input.sentOn < facts.receivedOn || input.sentOn > date
    ? [{ code: 'VALIDATION_FAILED', message: '发出征求意见书的日期应当在收到申请之后、不晚于办理日期' }]
    : [];

export const consultThirdParty = defineTransition({
  label: '征求第三方意见',
  from: ['received'],
  to: 'consulting',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: true,
  input: disclosureInputs.consultThirdParty,
  load: (g) => loadDisclosure(g.tx, g.matter.id),
  guards: [sentWithinRequest],
  opens: [{ ruleId: 'disclosure.thirdPartyOpinion', startFrom: 'sentOn' }],
  effect: async ({ tx, input, facts, matter }) => {
    const consultations = [...facts.consultations, { thirdParty: input.thirdParty, sentOn: input.sentOn, reason: input.reason }];
    await tx.query('update disclosure_requests set consultations = $2::jsonb where id = $1', [matter.id, JSON.stringify(consultations)]);
  },
});
