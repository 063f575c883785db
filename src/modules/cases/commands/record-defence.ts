/** 陈述申辩 (行政处罚法 第四十五条: heard, reviewed, never a reason for a heavier penalty) and a written waiver of the rights. */
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { patchCase } from '../store.ts';
import { actOnCase } from './act-on-case.ts';

export async function recordStatement(
  ctx: AppContext,
  p: Principal,
  caseId: string,
  input: { receivedOn: string; text: string; adopted: boolean; reply: string },
) {
  return actOnCase(ctx, p, caseId, { act: 'recordStatement', event: 'case.statementRecorded' }, async (tx, c) => {
    if (c.notice && input.receivedOn < c.notice.servedOn) throw new AppError('STATEMENT_BEFORE_NOTICE', '陈述申辩日期不能早于告知书送达日期');
    await patchCase(tx, caseId, { statement: input });
    return { ...input };
  });
}

export async function recordWaiver(
  ctx: AppContext,
  p: Principal,
  caseId: string,
  input: { statement: boolean; hearing: boolean; signedOn: string; note: string },
) {
  return actOnCase(ctx, p, caseId, { act: 'recordWaiver', event: 'case.rightsWaived' }, async (tx, c) => {
    if (input.hearing && !c.hearingEligible) throw new AppError('HEARING_NOT_ELIGIBLE', '本案未告知听证权利，无需放弃');
    if (c.notice && input.signedOn < c.notice.servedOn) throw new AppError('WAIVER_BEFORE_NOTICE', '放弃权利的日期不能早于告知书送达日期');
    const waivers = {
      ...c.waivers,
      ...(input.statement ? { statement: input.signedOn } : {}),
      ...(input.hearing ? { hearing: input.signedOn } : {}),
      note: input.note,
    };
    await patchCase(tx, caseId, { waivers });
    return { ...input };
  });
}
