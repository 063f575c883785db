/**
 * 年度报告 (the module's entry): the 法治政府建设年度报告, the 行政执法数据年度公开 and the 政府信息公开工作年度报告 of a
 * body and a year, generated from kept figure sets, edited as versioned drafts, approved and published on the portal.
 * The layouts' figure ids are checked against the registry when the routes are registered (start-up).
 */
import { layoutProblems, reportLayouts } from '../../domain/annualReports/layouts.ts';
import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/modules.ts';
import { reportVisible, resolveReportMatter } from './access.ts';
import { catalogueView } from './content.ts';
import { registerAnnualReportRoutes } from './routes.ts';
import { annualReportWorkflowV1 } from './workflow.ts';

export const annualReportsModule = defineModule({
  name: 'annualReports',
  label: '年度报告',
  workflows: [annualReportWorkflowV1],
  visibility: { annualReport: reportVisible },
  matterResolvers: { annualReport: resolveReportMatter },
  routes: (app: App, ctx: AppContext) => {
    const problems = Object.values(reportLayouts).flatMap((l) => layoutProblems(l, catalogueView(ctx.registry)));
    if (problems.length) throw new Error(`annual report layouts name figures the catalogue does not have:\n${problems.join('\n')}`);
    registerAnnualReportRoutes(app, ctx);
  },
});
