/**
 * 告知实名举报人是否立案 (市场监督管理投诉举报处理暂行办法 第三十一条第二款: "举报人实名举报的，有处理权限的市场监督管理部门
 * 还应当自作出是否立案决定之日起五个工作日内告知举报人"): records the notice and meets the deadline the filing decision
 * (批准立案 or 不予立案) opened. Allowed after 不予立案 too — that decision is told as well.
 */
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { closeDeadlines } from '../../../platform/workflow/deadlines.ts';
import { assertCaseOpenFor, reporterOf } from '../measures.ts';
import type { TReporterNoticeRequest } from '../schema.ts';
import { actOnCase } from './act-on-case.ts';

export async function notifyReporter(ctx: AppContext, p: Principal, caseId: string, input: TReporterNoticeRequest) {
  return actOnCase(ctx, p, caseId, { act: 'notifyReporter', event: 'case.reporterNotified' }, async (tx, c, m) => {
    assertCaseOpenFor(ctx, m, 'notifyReporter');
    if (!(await reporterOf(tx, caseId))) throw new AppError('REPORTER_NOTICE_NOT_DUE', '本案不是实名举报的线索，没有须告知的举报人');
    const decided = m.state === 'notFiled' ? 'notFiled' : c.filedOn ? 'filed' : null;
    if (!decided) throw new AppError('REPORTER_NOTICE_NOT_DUE', '尚未作出是否立案的决定，无可告知（投诉举报处理暂行办法 第三十一条）');
    const decisionOn = decided === 'filed' ? c.filedOn! : c.closedOn;
    if (decisionOn && input.notifiedOn < decisionOn) throw new AppError('PERIOD_INVALID', `告知日期不能早于作出是否立案决定之日（${decisionOn}）`);
    await closeDeadlines(tx, caseId, ['report.filingNotice'], 'met', 'notifyReporter');
    await tx.query('update cases set reporter_notices = reporter_notices || $2::jsonb, updated_at = now() where id = $1', [
      caseId,
      JSON.stringify([{ notifiedOn: input.notifiedOn, method: input.method, decision: decided, note: input.note ?? null, by: p.userId }]),
    ]);
    return { notifiedOn: input.notifiedOn, method: input.method, decision: decided, note: input.note ?? null };
  });
}
