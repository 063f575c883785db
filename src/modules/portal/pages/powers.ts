/** Views of the power list (权责清单) and of one item with its adjustment history. */
import { powerCategoryIds, powerCategoryLabels } from '../../../domain/powers.ts';
import { dataTable, html, raw } from '../html.ts';
import type { PowerHistory } from '../powerHistory.ts';
import type { PageContent } from '../site.ts';

/** What the portal shows of /api/public/powers. */
export interface PowerList {
  asOf: string;
  items: {
    id: string;
    code: string;
    name: string;
    categoryLabel: string;
    bodyName: string;
    unitName: string;
    parentId: string | null;
    basis: { label: string; lawTitle: string }[];
  }[];
}

/** What the portal shows of /api/public/powers/:id. */
export interface PowerItem {
  name: string;
  code: string;
  categoryLabel: string;
  bodyName: string;
  unitName: string;
  basis: { label: string; lawTitle: string }[];
  responsibilities: string[];
  accountability: string[];
  steps: { name: string; timeLimit: string | null }[];
  materials: string[];
  timeLimit: string | null;
  fee: string | null;
  office: string | null;
  phone: string | null;
}

const basisText = (basis: { label: string; lawTitle: string }[]) => basis.map((b) => `《${b.lawTitle}》${b.label}`).join('；');

export function powersPage(data: PowerList, filter: { q: string; category: string | undefined }): PageContent {
  return {
    title: '权责清单',
    path: '/portal/powers',
    body: html`<h1>权责清单</h1><p>截至 ${data.asOf} 现行有效的权责事项。每个事项的调整（立改废）都保留历史版本。</p>
        <form class="card search" method="get" action="/portal/powers" role="search">
          <div class="wide"><label for="pq">事项名称或编码</label><input id="pq" name="q" type="search" value="${filter.q}" maxlength="50"></div>
          <div><label for="category">职权类别</label><select id="category" name="category"><option value="">全部</option>${powerCategoryIds.map((c) => html`<option value="${c}"${filter.category === c ? raw(' selected') : ''}>${powerCategoryLabels[c]}</option>`)}</select></div>
          <div><button type="submit">查询</button></div></form>
        <p role="status">共 ${data.items.length} 项。</p>
        ${dataTable(
          [
            { label: '编码', cell: (i) => i.code },
            { label: '事项名称', cell: (i) => html`<a href="/portal/powers/${i.id}">${i.parentId ? '└ ' : ''}${i.name}</a>` },
            { label: '类别', cell: (i) => i.categoryLabel },
            { label: '实施主体 / 承办机构', cell: (i) => `${i.bodyName} / ${i.unitName}` },
            { label: '设定依据', cell: (i) => basisText(i.basis) },
          ],
          data.items,
        )}`,
  };
}

/** One item: its current content (null when it is removed or not yet in force) and its history. */
export function powerPage(h: PowerHistory, item: PowerItem | null): PageContent {
  return {
    title: item?.name ?? h.code,
    path: '/portal/powers',
    body: html`<p><a href="/portal/powers">← 返回权责清单</a></p><h1>${item?.name ?? h.code}</h1>
        ${
          item
            ? html`<section class="card"><dl class="facts"><dt>事项编码</dt><dd>${item.code}</dd><dt>职权类别</dt><dd>${item.categoryLabel}</dd><dt>实施主体</dt><dd>${item.bodyName}</dd><dt>承办机构</dt><dd>${item.unitName}</dd>
          <dt>设定依据</dt><dd>${basisText(item.basis) || '—'}</dd><dt>责任事项</dt><dd>${item.responsibilities.join('；') || '—'}</dd><dt>追责情形</dt><dd>${item.accountability.join('；') || '—'}</dd>
          ${item.steps.length ? html`<dt>办理流程</dt><dd><ol>${item.steps.map((s) => html`<li>${s.name}${s.timeLimit ? `（${s.timeLimit}）` : ''}</li>`)}</ol></dd>` : ''}
          ${item.materials.length ? html`<dt>申请材料</dt><dd>${item.materials.join('；')}</dd>` : ''}${item.timeLimit ? html`<dt>办理时限</dt><dd>${item.timeLimit}</dd>` : ''}${item.fee ? html`<dt>收费标准</dt><dd>${item.fee}</dd>` : ''}${item.office ? html`<dt>办理地点</dt><dd>${item.office}</dd>` : ''}${item.phone ? html`<dt>咨询电话</dt><dd>${item.phone}</dd>` : ''}</dl></section>`
            : html`<p class="muted">该事项现已取消或尚未生效。</p>`
        }
        <h2>调整历史</h2>${dataTable(
          [
            { label: '版本', cell: (v) => v.versionNo },
            { label: '名称', cell: (v) => v.name },
            { label: '调整', cell: (v) => v.change },
            { label: '原因', cell: (v) => v.reason },
            { label: '有效期', cell: (v) => `${v.validFrom} 至 ${v.validTo ?? '今'}` },
          ],
          h.versions,
        )}`,
  };
}
