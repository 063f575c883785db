/** 重大执法决定法制审核目录清单: an org adopts, from a date, the criteria that make its decisions major. */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf, inTransaction } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { orgPolicy, type Principal } from '../../../platform/policies.ts';
import { addDays } from '../../../domain/dates.ts';

export async function setMajorCatalogue(
  ctx: AppContext,
  p: Principal,
  orgId: string,
  input: { validFrom: string; criteria: string[]; documentNumber?: string | null; note?: string | null },
) {
  const abilities = orgPolicy(p, { id: orgId });
  if (!abilities.read) throw notFound('机构');
  if (!abilities.setMajorCatalogue) throw forbidden('只有系统管理员或法制审核人员可以调整重大执法决定目录');
  return inTransaction(ctx, async (tx) => {
    const org = (await tx.query<{ isBody: boolean }>('select is_enforcement_body as "isBody" from orgs where id = $1', [orgId])).rows[0];
    if (!org?.isBody) throw new AppError('NOT_ENFORCEMENT_BODY', '重大执法决定目录由行政执法主体制定');
    const later = (await tx.query('select 1 from major_decision_catalogues where org_id = $1 and valid_from >= $2', [orgId, input.validFrom])).rows.length;
    if (later) throw new AppError('CATALOGUE_OVERLAP', `已有自 ${input.validFrom} 或之后施行的目录，不能插入更早的版本`);
    const id = randomUUID();
    await tx.query(`update major_decision_catalogues set valid_to = $2 where org_id = $1 and valid_to is null`, [orgId, addDays(input.validFrom, -1)]);
    await tx.query('insert into major_decision_catalogues (id, org_id, valid_from, criteria, document_number, note) values ($1,$2,$3,$4,$5,$6)', [
      id,
      orgId,
      input.validFrom,
      [...new Set(input.criteria)],
      input.documentNumber ?? null,
      input.note ?? null,
    ]);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId,
      matterType: 'majorCatalogue',
      matterId: orgId,
      eventType: 'majorCatalogue.adopted',
      payload: { catalogueId: id, orgId, validFrom: input.validFrom, criteria: [...new Set(input.criteria)], documentNumber: input.documentNumber ?? null },
    });
    return id;
  });
}
