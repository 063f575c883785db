/**
 * Server-rendered HTML for the public portal: an escaping template tag and the page layout. Every
 * interpolated value is escaped unless it is itself a `Html` value produced here.
 */
import { chinaDateTime } from '../../domain/dates.ts';

export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

type Value = Html | string | number | boolean | null | undefined | Value[];
const render = (v: Value): string =>
  v === null || v === undefined || v === false ? '' : Array.isArray(v) ? v.map(render).join('') : v instanceof Html ? v.value : escapeHtml(String(v));

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}
export const raw = (s: string) => new Html(s);

export const nav = [
  ['/', '首页'],
  ['/portal/decisions', '处罚决定'],
  ['/portal/bodies', '执法主体'],
  ['/portal/officers', '执法人员'],
  ['/portal/powers', '权责清单'],
  ['/portal/inspections', '双随机抽查'],
  ['/portal/major-decisions', '重大行政决策'],
  ['/portal/normative-documents', '规范性文件'],
  ['/portal/consultations', '征求意见'],
  ['/portal/complaints', '投诉举报'],
  ['/portal/annual-reports', '年度报告'],
  ['/portal/disclosure', '信息公开申请'],
  ['/portal/tree-heads', '签名树头'],
  ['/portal/statistics', '统计'],
  ['/portal/download', '数据下载'],
] as const;

export interface PageOptions {
  title: string;
  path: string;
  body: Html;
  description?: string;
  script?: boolean;
  siteName: string;
}

export function page(o: PageOptions): string {
  const current = (href: string) => (href === '/' ? o.path === '/' : o.path.startsWith(href));
  return `<!doctype html>${
    html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title === o.siteName ? o.siteName : `${o.title} - ${o.siteName}`}</title>
<meta name="description" content="${o.description ?? `${o.siteName}：行政执法主体、人员、权责清单、行政处罚决定公示，每一条公示都可独立核验。`}">
<link rel="stylesheet" href="/portal/assets/portal.css">
<link rel="alternate" type="application/rss+xml" title="行政处罚决定公示（RSS）" href="/portal/feed.xml">
<link rel="alternate" type="application/feed+json" title="行政处罚决定公示（JSON Feed）" href="/portal/feed.json">
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="site">
  <div class="wrap bar">
    <a class="brand" href="/"><span class="emblem" aria-hidden="true">法</span><span>${o.siteName}</span></a>
    <a class="staff" href="/login">工作人员登录</a>
  </div>
  <nav class="wrap" aria-label="主导航"><ul>${nav.map(([href, label]) => html`<li><a href="${href}"${current(href) ? raw(' aria-current="page"') : ''}>${label}</a></li>`)}</ul></nav>
</header>
<main id="main" class="wrap" tabindex="-1">
${o.body}
</main>
<footer class="site"><div class="wrap">
  <p>本平台公示的每一条信息都写入执法全过程记录（RFC 9162 默克尔树，SM3 国密杂凑，Ed25519 签名树头），任何人都可以下载证明独立核验。</p>
  <p><a href="/portal/tree-heads">签名树头与公钥</a> · <a href="/portal/feed.xml">RSS</a> · <a href="/portal/feed.json">JSON Feed</a> · <a href="/api/docs">开放接口</a> · <a href="/login">工作人员登录</a></p>
</div></footer>
${o.script ? raw('<script src="/portal/assets/verify.js" defer></script>') : ''}
</body>
</html>`.value
  }`;
}

/** A column of a portal table: its heading and what a row shows in it. */
export interface Column<T> {
  label: string;
  cell: (row: T) => Value;
}

/**
 * A table that becomes a list of cards on a phone (portal.css, `table.cards`): every cell carries its
 * column's heading in `data-label`, which the narrow layout shows before the value (one <span>, so the two
 * are the cell's two grid items whatever the value is made of).
 */
export function dataTable<T>(columns: Column<T>[], rows: readonly T[], caption?: string): Html {
  return html`<div class="table-wrap"><table class="cards">${caption ? html`<caption class="muted">${caption}</caption>` : ''}<thead><tr>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${columns.map((c) => html`<td data-label="${c.label}"><span>${c.cell(r)}</span></td>`)}</tr>`)}</tbody></table></div>`;
}

/** A moment as a person reads it, in 北京时间 (YYYY-MM-DD HH:mm:ss), with the exact instant for machines. */
export const moment = (iso: string) => html`<time datetime="${iso}">${chinaDateTime(iso)}</time>`;

export const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/**
 * A paginated link list keeping the other query parameters. `more`, when given, says whether a next page
 * exists (the total is only a lower bound, a capped count): the pager then shows no page count.
 */
export function pager(base: string, query: Record<string, string | number | undefined>, page: number, pageSize: number, total: number, more?: boolean): Html {
  const pages = more === undefined ? Math.max(1, Math.ceil(total / pageSize)) : more ? page + 1 : page;
  if (pages <= 1) return html``;
  const link = (p: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, page: p })) if (v !== undefined && String(v) !== '') qs.set(k, String(v));
    return `${base}?${qs}`;
  };
  return html`<nav class="pager" aria-label="分页">
    ${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">上一页</a>` : ''}
    <span>${more === undefined ? `第 ${page} / ${Math.min(pages, 1000)} 页` : `第 ${page} 页`}</span>
    ${page < pages && page < 1000 ? html`<a href="${link(page + 1)}" rel="next">下一页</a>` : ''}
  </nav>`;
}
