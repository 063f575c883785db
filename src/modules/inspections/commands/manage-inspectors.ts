/** 执法检查人员名录库: availability of an inspector, and declared relations that require recusal (回避). */
import { randomUUID } from 'node:crypto';
import { usccProblem } from '../../../domain/codes.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { officerPolicy, type Principal } from '../../../platform/policies.ts';
import type { TAvailabilityInput, TRelationInput } from '../schema.ts';

async function officerOrg(q: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0], p: Principal, officerId: string): Promise<string> {
  const o = (await q.query<{ orgId: string }>('select org_id as "orgId" from officers where id = $1', [officerId])).rows[0];
  const abilities = o && officerPolicy(p, o);
  if (!o || !abilities?.read) throw notFound('执法人员');
  if (!abilities.manageInspector) throw forbidden();
  return o.orgId;
}

export async function setAvailability(ctx: AppContext, p: Principal, officerId: string, input: TAvailabilityInput): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const orgId = await officerOrg(tx, p, officerId);
    const reason = input.available ? null : input.reason?.trim() || null;
    if (!input.available && !reason) throw new AppError('REASON_REQUIRED', '设为不可选派时须写明原因（如请假、借调）');
    await tx.query(
      `insert into inspector_availability (officer_id, available, reason) values ($1,$2,$3)
       on conflict (officer_id) do update set available = excluded.available, reason = excluded.reason, updated_at = now()`,
      [officerId, input.available, reason],
    );
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId,
      matterType: 'officer',
      matterId: officerId,
      eventType: 'inspector.availabilityChanged',
      payload: { officerId, available: input.available, reason },
    });
  });
}

export async function declareRelation(ctx: AppContext, p: Principal, officerId: string, input: TRelationInput): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const orgId = await officerOrg(tx, p, officerId);
    const uscc = input.uscc?.trim().toUpperCase() || null;
    const address = input.address?.trim() || null;
    const usccWrong = uscc && usccProblem(uscc);
    if (usccWrong) throw new AppError('USCC_INVALID', `${usccWrong}：“${uscc}”（GB 32100-2015）`);
    if (input.kind === 'sameAddress' ? !address : !uscc)
      throw new AppError('RELATION_INCOMPLETE', input.kind === 'sameAddress' ? '住址相同的回避关系须填写住址' : '回避关系须填写相关市场主体的统一社会信用代码');
    const id = randomUUID();
    await tx.query('insert into inspector_relations (id, officer_id, kind, uscc, address, note, declared_on) values ($1,$2,$3,$4,$5,$6,$7)', [
      id,
      officerId,
      input.kind,
      uscc,
      address,
      input.note,
      input.declaredOn,
    ]);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId,
      matterType: 'officer',
      matterId: officerId,
      eventType: 'inspector.relationDeclared',
      payload: { officerId, relationId: id, kind: input.kind, uscc, address, note: input.note, declaredOn: input.declaredOn },
    });
    return id;
  });
}
