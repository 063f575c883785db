/** 收到补正 (第三十条): the corrected application is received; the 20 working days of 第三十三条 run from that day. */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { DisclosureRow } from '../store.ts';
import { disclosureInputs } from './inputs.ts';
import { loadDisclosure } from './shared.ts';

export const correctionReceivedAfterNotice = ({ input, facts, date }: { input: { receivedOn: string }; facts: DisclosureRow; date: string }): Problem[] =>
  input.receivedOn < (facts.correction?.noticeOn ?? facts.receivedOn) || input.receivedOn > date
    ? [{ code: 'VALIDATION_FAILED', message: '收到补正的日期应当在告知补正之后、不晚于办理日期' }]
    : [];

export const receiveCorrection = defineTransition({
  label: '收到补正',
  from: ['correcting'],
  to: 'received',
  roles: ['legalReviewer', 'leader', 'admin'],
  input: disclosureInputs.receiveCorrection,
  load: (g) => loadDisclosure(g.tx, g.matter.id),
  guards: [correctionReceivedAfterNotice],
  opens: [{ ruleId: 'disclosure.answer', startFrom: 'receivedOn' }],
  effect: async ({ tx, input, facts, matter }) => {
    await tx.query('update disclosure_requests set correction = $2::jsonb, description = $3 where id = $1', [
      matter.id,
      JSON.stringify({ ...facts.correction, receivedOn: input.receivedOn }),
      input.correctedDescription,
    ]);
  },
});
