/**
 * 调整目录 (第三条第三款 "并根据实际情况调整"): items added or removed after publication, each adjustment with its
 * reason and date, recorded and shown on the portal beside the catalogue.
 */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { publishedCatalogue } from '../catalogueContent.ts';
import { insertItems } from '../catalogueItems.ts';
import { findCatalogue } from '../store.ts';
import { catalogueInputs } from './inputs.ts';

interface Facts {
  /** the listed items of the catalogue */
  listed: string[];
  /** items with a decision started */
  started: string[];
}

export const adjustCatalogue = defineTransition({
  label: '调整目录',
  from: ['published'],
  to: 'published',
  roles: ['admin', 'leader'],
  optional: true,
  input: catalogueInputs.adjustCatalogue,
  load: async ({ tx, matter }): Promise<Facts> => ({
    listed: (await tx.query<{ id: string }>(`select id from decision_catalogue_items where catalogue_id = $1 and status = 'listed'`, [matter.id])).rows.map(
      (r) => r.id,
    ),
    started: (
      await tx.query<{ id: string }>(
        'select i.id from decision_catalogue_items i join major_decisions d on d.catalogue_item_id = i.id where i.catalogue_id = $1',
        [matter.id],
      )
    ).rows.map((r) => r.id),
  }),
  guards: [
    ({ input, facts }) => {
      const out: Problem[] = [];
      if (input.add.length === 0 && input.removeItemIds.length === 0) out.push({ code: 'VALIDATION_FAILED', message: '调整目录须增加或者移除至少一个事项' });
      const unknown = input.removeItemIds.filter((id) => !facts.listed.includes(id));
      if (unknown.length) out.push({ code: 'VALIDATION_FAILED', message: `目录中没有这些在列事项：${unknown.join('、')}` });
      const started = input.removeItemIds.filter((id) => facts.started.includes(id));
      if (started.length) out.push({ code: 'DECISION_ITEM_IN_USE', message: '该目录事项已启动决策程序，不能从目录中移除' });
      return out;
    },
  ],
  effect: async ({ tx, matter, input }) => {
    const c = (await findCatalogue(tx, matter.id))!;
    const added = await insertItems(tx, c.id, c.bodyId, input.add, { kind: 'added', reason: input.reason, on: input.adjustedOn });
    for (const id of input.removeItemIds)
      await tx.query(`update decision_catalogue_items set status = 'removed', adjustment = $2 where id = $1`, [
        id,
        JSON.stringify({ kind: 'removed', reason: input.reason, on: input.adjustedOn }),
      ]);
    const adjustments = [
      ...(c.published?.adjustments ?? []),
      ...(
        await tx.query<{ seq: number; title: string; status: string }>(
          `select seq, title, status from decision_catalogue_items where id = any($1) order by seq`,
          [[...added.map((a) => a.id), ...input.removeItemIds]],
        )
      ).rows.map((r) => ({
        on: input.adjustedOn,
        kind: r.status === 'removed' ? ('removed' as const) : ('added' as const),
        seq: r.seq,
        title: r.title,
        reason: input.reason,
      })),
    ];
    const content = await publishedCatalogue(tx, c.id, c.publishedOn!, adjustments);
    await tx.query('update decision_catalogues set published = $2 where id = $1', [c.id, JSON.stringify(content)]);
    return { addedItemIds: added.map((a) => a.id) };
  },
});
