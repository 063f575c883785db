/**
 * 向社会公开: the approved report goes on the portal. The 法治政府建设年度报告 is issued as an official document
 * (the `annualReport` template, GB/T 9704 layout, .docx and PDF kept by hash through `issueInstrument`); the data
 * reports are read as HTML and .xlsx from their frozen tables. Meets the publication deadline of its kind.
 */
import { bodyText } from '../content.ts';
import { issueInstrument } from '../../../platform/documents/issue.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { reportInputs } from './inputs.ts';
import { loadReport } from './shared.ts';

export const ANNUAL_REPORT_INSTRUMENT = 'annualReport';

export const publish = defineTransition({
  label: '向社会公开',
  from: ['approved'],
  to: 'published',
  roles: ['leader', 'admin'],
  input: reportInputs.publish,
  load: (g) => loadReport(g.tx, g.matter.id),
  meets: ['annualReport.lawBasedGovernment', 'annualReport.enforcementData', 'annualReport.disclosure'],
  effect: async (g) => {
    const r = g.facts.report;
    let instrumentId: string | null = null;
    if (r.kind === 'lawBasedGovernment') {
      const i = await issueInstrument(g.ctx, g.tx, actorOf(g.principal), {
        orgId: r.bodyId,
        kind: ANNUAL_REPORT_INSTRUMENT,
        matterType: 'annualReport',
        matterId: r.id,
        data: instrumentData(r.year, r.content),
        date: g.date,
      });
      instrumentId = i.id;
    }
    await g.tx.query('update annual_reports set published_on = $2, instrument_id = $3, updated_at = now() where id = $1', [r.id, g.date, instrumentId]);
    return { instrumentId };
  },
});

/** The template's data: the year line and the body (headings and the paragraphs that have text). */
export const instrumentData = (year: number, content: Parameters<typeof bodyText>[0]): Record<string, unknown> => ({
  reportYear: `（${year}年度）`,
  body: bodyText(content),
});
