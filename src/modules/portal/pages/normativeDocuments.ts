/**
 * The view of 规范性文件: the bureau's published documents with their status (现行有效 / 已修改 / 已废止 / 已失效),
 * and one document — its articles, its 政策解读 and its versions. Drafts open for comment are on 征求意见.
 */
import type { PublicDocument, PublicDocumentItem } from '../../normativeDocuments/index.ts';
import { dataTable, html } from '../html.ts';
import type { PageContent } from '../site.ts';

export interface PublicDocumentList {
  total: number;
  items: PublicDocumentItem[];
}

const statusFilters = [
  ['', '全部'],
  ['effective', '现行有效'],
  ['amended', '已修改'],
  ['repealed', '已废止'],
  ['invalid', '已失效'],
] as const;

export function normativeDocumentsPage(list: PublicDocumentList, status: string): PageContent {
  return {
    title: '规范性文件',
    path: '/portal/normative-documents',
    description: '本局制定的行政规范性文件及其效力状态',
    body: html`<h1>规范性文件</h1>
      <p class="muted">本局制定的行政规范性文件，经统一登记、统一编号、统一印发后公布，附政策解读；未经公布的不得作为行政管理依据（《优化营商环境条例》第六十四条第二款）。</p>
      <p>${statusFilters.map(([k, label]) => html`<a href="/portal/normative-documents${k ? `?status=${k}` : ''}"${k === status ? html` aria-current="page"` : ''}>${label}</a> `)}</p>
      ${
        list.items.length
          ? dataTable(
              [
                { label: '文件名称', cell: (d) => html`<a href="/portal/normative-documents/${d.id}">${d.title}</a>` },
                { label: '文号', cell: (d) => d.number },
                { label: '制定机关', cell: (d) => d.bodyName },
                { label: '公布日期', cell: (d) => d.publishedOn },
                { label: '有效期至', cell: (d) => d.expiresOn ?? '—' },
                { label: '效力状态', cell: (d) => html`<span class="tag">${d.statusLabel}</span>` },
              ],
              list.items,
            )
          : html`<p class="muted">暂无公布的规范性文件。</p>`
      }`,
  };
}

export function normativeDocumentPage(d: PublicDocument): PageContent {
  return {
    title: d.title,
    path: `/portal/normative-documents/${d.id}`,
    description: `${d.number} ${d.title}`,
    body: html`<h1>${d.title}</h1>
      <p class="muted">${d.number} · ${d.bodyName} · 公布于 ${d.publishedOn}${d.effectiveOn ? ` · 自 ${d.effectiveOn} 起施行` : ''}${d.expiresOn ? ` · 有效期至 ${d.expiresOn}` : ''}</p>
      <p><span class="tag">${d.statusLabel}</span>${d.endedOn ? html` ${d.endedOn}：${d.endedReason ?? ''}` : ''}</p>
      <section class="card">
        ${d.articles.map((a) => html`${a.chapter ? html`<h3>${a.chapter}</h3>` : ''}<p><strong>${a.label}</strong>　${a.text}</p>`)}
      </section>
      <h2>政策解读</h2>
      <section class="card">${d.interpretation
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => html`<p>${l}</p>`)}</section>
      ${
        d.versions.length > 1
          ? html`<h2>历次版本</h2>${dataTable(
              [
                { label: '文号', cell: (v) => (v.id === d.id ? v.number : html`<a href="/portal/normative-documents/${v.id}">${v.number}</a>`) },
                { label: '公布日期', cell: (v) => v.publishedOn },
                { label: '效力状态', cell: (v) => v.statusLabel },
              ],
              d.versions,
            )}`
          : ''
      }
      <p><a href="/portal/normative-documents">返回规范性文件列表</a></p>`,
  };
}
