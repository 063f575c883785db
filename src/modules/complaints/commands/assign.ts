/**
 * 分送 (第三十七条第一款 "及时将投诉举报分送有处理权限的下级市场监督管理部门或者同级市场监督管理部门相关机构处理"): the
 * bureau's intake moves a complaint or report to a unit in its subtree (a station), which then handles it.
 */
import { actorOf, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { actOnComplaint } from './act.ts';

export async function assignComplaint(ctx: AppContext, p: Principal, id: string, input: { orgId: string; note?: string | null }) {
  return actOnComplaint(ctx, p, id, async (tx, c) => {
    if (!p.scope.has(input.orgId)) throw new AppError('VALIDATION_FAILED', '只能分送至本单位及下级机构');
    if (input.orgId === c.orgId) throw new AppError('VALIDATION_FAILED', '已由该机构承办');
    if (c.state !== 'received') throw new AppError('TRANSITION_NOT_ALLOWED', '已作出处理决定的投诉举报不能再分送');
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: input.orgId,
      matterType: c.kind,
      matterId: c.id,
      eventType: 'complaint.assigned',
      payload: { complaintId: c.id, from: c.orgId, to: input.orgId, note: input.note ?? null },
    });
    await tx.query('update matters set org_id = $2, version = version + 1, updated_at = now() where id = $1', [c.id, input.orgId]);
    await tx.query('update complaints set org_id = $2 where id = $1', [c.id, input.orgId]);
  });
}
