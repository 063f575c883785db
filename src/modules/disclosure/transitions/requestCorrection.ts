/**
 * 告知补正 (第三十条): the application is unclear; the applicant is told once, within 7 working days of receipt, what to
 * correct and by when, with a 补正告知书. The answer period stops: it runs again from the corrected application's receipt.
 */
import type { Problem } from '../../../domain/workflow.ts';
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../../domain/deadlines/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { issueInstrument } from '../../../platform/documents/issue.ts';
import { closeDeadlines } from '../../../platform/workflow/deadlines.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { DisclosureRow } from '../store.ts';
import { disclosureInputs } from './inputs.ts';
import { letterHead, loadDisclosure } from './shared.ts';

interface Facts {
  request: DisclosureRow;
  /** the last day to ask for a correction (第三十条: 7 working days from receipt) */
  noticeDue: string;
}

/** 第三十条: the correction is asked for once, within 7 working days of receipt — later, the body answers the request as it stands. */
export const correctionInTime = ({ facts, date }: { facts: Facts; date: string }): Problem[] =>
  date > facts.noticeDue
    ? [
        {
          code: 'DISCLOSURE_CORRECTION_LATE',
          message: `收到申请已超过7个工作日（${facts.noticeDue} 届满），不能再要求补正，应当按申请内容作出答复（第三十条）`,
        },
      ]
    : facts.request.correction
      ? [{ code: 'DISCLOSURE_CORRECTION_LATE', message: '补正应当一次性告知，该申请已经告知过补正（第三十条）' }]
      : [];

export const correctionDueAfterNotice = ({ input, date }: { input: { dueOn: string }; date: string }): Problem[] =>
  input.dueOn > date ? [] : [{ code: 'VALIDATION_FAILED', message: '补正期限应当晚于告知日期（第三十条“合理的补正期限”）' }];

export const requestCorrection = defineTransition({
  label: '告知补正',
  from: ['received'],
  to: 'correcting',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: true,
  input: disclosureInputs.requestCorrection,
  load: async (g): Promise<Facts> => {
    const request = await loadDisclosure(g.tx, g.matter.id);
    const noticeDue = computeDeadline(deadlineRule('disclosure.correctionNotice'), await loadCalendar(g.tx), { start: request.receivedOn }).due;
    return { request, noticeDue };
  },
  guards: [correctionInTime, correctionDueAfterNotice],
  effect: async ({ tx, ctx, principal, input, facts, matter, date }) => {
    const ins = await issueInstrument(ctx, tx, actorOf(principal), {
      orgId: facts.request.bodyId,
      kind: 'disclosureCorrection',
      matterType: 'disclosureRequest',
      matterId: matter.id,
      date,
      data: { ...letterHead(facts.request), items: input.items, dueOn: input.dueOn, noticeDate: date },
    });
    // 答复期限自行政机关收到补正的申请之日起计算: the running period is cancelled, 收到补正 opens it again
    await closeDeadlines(tx, matter.id, ['disclosure.answer'], 'cancelled', 'requestCorrection');
    await tx.query('update disclosure_requests set correction = $2::jsonb where id = $1', [
      matter.id,
      JSON.stringify({ items: input.items, noticeOn: date, dueOn: input.dueOn, instrumentId: ins.id }),
    ]);
    return { instrumentId: ins.id, number: ins.number };
  },
});
