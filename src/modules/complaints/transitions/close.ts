/**
 * 不予处理并告知: a report outside the bureau's competence (第二十九条: tell the reporter to go to the competent
 * department), not a report at all (第三十九条第二款: consultation, 信息公开, 复议, 信访 — tell the right channel), or
 * without a concrete lead (第二十四条第一款). A named reporter is told (the method recorded).
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { COMPLAINT_HANDLERS } from '../access.ts';
import { reportInputs } from './inputs.ts';

export const close = defineTransition({
  label: '不予处理并告知',
  from: ['received'],
  to: 'closed',
  roles: COMPLAINT_HANDLERS,
  input: reportInputs.close,
  meets: ['lead.verification'],
  effect: async (g) => {
    await g.tx.query(
      `update complaints set state = 'closed', decided_on = $2, rejection_ground = $3, decision_reason = $4, notified_on = $2, finished_on = $2 where id = $1`,
      [g.matter.id, g.date, g.input.ground, g.input.reason],
    );
  },
});
