/** 随机抽查事项清单: add or amend an item (a new version each time, full content in the record; basis in `citations`). */
import { randomUUID } from 'node:crypto';
import { inTransaction, actorOf, type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { setCitations } from '../../laws/index.ts';
import type { TItemInput } from '../schema.ts';
import { mayManageBody } from '../access.ts';

export async function saveItem(ctx: AppContext, p: Principal, input: TItemInput, itemId?: string): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    await mayManageBody(tx, p, input.bodyId);
    let version = 1;
    const id = itemId ?? randomUUID();
    if (itemId) {
      const cur = (await tx.query<{ bodyId: string; version: number }>('select body_id as "bodyId", version from inspection_items where id = $1', [itemId]))
        .rows[0];
      if (!cur || cur.bodyId !== input.bodyId) throw notFound('抽查事项');
      version = cur.version + 1;
    } else if ((await tx.query('select 1 from inspection_items where body_id = $1 and code = $2', [input.bodyId, input.code])).rows.length) {
      throw new AppError('ITEM_CODE_TAKEN', `事项编码“${input.code}”已被本机关的其他抽查事项使用`);
    }
    if (input.powerItemId) {
      const pi = (await tx.query<{ bodyId: string }>('select body_id as "bodyId" from power_items where id = $1', [input.powerItemId])).rows[0];
      if (!pi || pi.bodyId !== input.bodyId) throw new AppError('POWER_ITEM_INVALID', '关联的权责事项不存在或不属于本机关');
    }
    const cols = [
      input.bodyId,
      input.code,
      input.name,
      input.powerItemId ?? null,
      input.subjectType,
      input.content,
      input.method,
      input.field,
      input.ratioNote ?? null,
      input.frequency ?? null,
      version,
      input.published ?? true,
    ];
    if (itemId) {
      await tx.query(
        `update inspection_items set code = $3, name = $4, power_item_id = $5, subject_type = $6, content = $7, method = $8, field = $9, ratio_note = $10, frequency = $11,
           version = $12, published = $13, updated_at = now() where id = $1 and body_id = $2`,
        [id, ...cols],
      );
    } else {
      await tx.query(
        `insert into inspection_items (id, body_id, code, name, power_item_id, subject_type, content, method, field, ratio_note, frequency, version, published)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [id, ...cols],
      );
    }
    await setCitations(
      tx,
      'inspectionItem',
      id,
      input.basis.map((articleId) => ({ articleId, role: 'basis' as const })),
    );
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: input.bodyId,
      matterType: 'inspectionItem',
      matterId: id,
      eventType: 'inspectionItem.saved',
      payload: {
        itemId: id,
        bodyId: input.bodyId,
        code: input.code,
        version,
        name: input.name,
        powerItemId: input.powerItemId ?? null,
        subjectType: input.subjectType,
        content: input.content,
        method: input.method,
        field: input.field,
        ratioNote: input.ratioNote ?? null,
        frequency: input.frequency ?? null,
        basis: input.basis,
        published: input.published ?? true,
      },
    });
    return id;
  });
}
