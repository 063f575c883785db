/** 导出权责清单: the list as of a date, in the import layout (an export imports back unchanged). */
import { chinaToday } from '../../domain/dates.ts';
import type { PowerSheetCells } from '../../domain/powerSheet.ts';
import { formatListCell, formatStepsCell, powerCategoryLabels } from '../../domain/powers.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import { basisCellWriter } from './basis.ts';
import { contentOf, readableBodies, versionsInEffect, type VersionRow } from './queries.ts';
import { writePowerWorkbook } from './xlsx.ts';

export interface ExportResult {
  file: Buffer;
  fileName: string;
  items: number;
}

/** Rows in list order, each sub-item right after its parent. */
function treeOrder(rows: VersionRow[]): VersionRow[] {
  const subs = new Map<string, VersionRow[]>();
  for (const r of rows) if (r.parentId) subs.set(r.parentId, [...(subs.get(r.parentId) ?? []), r]);
  const present = new Set(rows.map((r) => r.itemId));
  const out: VersionRow[] = [];
  for (const r of rows) {
    if (r.parentId && present.has(r.parentId)) continue;
    out.push(r, ...(subs.get(r.itemId) ?? []));
  }
  return out;
}

export async function exportPowerList(q: Queryable, p: Principal | null, f: { asOf?: string; bodyId?: string }): Promise<ExportResult> {
  const asOf = f.asOf ?? chinaToday();
  const bodyIds = p ? (await readableBodies(q, p)).ids : (await q.query<{ id: string }>('select id from orgs where is_enforcement_body')).rows.map((r) => r.id);
  const rows = treeOrder(await versionsInEffect(q, bodyIds, { asOf, bodyId: f.bodyId }));
  const basisCell = await basisCellWriter(
    q,
    rows.flatMap((r) => JSON.parse(r.basis) as string[]),
  );
  const nameOf = new Map(rows.map((r) => [r.itemId, r.name]));

  let main = 0;
  let sub = 0;
  const cells: PowerSheetCells[] = rows.map((r) => {
    const c = contentOf(r);
    const isSub = !!r.parentId;
    if (isSub) sub++;
    else {
      main++;
      sub = 0;
    }
    return {
      seq: isSub ? `${main}.${sub}` : String(main),
      code: r.code,
      name: isSub ? (nameOf.get(r.parentId!) ?? '') : c.name,
      subName: isSub ? c.name : undefined,
      category: powerCategoryLabels[c.category],
      body: r.bodyName,
      unit: r.unitName,
      basis: basisCell(c.basis),
      responsibilities: formatListCell(c.responsibilities),
      accountability: formatListCell(c.accountability),
      timeLimit: c.timeLimit ?? undefined,
      fee: c.fee ?? undefined,
      phone: c.phone ?? undefined,
      remarks: c.remarks ?? undefined,
      steps: c.steps.length ? formatStepsCell(c.steps) : undefined,
      materials: c.materials.length ? formatListCell(c.materials) : undefined,
      office: c.office ?? undefined,
    };
  });
  const bodies = [...new Set(rows.map((r) => r.bodyName))];
  const who = bodies.length === 1 ? bodies[0] : '';
  const title = `${who}权责清单（截至 ${asOf}）`;
  return { file: await writePowerWorkbook(title, cells), fileName: `${who || '权责清单'}-权责清单-${asOf}.xlsx`, items: rows.length };
}
