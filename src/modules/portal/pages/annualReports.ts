/**
 * The view of 年度报告: a body's published reports (法治政府建设年度报告, 行政执法数据年度公开, 政府信息公开工作年度报告),
 * and one report — its sections and its tables as HTML, with its downloads (.docx/PDF or .xlsx).
 */
import type { ReportContent } from '../../annualReports/index.ts';
import { dataTable, html } from '../html.ts';
import type { PageContent } from '../site.ts';

export interface PublicReportItem {
  id: string;
  bodyId: string;
  bodyName: string;
  year: number;
  kind: string;
  kindLabel: string;
  title: string;
  publishedOn: string | null;
  formats: ('docx' | 'pdf' | 'xlsx')[];
}
export interface PublicReport extends PublicReportItem {
  figureSetId: string;
  content: ReportContent;
}

const formatLabels = { docx: 'Word（.docx）', pdf: 'PDF', xlsx: 'Excel（.xlsx）' } as const;
const downloads = (r: PublicReportItem) => r.formats.map((f) => html`<a href="/api/public/annual-reports/${r.id}/${f}">${formatLabels[f]}</a> `);

export function annualReportsPage(items: readonly PublicReportItem[]): PageContent {
  return {
    title: '年度报告',
    path: '/portal/annual-reports',
    description: '法治政府建设年度报告、行政执法数据年度公开、政府信息公开工作年度报告',
    body: html`<h1>年度报告</h1>
      <p class="muted">本局每年公开上一年度的法治政府建设情况报告（4月1日之前）、行政执法数据（1月31日前）和政府信息公开工作年度报告（《政府信息公开条例》第四十九条：1月31日前）。报告中的每个数字都取自按执法记录计算并留存的统计指标集。</p>
      ${
        items.length
          ? dataTable(
              [
                { label: '报告', cell: (r) => html`<a href="/portal/annual-reports/${r.id}">${r.title}</a>` },
                { label: '类别', cell: (r) => r.kindLabel },
                { label: '年度', cell: (r) => String(r.year) },
                { label: '公开日期', cell: (r) => r.publishedOn ?? '' },
                { label: '下载', cell: (r) => downloads(r) },
              ],
              items,
            )
          : html`<p class="muted">暂无公开的年度报告。</p>`
      }`,
  };
}

export function annualReportPage(r: PublicReport): PageContent {
  return {
    title: r.title,
    path: `/portal/annual-reports/${r.id}`,
    description: r.title,
    body: html`<h1>${r.title}</h1>
      <p class="muted">${r.bodyName} · ${r.kindLabel} · 公开于 ${r.publishedOn ?? ''} · 下载：${downloads(r)}</p>
      ${r.content.sections.map((s, i) => {
        const paragraphs = s.paragraphs.filter((p) => p.text.trim());
        return paragraphs.length
          ? html`<h2>${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? ''}、${s.heading}</h2>${paragraphs.map((p) => html`<p>${p.text}</p>`)}`
          : '';
      })}
      ${r.content.tables.map(
        (t) =>
          html`<h2>${t.title}</h2>${dataTable(
            [
              { label: '项目', cell: (x) => x.label },
              { label: `${r.year}年`, cell: (x) => x.value },
              { label: `${r.year - 1}年`, cell: (x) => x.previous },
            ],
            t.rows,
          )}`,
      )}
      <p class="muted">统计指标集编号：${r.figureSetId}</p>
      <p><a href="/portal/annual-reports">返回年度报告列表</a></p>`,
  };
}
