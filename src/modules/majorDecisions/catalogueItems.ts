/** Writing the items of a catalogue (the caller appends the record entry of the same matter in its transaction). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { orgSubtree } from '../../platform/orgs.ts';
import type { ZCatalogueItem } from './transitions/inputs.ts';

export type CatalogueItemInput = z.output<typeof ZCatalogueItem>;

/** 第十一条 the 决策承办单位: the body itself or an org below it. */
export async function checkUnits(q: Queryable, bodyId: string, unitIds: readonly string[]): Promise<void> {
  const below = new Set(await orgSubtree(q, bodyId));
  const bad = [...new Set(unitIds)].filter((u) => !below.has(u));
  if (bad.length) throw new AppError('DECISION_UNIT_INVALID', `承办单位须是决策机关本身或者其内设机构、下属单位：${bad.join('、')}`);
}

/** Inserts items after the catalogue's last number; returns their ids with their numbers. */
export async function insertItems(
  q: Queryable,
  catalogueId: string,
  bodyId: string,
  items: readonly CatalogueItemInput[],
  adjustment: { kind: 'added'; reason: string; on: string } | null,
): Promise<{ id: string; seq: number }[]> {
  await checkUnits(
    q,
    bodyId,
    items.map((i) => i.unitId),
  );
  const last = (await q.query<{ n: number }>('select coalesce(max(seq), 0)::int as n from decision_catalogue_items where catalogue_id = $1', [catalogueId]))
    .rows[0].n;
  const out: { id: string; seq: number }[] = [];
  for (const [i, it] of items.entries()) {
    const id = randomUUID();
    const seq = last + i + 1;
    await q.query(
      `insert into decision_catalogue_items (id, catalogue_id, seq, title, category, unit_id, planned, note, adjustment)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [id, catalogueId, seq, it.title, it.category, it.unitId, it.planned, it.note, adjustment ? JSON.stringify(adjustment) : null],
    );
    out.push({ id, seq });
  }
  return out;
}
