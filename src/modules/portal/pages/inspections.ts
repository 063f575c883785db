/** The view of 双随机、一公开: the random-inspection item list and the published results. */
import { chinaToday } from '../../../domain/dates.ts';
import { dataTable, html } from '../html.ts';
import type { PageContent } from '../site.ts';

/** What the portal shows of /api/public/inspections/items. */
export interface InspectionItems {
  items: {
    body: string;
    code: string;
    name: string;
    subjectType: string;
    content: string;
    method: string;
    ratioNote: string | null;
    frequency: string | null;
  }[];
}

/** What the portal shows of /api/public/inspections/results. */
export interface InspectionResults {
  items: {
    taskId: string;
    publishedAt: string;
    content: {
      task?: { name: string; body: string; periodStart: string; periodEnd: string };
      items?: { code: string; name: string }[];
      results?: { uscc: string; name: string; findingLabel: string; inspectedOn: string }[];
    };
    current: { publicationId: string; uscc: string; name: string; inspectedOn: string; findingLabel: string; version: number }[];
  }[];
}

export function inspectionsPage(items: InspectionItems, results: InspectionResults): PageContent {
  return {
    title: '双随机抽查',
    path: '/portal/inspections',
    body: html`<h1>双随机、一公开</h1><h2>随机抽查事项清单</h2>
        ${dataTable(
          [
            { label: '编码', cell: (i) => i.code },
            { label: '抽查事项', cell: (i) => i.name },
            { label: '检查对象', cell: (i) => i.subjectType },
            { label: '检查内容', cell: (i) => i.content },
            { label: '方式', cell: (i) => i.method },
            { label: '比例 / 频次', cell: (i) => `${i.ratioNote ?? '—'} / ${i.frequency ?? '—'}` },
            { label: '实施主体', cell: (i) => i.body },
          ],
          items.items,
        )}
        <h2>抽查结果</h2>${
          results.items.length
            ? results.items.map(
                (r) => html`<section class="card"><h3>${r.content.task?.name ?? r.taskId}</h3>
          <p class="muted">${r.content.task?.body ?? ''} · 抽查期间 ${r.content.task?.periodStart ?? ''} 至 ${r.content.task?.periodEnd ?? ''} · 公示于 ${chinaToday(new Date(r.publishedAt))} · <a href="/api/public/inspections/draws/${r.taskId}">抽取公示文件（可复核）</a></p>
          ${dataTable(
            [
              { label: '检查对象', cell: (x) => html`<a href="/portal/decisions/${x.publicationId}">${x.name}</a>` },
              { label: '统一社会信用代码', cell: (x) => x.uscc },
              { label: '检查日期', cell: (x) => x.inspectedOn },
              { label: '检查结果', cell: (x) => html`${x.findingLabel}${x.version > 1 ? html`<span class="tag">已更正</span>` : ''}` },
            ],
            r.current,
          )}
          ${(r.content.results ?? []).length > r.current.length ? html`<p class="muted">另有 ${(r.content.results ?? []).length - r.current.length} 户的结果已撤回公示。</p>` : ''}</section>`,
              )
            : html`<p class="muted">暂无公示的抽查结果。</p>`
        }
        <p><a href="/portal/decisions?kind=inspectionResult">按检查对象名称或统一社会信用代码检索抽查结果 →</a></p>`,
  };
}
