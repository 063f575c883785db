/** The portal's error page: what went wrong in plain Chinese, and the ways on. */
import { html } from '../html.ts';
import type { PageContent } from '../site.ts';

const headings: Record<number, { title: string; lead: string }> = {
  400: { title: '链接有误', lead: '这个链接不完整或含有不能识别的内容。请检查地址，或从下面的入口重新查找。' },
  404: { title: '页面不存在', lead: '您要找的页面或公示信息不存在，可能链接有误，或该信息已不再公示。' },
  429: { title: '访问过于频繁', lead: '为保证所有人都能正常访问，同一地址在短时间内的访问次数有限制。请稍候再试。' },
  503: { title: '服务暂时不可用', lead: '服务暂时不可用，请稍后再试。' },
};
const fallback = (status: number) =>
  status >= 500 ? { title: '服务器内部错误', lead: '服务器处理时出错，请稍后再试。' } : { title: '无法完成请求', lead: '请求没有完成，请检查链接后重试。' };

export function errorPage(e: { status: number; message: string }): PageContent {
  const h = headings[e.status] ?? fallback(e.status);
  return {
    title: h.title,
    path: '',
    body: html`<h1>${h.title}</h1><p>${h.lead}</p>
      <p class="muted">${e.message}（${e.status}）</p>
      <ul><li><a href="/">返回首页</a></li><li><a href="/portal/decisions">检索行政处罚决定</a></li><li><a href="/portal/powers">权责清单</a></li></ul>`,
  };
}
