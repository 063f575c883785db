/** Views of the enforcement bodies and of the officers holding a valid enforcement certificate. */
import type { publicBodies, publicOfficers } from '../../publicity/index.ts';
import { dataTable, html, pager } from '../html.ts';
import type { PageContent } from '../site.ts';

export function bodiesPage(bodies: Awaited<ReturnType<typeof publicBodies>>): PageContent {
  return {
    title: '行政执法主体',
    path: '/portal/bodies',
    body: html`<h1>行政执法主体</h1><p>以下机关以自己的名义实施行政执法，并对执法后果承担责任。</p>
        ${bodies.map(
          (b) => html`<section class="card"><h2>${b.name}</h2><dl class="facts">
          ${b.parentName ? html`<dt>上级机关</dt><dd>${b.parentName}</dd>` : ''}
          <dt>执法主体资格依据</dt><dd>${b.legalBasis ?? '—'}</dd>
          ${b.uscc ? html`<dt>统一社会信用代码</dt><dd>${b.uscc}</dd>` : ''}
          <dt>持有效执法证件人员</dt><dd><a href="/portal/officers?q=">${b.officers} 人</a></dd>
          <dt>权责清单</dt><dd><a href="/portal/powers?bodyId=${b.id}">查看</a></dd></dl></section>`,
        )}`,
  };
}

export const OFFICERS_PAGE_SIZE = 50;

export function officersPage(q: string, page: number, r: Awaited<ReturnType<typeof publicOfficers>>): PageContent {
  return {
    title: '行政执法人员',
    path: '/portal/officers',
    body: html`<h1>行政执法人员</h1><p>持有有效行政执法证件的人员（持证上岗、亮证执法）。只公示姓名、执法证号、所在机构和执法领域。</p>
        <form class="card search" method="get" action="/portal/officers" role="search"><div class="wide"><label for="oq">姓名、执法证号或机构</label><input id="oq" name="q" type="search" value="${q}" maxlength="50"></div><div><button type="submit">查询</button></div></form>
        <p role="status">共 ${r.total} 人。</p>
        ${dataTable(
          [
            { label: '姓名', cell: (o) => o.name },
            { label: '执法证号', cell: (o) => o.certificateNumber },
            { label: '所在机构', cell: (o) => o.orgName },
            { label: '执法领域', cell: (o) => o.fields.join('、') },
          ],
          r.items,
        )}
        ${pager('/portal/officers', { q }, page, OFFICERS_PAGE_SIZE, r.total)}`,
  };
}
