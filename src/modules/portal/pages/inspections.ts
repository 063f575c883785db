/** The view of 双随机、一公开: the random-inspection item list and the published results. */
import { html } from '../html.ts';
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
        <div class="table-wrap"><table><thead><tr><th scope="col">编码</th><th scope="col">抽查事项</th><th scope="col">检查对象</th><th scope="col">检查内容</th><th scope="col">方式</th><th scope="col">比例 / 频次</th><th scope="col">实施主体</th></tr></thead>
        <tbody>${items.items.map((i) => html`<tr><td>${i.code}</td><td>${i.name}</td><td>${i.subjectType}</td><td>${i.content}</td><td>${i.method}</td><td>${i.ratioNote ?? '—'} / ${i.frequency ?? '—'}</td><td>${i.body}</td></tr>`)}</tbody></table></div>
        <h2>抽查结果</h2>${
          results.items.length
            ? results.items.map(
                (r) => html`<section class="card"><h3>${r.content.task?.name ?? r.taskId}</h3>
          <p class="muted">${r.content.task?.body ?? ''} · 抽查期间 ${r.content.task?.periodStart ?? ''} 至 ${r.content.task?.periodEnd ?? ''} · 公示于 ${r.publishedAt.slice(0, 10)} · <a href="/api/public/inspections/draws/${r.taskId}">抽取公示文件（可复核）</a></p>
          <div class="table-wrap"><table><thead><tr><th scope="col">检查对象</th><th scope="col">统一社会信用代码</th><th scope="col">检查日期</th><th scope="col">检查结果</th></tr></thead>
          <tbody>${r.current.map((x) => html`<tr><td><a href="/portal/decisions/${x.publicationId}">${x.name}</a></td><td>${x.uscc}</td><td>${x.inspectedOn}</td><td>${x.findingLabel}${x.version > 1 ? html`<span class="tag">已更正</span>` : ''}</td></tr>`)}</tbody></table></div>
          ${(r.content.results ?? []).length > r.current.length ? html`<p class="muted">另有 ${(r.content.results ?? []).length - r.current.length} 户的结果已撤回公示。</p>` : ''}</section>`,
              )
            : html`<p class="muted">暂无公示的抽查结果。</p>`
        }
        <p><a href="/portal/decisions?kind=inspectionResult">按检查对象名称或统一社会信用代码检索抽查结果 →</a></p>`,
  };
}
