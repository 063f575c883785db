/**
 * 启动决策程序 (第十条、第十一条): the body decides to start the procedure of an item of its published catalogue and names
 * the 决策承办单位, which drafts (第十二条). Opens the decision's matter in the undertaking unit.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { createMatter, findMatter } from '../../../platform/workflow/engine.ts';
import { catalogueAbilities } from '../access.ts';
import { checkUnits } from '../catalogueItems.ts';
import type { ZInitiate } from '../schema.ts';
import { findCatalogue, findCatalogueItem } from '../store.ts';
import { MAJOR_DECISION } from '../types.ts';

export async function initiateDecision(ctx: AppContext, p: Principal, input: z.output<typeof ZInitiate>, date: string): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const item = await findCatalogueItem(tx, input.catalogueItemId);
    const c = item && (await findCatalogue(tx, item.catalogueId));
    if (!item || !c) throw notFound('目录事项');
    const a = await catalogueAbilities(tx, p, c);
    if (!a.read) throw notFound('目录事项');
    // 第十条、第十一条: the decision body decides to start the procedure — its leaders (and its admins who record it)
    if (!a.manage) throw forbidden('只有决策机关的局领导或者系统管理员可以决定启动决策程序');
    const m = await findMatter(tx, c.id);
    if (m?.state !== 'published') throw new AppError('DECISION_CATALOGUE_NOT_PUBLISHED', '决策事项目录尚未向社会公布，不能启动其中的决策事项');
    if (item.status !== 'listed') throw new AppError('DECISION_ITEM_TAKEN', '该事项已从目录中移除');
    const taken = await tx.query('select 1 from major_decisions where catalogue_item_id = $1', [item.id]);
    if (taken.rows.length) throw new AppError('DECISION_ITEM_TAKEN', '该目录事项已启动决策程序');
    const unitId = input.unitId ?? item.unitId;
    await checkUnits(tx, c.bodyId, [unitId]);
    const id = randomUUID();
    const title = input.title ?? item.title;
    await createMatter(tx, ctx, actorOf(p), { type: MAJOR_DECISION, orgId: unitId, title, id });
    await tx.query(
      `insert into major_decisions (id, body_id, unit_id, catalogue_item_id, year, title, draft, reasons, market_activity)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [id, c.bodyId, unitId, item.id, c.year, title, input.draft, input.reasons, input.marketActivity],
    );
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: unitId,
      matterType: MAJOR_DECISION,
      matterId: id,
      eventType: 'majorDecision.initiated',
      payload: {
        decisionId: id,
        bodyId: c.bodyId,
        unitId,
        catalogueId: c.id,
        catalogueItemId: item.id,
        year: c.year,
        title,
        draft: input.draft,
        reasons: input.reasons,
        marketActivity: input.marketActivity,
        initiatedOn: date,
      },
    });
    return id;
  });
}
