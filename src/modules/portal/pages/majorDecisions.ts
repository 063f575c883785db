/** The view of 重大行政决策: the published 决策事项目录 with their adjustments, and the published decisions with their 决策说明. */
import { dataTable, html } from '../html.ts';
import type { PageContent } from '../site.ts';

/** What the portal shows of /api/public/major-decisions/catalogues. */
export interface PublicCatalogues {
  items: {
    id: string;
    title: string;
    year: number;
    body: string;
    standard: string;
    publishedOn: string;
    items: { seq: number; title: string; category: string; unit: string; planned: string; status: 'listed' | 'removed' }[];
    adjustments: { on: string; kind: 'added' | 'removed'; seq: number; title: string; reason: string }[];
  }[];
}

/** What the portal shows of /api/public/major-decisions. */
export interface PublicDecisions {
  items: { id: string; title: string; body: string; publishedOn: string; number: string }[];
}

/** What the portal shows of /api/public/major-decisions/:id. */
export interface PublicDecision {
  id: string;
  title: string;
  body: string;
  publishedOn: string;
  number: string;
  text: string;
  explanation: string;
  publicOpinions: string;
  expertOpinions: string;
  catalogueYear: number;
  catalogueSeq: number;
}

const paragraphs = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => html`<p>${l}</p>`);

export function majorDecisionsPage(catalogues: PublicCatalogues, decisions: PublicDecisions): PageContent {
  return {
    title: '重大行政决策',
    path: '/portal/major-decisions',
    description: '重大行政决策事项目录及已公布的重大行政决策',
    body: html`<h1>重大行政决策</h1>
      <h2>已公布的重大行政决策</h2>
      ${
        decisions.items.length
          ? dataTable(
              [
                { label: '决策名称', cell: (d) => html`<a href="/portal/major-decisions/${d.id}">${d.title}</a>` },
                { label: '文号', cell: (d) => d.number },
                { label: '决策机关', cell: (d) => d.body },
                { label: '公布日期', cell: (d) => d.publishedOn },
              ],
              decisions.items,
            )
          : html`<p class="muted">暂无公布的重大行政决策。</p>`
      }
      <h2>决策事项目录</h2>
      <p class="muted">《重大行政决策程序暂行条例》第三条第三款：决策机关可以结合职责权限和本地实际，确定决策事项目录、标准，经同级党委同意后向社会公布，并根据实际情况调整。</p>
      ${
        catalogues.items.length
          ? catalogues.items.map(
              (c) => html`<section class="card"><h3>${c.title}</h3>
          <p class="muted">${c.body} · ${c.year} 年度 · 公布于 ${c.publishedOn}</p>
          ${c.standard ? html`<p>标准：${c.standard}</p>` : ''}
          ${dataTable(
            [
              { label: '序号', cell: (i) => String(i.seq) },
              { label: '决策事项', cell: (i) => html`${i.title}${i.status === 'removed' ? html`<span class="tag">已调整移出</span>` : ''}` },
              { label: '类别', cell: (i) => i.category },
              { label: '承办单位', cell: (i) => i.unit },
              { label: '计划完成时间', cell: (i) => i.planned || '—' },
            ],
            c.items,
          )}
          ${
            c.adjustments.length
              ? html`<h4>目录调整</h4>${dataTable(
                  [
                    { label: '调整日期', cell: (a) => a.on },
                    { label: '调整', cell: (a) => (a.kind === 'added' ? '增加' : '移出') },
                    { label: '事项', cell: (a) => `${a.seq}. ${a.title}` },
                    { label: '理由', cell: (a) => a.reason },
                  ],
                  c.adjustments,
                )}`
              : ''
          }</section>`,
            )
          : html`<p class="muted">暂无公布的决策事项目录。</p>`
      }`,
  };
}

export function majorDecisionPage(d: PublicDecision): PageContent {
  return {
    title: d.title,
    path: `/portal/major-decisions/${d.id}`,
    description: `${d.body} ${d.number}`,
    body: html`<p><a href="/portal/major-decisions">← 重大行政决策</a></p>
      <h1>${d.title}</h1>
      <p class="muted">${d.body} · ${d.number} · 公布于 ${d.publishedOn} · ${d.catalogueYear} 年度决策事项目录第 ${String(d.catalogueSeq)} 项</p>
      <section class="card"><h2>决策内容</h2>${paragraphs(d.text)}</section>
      <section class="card"><h2>决策说明</h2>${paragraphs(d.explanation)}
        ${d.publicOpinions ? html`<h3>公众意见的采纳情况</h3>${paragraphs(d.publicOpinions)}` : ''}
        ${d.expertOpinions ? html`<h3>专家论证意见的采纳情况</h3>${paragraphs(d.expertOpinions)}` : ''}
      </section>`,
  };
}
