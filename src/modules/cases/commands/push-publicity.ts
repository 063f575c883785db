/**
 * 推送行政处罚信息 (市场监督管理行政处罚信息公示规定 第十条: 当事人登记地（住所地）不在同一省、自治区、直辖市的，"自作出行政处罚
 * 决定之日起十个工作日内通过本省、自治区、直辖市市场监督管理部门将行政处罚信息推送至当事人登记地（住所地）市场监督管理部门"):
 * records the push and meets the deadline that the publicity module opened on the case when the decision was published.
 */
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { assertCaseOpenFor } from '../measures.ts';
import type { TPublicityPushRequest } from '../schema.ts';
import { actOnCase } from './act-on-case.ts';
import { closeDeadlines } from '../../../platform/workflow/deadlines.ts';

export async function recordPublicityPush(ctx: AppContext, p: Principal, caseId: string, input: TPublicityPushRequest) {
  return actOnCase(ctx, p, caseId, { act: 'recordPublicityPush', event: 'case.publicityPushed' }, async (tx, c, m) => {
    assertCaseOpenFor(ctx, m, 'recordPublicityPush');
    const due = (
      await tx.query<{ id: string }>(`select id from matter_deadlines where matter_id = $1 and rule_id = 'publicity.push' and status = 'open'`, [caseId])
    ).rows[0];
    if (!due) throw new AppError('PUSH_NOT_REQUIRED', '本案没有待推送的行政处罚信息（当事人登记地在本省，或已推送）');
    if (c.decision && input.pushedOn < c.decision.decidedOn)
      throw new AppError('PERIOD_INVALID', `推送日期不能早于作出行政处罚决定之日（${c.decision.decidedOn}）`);
    await closeDeadlines(tx, caseId, ['publicity.push'], 'met', 'recordPublicityPush');
    const push = { pushedOn: input.pushedOn, via: input.via, recipient: input.recipient, note: input.note ?? null };
    await tx.query('update cases set publicity_push = $2::jsonb, updated_at = now() where id = $1', [caseId, JSON.stringify(push)]);
    return push;
  });
}
