/** 拟定决策事项目录 (第三条第三款): a body's catalogue for a year, with its items; opens the catalogue's matter. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { createMatter } from '../../../platform/workflow/engine.ts';
import { catalogueAbilities } from '../access.ts';
import { insertItems } from '../catalogueItems.ts';
import type { ZCatalogueCreate } from '../schema.ts';
import { catalogueItems } from '../store.ts';
import { DECISION_CATALOGUE } from '../types.ts';

export async function createCatalogue(ctx: AppContext, p: Principal, input: z.output<typeof ZCatalogueCreate>): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const body = (await tx.query<{ isBody: boolean }>('select is_enforcement_body as "isBody" from orgs where id = $1', [input.bodyId])).rows[0];
    const a = await catalogueAbilities(tx, p, { bodyId: input.bodyId });
    if (!body || !a.read) throw notFound('决策机关');
    if (!a.manage) throw forbidden();
    if (!body.isBody) throw new AppError('NOT_ENFORCEMENT_BODY', '决策事项目录由决策机关（局）确定，请选择本局');
    const exists = await tx.query('select 1 from decision_catalogues where body_id = $1 and year = $2', [input.bodyId, input.year]);
    if (exists.rows.length) throw new AppError('DECISION_CATALOGUE_EXISTS', `该决策机关 ${input.year} 年已有重大行政决策事项目录，请在原目录上修改或者调整`);
    const id = randomUUID();
    await createMatter(tx, ctx, actorOf(p), { type: DECISION_CATALOGUE, orgId: input.bodyId, title: input.title, id });
    await tx.query('insert into decision_catalogues (id, body_id, year, title, standard) values ($1,$2,$3,$4,$5)', [
      id,
      input.bodyId,
      input.year,
      input.title,
      input.standard,
    ]);
    await insertItems(tx, id, input.bodyId, input.items, null);
    const items = await catalogueItems(tx, id);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: input.bodyId,
      matterType: DECISION_CATALOGUE,
      matterId: id,
      eventType: 'decisionCatalogue.drafted',
      payload: {
        catalogueId: id,
        bodyId: input.bodyId,
        year: input.year,
        title: input.title,
        standard: input.standard,
        items: items.map((i) => ({ itemId: i.id, seq: i.seq, title: i.title, category: i.category, unitId: i.unitId, planned: i.planned, note: i.note })),
      },
    });
    return id;
  });
}
