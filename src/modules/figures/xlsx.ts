/**
 * The figures as a workbook (.xlsx): 指标一览 (every figure, this period and last year's), 分组 (each figure by each
 * of its dimensions) and 指标说明 (definitions and sources) — what a bureau pastes into its report tables.
 */
import ExcelJS from 'exceljs';
import type { Queryable } from '../../platform/db/index.ts';
import { computeFigureBy, groupKeys, isOrgKey, orgKeys, type FigureScope } from '../../platform/figures/compute.ts';
import type { Registry } from '../../platform/modules.ts';
import { figureOverview, labelOf } from './queries.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A number as the sheet holds it: 元 for money, % for a share, else as it is. */
const cell = (v: number | null, unit: string) => (v === null ? '' : unit === 'fen' ? v / 100 : unit === 'percent' ? Math.round(v * 10000) / 100 : v);
const unitText = (unit: string, label: string) => (unit === 'percent' ? '%' : label);

export async function figuresWorkbook(q: Queryable, reg: Registry, scope: FigureScope, orgName: string): Promise<Buffer> {
  const o = await figureOverview(q, reg, scope);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标一览');
  ws.addRow([`${orgName} 统计指标（${o.from} 至 ${o.to}，上年同期 ${o.previousFrom} 至 ${o.previousTo}）`]);
  ws.addRow(['模块', '指标编号', '指标', '单位', '本期', '上年同期', '记录条数']);
  for (const i of o.items)
    ws.addRow([i.moduleLabel, i.id, i.label, unitText(i.unit, i.unitLabel), cell(i.value, i.unit), cell(i.previousValue, i.unit), i.records]);
  ws.columns.forEach((c, n) => {
    c.width = [14, 28, 36, 8, 16, 16, 10][n];
  });
  const gs = wb.addWorksheet('分组');
  gs.addRow(['指标编号', '指标', '维度', '分组', '本期', '记录条数']);
  const orgs = new Map(
    (
      await q.query<{ id: string; name: string }>(
        'select id, name from orgs where id = any($1) or id in (select body_id from org_enforcement_bodies where org_id = any($1))',
        [scope.orgIds],
      )
    ).rows.map((r) => [r.id, r.name]),
  );
  for (const { figure: f } of reg.figures)
    for (const k of groupKeys(f))
      for (const g of await computeFigureBy(q, f, scope, k))
        gs.addRow([f.id, f.label, isOrgKey(k) ? orgKeys[k] : f.dimensions![k].label, labelOf(f, k, g.key, orgs), cell(g.value, f.unit), g.records]);
  gs.columns.forEach((c, n) => {
    c.width = [28, 36, 12, 24, 16, 10][n];
  });
  const ds = wb.addWorksheet('指标说明');
  ds.addRow(['指标编号', '指标', '定义', '出处']);
  for (const { figure: f } of reg.figures) ds.addRow([f.id, f.label, f.definition, f.sources.map((s) => `${s.ref}：${s.quote}`).join('\n')]);
  ds.columns.forEach((c, n) => {
    c.width = [28, 36, 60, 60][n];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
