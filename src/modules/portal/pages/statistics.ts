/** The view of the publicity statistics, and of the data-download page. */
import type { publicStatistics } from '../../publicity/index.ts';
import { html } from '../html.ts';
import type { PageContent } from '../site.ts';

export function statisticsPage(s: Awaited<ReturnType<typeof publicStatistics>>): PageContent {
  const max = Math.max(1, ...s.byMonth.map((m) => m.count));
  return {
    title: '公示统计',
    path: '/portal/statistics',
    body: html`<h1>公示统计</h1>
        <div class="grid"><div class="card"><div class="stat">${s.total}</div>条行政处罚信息已公示（含已撤回、期满）</div><div class="card"><div class="stat">${s.listed}</div>条正在公示</div>
          <div class="card"><div class="stat">${s.timelinessRate === null ? '—' : `${s.timelinessRate}%`}</div>按期公示率（按期 ${s.onTime}，逾期 ${s.late}）</div><div class="card"><div class="stat">${s.corrected} / ${s.withdrawn}</div>更正 / 撤回</div></div>
        <h2>按月（决定日期）</h2><div class="table-wrap"><table><thead><tr><th scope="col">月份</th><th scope="col">公示数</th><th scope="col"><span class="muted">图示</span></th></tr></thead>
        <tbody>${s.byMonth.map((m) => html`<tr><td>${m.month}</td><td>${m.count}</td><td class="bars" aria-hidden="true"><div style="width:${Math.round((m.count / max) * 100)}%"></div></td></tr>`)}</tbody></table></div>
        <h2>按执法领域</h2><div class="table-wrap"><table><thead><tr><th scope="col">领域</th><th scope="col">公示数</th></tr></thead><tbody>${s.byField.map((f) => html`<tr><td>${f.fieldLabel}</td><td>${f.count}</td></tr>`)}</tbody></table></div>
        <h2>按执法主体（及时性）</h2><div class="table-wrap"><table><thead><tr><th scope="col">执法主体</th><th scope="col">已公示</th><th scope="col">按期</th></tr></thead><tbody>${s.byBody.map((b) => html`<tr><td>${b.bodyName}</td><td>${b.published}</td><td>${b.onTime}</td></tr>`)}</tbody></table></div>
        <p class="muted">数据接口：<a href="/api/public/publicity-statistics">/api/public/publicity-statistics</a></p>`,
  };
}

export function downloadPage(): PageContent {
  return {
    title: '数据下载',
    path: '/portal/download',
    body: html`<h1>数据下载</h1><p>正在公示的全部行政处罚决定（公示内容，已依法处理个人信息），每条附带其记录条目序号，可逐条下载证明核验。</p>
      <ul><li><a href="/portal/download/publications.json" download>publications.json</a>（JSON，含完整公示内容）</li><li><a href="/portal/download/publications.csv" download>publications.csv</a>（CSV，UTF-8，摘要字段）</li>
      <li><a href="/portal/feed.xml">RSS 订阅</a> · <a href="/portal/feed.json">JSON Feed</a></li><li>开放接口：<a href="/api/docs">/api/docs</a>（标注“公开”的接口无需登录）</li></ul>`,
  };
}
