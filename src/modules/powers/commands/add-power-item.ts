import type { PowerContent } from '../../../domain/powers.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { powerListPolicy, requireRole, type Principal } from '../../../platform/policies.ts';
import type { TAddPowerItemRequest, TPowerContentInput } from '../schema.ts';
import { writeAdd } from './write-change.ts';

/** A request's content as a version's content: absent lists are empty, absent texts null. */
export function toContent(i: TPowerContentInput): PowerContent {
  return {
    name: i.name,
    category: i.category,
    unitId: i.unitId,
    basis: [...new Set(i.basis)],
    responsibilities: i.responsibilities,
    accountability: i.accountability,
    steps: (i.steps ?? []).map((s) => ({ name: s.name, timeLimit: s.timeLimit ?? null })),
    materials: i.materials ?? [],
    timeLimit: i.timeLimit || null,
    fee: i.fee || null,
    office: i.office || null,
    phone: i.phone || null,
    remarks: i.remarks || null,
  };
}

/** 新增权责事项 (admin or legal reviewer of the body), approved by one of its leaders. */
export async function addPowerItem(ctx: AppContext, p: Principal, input: TAddPowerItemRequest): Promise<string> {
  requireRole(p, 'admin', 'legalReviewer');
  if (!powerListPolicy(p, { id: input.bodyId }).add) throw new AppError('BODY_NOT_FOUND', '实施主体不存在或不在您的管辖范围内');
  return inTransaction(ctx, async (tx) => {
    const r = await writeAdd(
      tx,
      ctx,
      { bodyId: input.bodyId, code: input.code, parentId: input.parentId ?? null, content: toContent(input.item) },
      {
        actor: actorOf(p),
        change: input.change,
      },
    );
    return r.itemId;
  });
}
