/**
 * 延长答复期限 (第三十三条第二款): with the consent of the head of the 政府信息公开工作机构 (a leader), by at most 20
 * working days, once, and the applicant is told (延期答复告知书). The deadline mechanism's approved extension.
 */
import type { Problem } from '../../../domain/workflow.ts';
import { actorOf } from '../../../platform/context.ts';
import { issueInstrument } from '../../../platform/documents/issue.ts';
import { extendDeadline } from '../../../platform/workflow/engine.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { DisclosureRow } from '../store.ts';
import { disclosureInputs } from './inputs.ts';
import { letterHead, loadDisclosure } from './shared.ts';

export const notExtendedYet = ({ facts }: { facts: DisclosureRow }): Problem[] =>
  facts.extension ? [{ code: 'DEADLINE_ALREADY_EXTENDED', message: '答复期限已经延长过，延长的期限最长不得超过20个工作日（第三十三条第二款）' }] : [];

export const extendAnswer = defineTransition({
  label: '延长答复期限',
  from: ['received', 'consulting'],
  to: 'received',
  roles: ['leader'],
  optional: true,
  input: disclosureInputs.extendAnswer,
  load: (g) => loadDisclosure(g.tx, g.matter.id),
  guards: [notExtendedYet],
  effect: async ({ tx, ctx, principal, input, facts, matter, date }) => {
    const dueOn = await extendDeadline(tx, ctx, principal, matter, { ruleId: 'disclosure.answer', reason: input.reason });
    const ins = await issueInstrument(ctx, tx, actorOf(principal), {
      orgId: facts.bodyId,
      kind: 'disclosureExtension',
      matterType: 'disclosureRequest',
      matterId: matter.id,
      date,
      data: { ...letterHead(facts), reason: input.reason, dueOn, noticeDate: date },
    });
    await tx.query('update disclosure_requests set extension = $2::jsonb where id = $1', [
      matter.id,
      JSON.stringify({ reason: input.reason, approvedBy: principal.displayName, on: date, instrumentId: ins.id, dueOn }),
    ]);
    return { answerDue: dueOn, instrumentId: ins.id, number: ins.number };
  },
});
