/** The view of the publicity statistics, and of the data-download page. */
import type { publicStatistics } from '../../publicity/index.ts';
import { dataTable, type Html, html } from '../html.ts';
import type { PageContent } from '../site.ts';

/**
 * A bar of a chart, to scale: an SVG whose rectangle's width attribute is the value's share of the largest —
 * an attribute, not an inline style, which the portal's Content-Security-Policy (style-src 'self') would drop.
 */
function bar(count: number, max: number): Html {
  const pct = count > 0 ? Math.max(1, Math.round((count / max) * 100)) : 0;
  return html`<span class="bars" data-count="${count}"><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="${pct}" height="10"></rect></svg></span>`;
}

export function statisticsPage(s: Awaited<ReturnType<typeof publicStatistics>>): PageContent {
  const max = Math.max(1, ...s.byMonth.map((m) => m.count));
  return {
    title: '公示统计',
    path: '/portal/statistics',
    body: html`<h1>公示统计</h1>
        <div class="grid"><div class="card"><div class="stat">${s.total}</div>条行政处罚信息已公示（含已撤回、期满）</div><div class="card"><div class="stat">${s.listed}</div>条正在公示</div>
          <div class="card"><div class="stat">${s.timelinessRate === null ? '—' : `${s.timelinessRate}%`}</div>按期公示率（按期 ${s.onTime}，逾期 ${s.late}）</div><div class="card"><div class="stat">${s.corrected} / ${s.withdrawn}</div>更正 / 撤回</div></div>
        <h2>按月（决定日期）</h2>${dataTable(
          [
            { label: '月份', cell: (m) => m.month },
            { label: '公示数', cell: (m) => m.count },
            { label: '图示', cell: (m) => bar(m.count, max) },
          ],
          s.byMonth,
        )}
        <h2>按执法领域</h2>${dataTable(
          [
            { label: '领域', cell: (f) => f.fieldLabel },
            { label: '公示数', cell: (f) => f.count },
          ],
          s.byField,
        )}
        <h2>按执法主体（及时性）</h2>${dataTable(
          [
            { label: '执法主体', cell: (b) => b.bodyName },
            { label: '已公示', cell: (b) => b.published },
            { label: '按期', cell: (b) => b.onTime },
          ],
          s.byBody,
        )}
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
