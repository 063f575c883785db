/** 提交审核: the draft goes to the leader; the sections the layout requires (存在的问题和下一步工作 …) must have text. */
import { reportLayouts } from '../../../domain/annualReports/layouts.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { missingSections } from '../content.ts';
import { reportInputs } from './inputs.ts';
import { loadReport } from './shared.ts';

export const submit = defineTransition({
  label: '提交审核',
  from: ['draft'],
  to: 'submitted',
  roles: ['legalReviewer', 'leader', 'admin'],
  input: reportInputs.submit,
  load: (g) => loadReport(g.tx, g.matter.id),
  guards: [
    ({ facts }) => {
      const missing = missingSections(reportLayouts[facts.report.kind], facts.report.content);
      return missing.length ? [{ code: 'ANNUAL_REPORT_INCOMPLETE', message: `以下部分尚未填写：${missing.join('、')}` }] : [];
    },
  ],
});
