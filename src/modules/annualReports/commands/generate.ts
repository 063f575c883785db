/**
 * 生成年度报告: the figure sets of the body for the year and for the year before are computed and kept (each with the
 * record's tree head), the layout is filled from them, and the report is a new `annualReport` matter of the body in
 * 草稿 with its first version; the publication deadline of its kind opens from the year's last day.
 */
import { randomUUID } from 'node:crypto';
import { reportKinds, reportLayouts, type ReportKind } from '../../../domain/annualReports/layouts.ts';
import { chinaToday } from '../../../domain/dates.ts';
import type { DeadlineRuleId } from '../../../domain/deadlines/rules.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { orgSubtree } from '../../../platform/orgs.ts';
import type { Principal } from '../../../platform/policies.ts';
import { openDeadline } from '../../../platform/workflow/deadlines.ts';
import { createMatter } from '../../../platform/workflow/engine.ts';
import { computeFigureSet, figureSetValues } from '../../figures/index.ts';
import { reportAbilities } from '../access.ts';
import { buildContent } from '../content.ts';
import { ANNUAL_REPORT } from '../store.ts';

export interface GenerateInput {
  bodyId: string;
  year: number;
  kind: ReportKind;
}

export async function generateReport(ctx: AppContext, p: Principal, input: GenerateInput): Promise<string> {
  const { db } = ctx;
  const body = (
    await db.query<{ name: string; enforcement: boolean }>('select name, is_enforcement_body as enforcement from orgs where id = $1', [input.bodyId])
  ).rows[0];
  if (!body) throw notFound('机关');
  const a = await reportAbilities(db, p, input.bodyId);
  if (!a.read) throw notFound('机关');
  if (!body.enforcement) throw new AppError('ANNUAL_REPORT_BODY_INVALID', `“${body.name}”不是行政机关（执法主体），年度报告以机关名义制作`);
  if (!a.write) throw forbidden('只有本机关的法制机构、负责人和管理员可以生成年度报告');
  const thisYear = Number(chinaToday().slice(0, 4));
  if (input.year > thisYear) throw new AppError('ANNUAL_REPORT_YEAR_INVALID', `${input.year}年尚未开始，不能生成该年度的报告`);
  const exists = await db.query('select 1 from annual_reports where body_id = $1 and year = $2 and kind = $3', [input.bodyId, input.year, input.kind]);
  if (exists.rows.length) throw new AppError('ANNUAL_REPORT_EXISTS', `${body.name}${input.year}年度的${reportKinds[input.kind]}已经生成，请在原报告上修改`);

  // the numbers: one kept set for the year, one for the year before (同比), both against the record as it is now
  const orgIds = await orgSubtree(db, input.bodyId);
  const period = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });
  const setId = await computeFigureSet(ctx, p, { rootId: input.bodyId, scope: { orgIds, ...period(input.year) } });
  const previousSetId = await computeFigureSet(ctx, p, { rootId: input.bodyId, scope: { orgIds, ...period(input.year - 1) } });
  const cur = (await figureSetValues(db, setId))!.values;
  const prev = (await figureSetValues(db, previousSetId))!.values;
  const layout = reportLayouts[input.kind];
  const content = await buildContent(db, ctx.registry, layout, { orgIds, ...period(input.year) }, cur, prev);
  const title = `${body.name}${input.year}年度${reportKinds[input.kind]}`;

  return inTransaction(ctx, async (tx) => {
    const again = await tx.query('select 1 from annual_reports where body_id = $1 and year = $2 and kind = $3', [input.bodyId, input.year, input.kind]);
    if (again.rows.length) throw new AppError('ANNUAL_REPORT_EXISTS', `${body.name}${input.year}年度的${reportKinds[input.kind]}已经生成`);
    const id = randomUUID();
    await createMatter(tx, ctx, actorOf(p), { type: ANNUAL_REPORT, orgId: input.bodyId, title, id });
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: input.bodyId,
      matterType: ANNUAL_REPORT,
      matterId: id,
      eventType: 'annualReport.generated',
      payload: { reportId: id, bodyId: input.bodyId, year: input.year, kind: input.kind, title, figureSetId: setId, previousSetId },
    });
    await tx.query(
      `insert into annual_reports (id, body_id, year, kind, title, figure_set_id, previous_set_id, content, version_no)
       values ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,1)`,
      [id, input.bodyId, input.year, input.kind, title, setId, previousSetId, JSON.stringify(content)],
    );
    await tx.query(`insert into annual_report_versions (report_id, version_no, paragraph_id, content, edited_by) values ($1, 1, null, $2::jsonb, $3)`, [
      id,
      JSON.stringify(content),
      p.displayName,
    ]);
    await openDeadline(tx, { id, type: ANNUAL_REPORT }, layout.dueRule as DeadlineRuleId, `${input.year}-12-31`, 'generate');
    return id;
  });
}
