/** The portal's home page: the search form, headline figures and the latest decisions. */
import type { SearchResult } from '../../publicity/index.ts';
import { html } from '../html.ts';
import type { PageContent } from '../site.ts';
import { decisionItem, searchForm } from './decisions.ts';

export interface HomeData {
  siteName: string;
  latest: SearchResult;
  stats: { listed: number; timelinessRate: number | null };
  recordSize: number;
  bodies: { id: string; name: string }[];
}

export function homePage(d: HomeData): PageContent {
  return {
    title: d.siteName,
    path: '/',
    body: html`<h1>行政执法公示</h1>
        <p>执法主体、执法人员、权责清单、随机抽查事项在执法前公示；行政处罚决定在法定期限内公示，当事人个人信息依法处理。每一条公示都写入不可篡改的执法全过程记录，任何人都可以核验。</p>
        ${searchForm({ page: 1, pageSize: 20 }, d.bodies)}
        <div class="grid">
          <div class="card"><div class="stat">${d.stats.listed}</div>条行政处罚决定正在公示</div>
          <div class="card"><div class="stat">${d.stats.timelinessRate === null ? '—' : `${d.stats.timelinessRate}%`}</div>按期公示率（<a href="/portal/statistics">统计</a>）</div>
          <div class="card"><div class="stat">${d.recordSize}</div>条执法全过程记录（<a href="/portal/tree-heads">签名树头</a>）</div>
        </div>
        <h2>最新公示的行政处罚决定</h2>
        ${d.latest.items.length ? html`<ol class="results">${d.latest.items.map(decisionItem)}</ol><p><a href="/portal/decisions">查看全部 →</a></p>` : html`<p class="muted">暂无公示的行政处罚决定。</p>`}
        <h2>事前公开</h2>
        <ul><li><a href="/portal/bodies">行政执法主体及其执法依据</a></li><li><a href="/portal/officers">行政执法人员及执法证件</a></li><li><a href="/portal/powers">权责清单（含调整历史）</a></li><li><a href="/portal/inspections">随机抽查事项清单和抽查结果</a></li></ul>`,
  };
}
