/**
 * The views of 公开征求意见: the drafts open for comment (period, counter) and one draft — its text by article and
 * paragraph, each with a link that preselects it in the comment form; the form (no account; name and contact
 * optional and never shown; the challenge question); after the report, every comment with its answer.
 */
import type { PublicConsultation, PublicConsultationItem } from '../../consultation/index.ts';
import { dataTable, html, type Html } from '../html.ts';
import type { PageContent } from '../site.ts';

export interface CommentForm {
  challenge: { token: string; question: string };
  /** the anchor preselected (from ?anchor= or the failed submission) */
  anchor: string;
  text: string;
  name: string;
  contact: string;
  /** the refusal of a failed submission */
  error: string | null;
  /** the number of the comment just submitted */
  submitted: number | null;
}

const period = (c: PublicConsultationItem) => `${c.startsOn} 至 ${c.endsOn}（${c.days} 日）`;

export function consultationsPage(items: readonly PublicConsultationItem[]): PageContent {
  const open = items.filter((c) => c.state === 'open');
  const done = items.filter((c) => c.state !== 'open');
  const table = (rows: readonly PublicConsultationItem[]) =>
    dataTable(
      [
        { label: '草案', cell: (c) => html`<a href="/portal/consultations/${c.id}">${c.title}</a>` },
        { label: '起草单位', cell: (c) => c.orgName },
        { label: '征求意见期限', cell: (c) => period(c) },
        { label: '已收到意见', cell: (c) => `${c.comments} 条` },
        { label: '状态', cell: (c) => c.stateLabel },
      ],
      rows,
    );
  return {
    title: '征求意见',
    path: '/portal/consultations',
    description: '向社会公开征求意见的草案、意见数和意见采纳情况',
    body: html`<h1>公开征求意见</h1>
      <p class="muted">对涉及公众切身利益的规范性文件和重大行政决策草案，在此公开征求意见。无需注册即可对草案的具体条款提出意见；姓名和联系方式可以不填，填写的也不会公开。征求意见结束后公布意见采纳情况。</p>
      <h2>正在征求意见</h2>
      ${open.length ? table(open) : html`<p class="muted">目前没有正在征求意见的草案。</p>`}
      <h2>已结束的征求意见</h2>
      ${done.length ? table(done) : html`<p class="muted">暂无。</p>`}`,
  };
}

/** The draft by article: an article with several paragraphs shows each paragraph with its own link. */
function draftText(c: PublicConsultation, accepting: boolean): Html {
  const link = (id: string, label: string) => (accepting ? html` <a class="comment-link" href="?anchor=${id}#comment">对${label}提出意见</a>` : '');
  const ids = new Set(c.anchors.map((a) => a.id));
  return html`<div class="draft">${c.anchors
    .filter((a) => !/^a\d+p\d+$/.test(a.id))
    .map((a) => {
      const parts = c.anchors.filter((p) => p.id.startsWith(`${a.id}p`) && ids.has(p.id));
      if (parts.length === 0) return html`<p id="${a.id}"><strong>${a.label}</strong> ${a.text}${link(a.id, a.label)}</p>`;
      return html`<div id="${a.id}">${parts.map(
        (p, i) => html`<p id="${p.id}">${i === 0 ? html`<strong>${a.label}</strong> ` : ''}${p.text}${link(p.id, p.label)}</p>`,
      )}</div>`;
    })}</div>`;
}

export function consultationPage(c: PublicConsultation, form: CommentForm | null): PageContent {
  const options = [{ id: 'whole', label: '草案整体' }, ...c.anchors];
  return {
    title: c.title,
    path: `/portal/consultations/${c.id}`,
    description: `${c.title}：公开征求意见，${period(c)}`,
    body: html`<p><a href="/portal/consultations">← 公开征求意见</a></p>
      <h1>${c.title}</h1>
      <dl class="facts">
        <dt>起草单位</dt><dd>${c.orgName}</dd>
        <dt>征求意见期限</dt><dd>${period(c)}</dd>
        ${c.shortenedReason ? html`<dt>缩短期限的说明</dt><dd>${c.shortenedReason}</dd>` : ''}
        <dt>已收到意见</dt><dd>${c.comments} 条</dd>
        <dt>状态</dt><dd>${c.stateLabel}</dd>
      </dl>
      ${form?.submitted ? html`<p class="notice ok" role="status">您的意见已提交（第 ${form.submitted} 条），感谢参与。意见采纳情况将在征求意见结束后公布。</p>` : ''}
      ${c.report ? reportSection(c) : ''}
      <h2>草案全文</h2>
      ${draftText(c, !!form && c.acceptingComments)}
      ${
        form && c.acceptingComments
          ? commentForm(c, options, form)
          : !c.report
            ? html`<p class="muted">${c.state === 'open' ? '当前不在征求意见期内。' : '征求意见已截止，意见采纳情况公布后在本页显示。'}</p>`
            : ''
      }`,
  };
}

function commentForm(c: PublicConsultation, options: { id: string; label: string }[], f: CommentForm): Html {
  return html`<section id="comment" class="card">
    <h2>提出意见</h2>
    ${f.error ? html`<p class="notice bad" role="alert">${f.error}</p>` : ''}
    <form method="post" action="/portal/consultations/${c.id}/comments">
      <label for="anchor">针对条款</label>
      <select id="anchor" name="anchor">${options.map((o) => html`<option value="${o.id}"${o.id === f.anchor ? html` selected` : ''}>${o.label}</option>`)}</select>
      <label for="text">意见和建议（必填，2000 字以内）</label>
      <textarea id="text" name="text" rows="6" maxlength="2000" required>${f.text}</textarea>
      <label for="name">姓名（选填，不公开）</label>
      <input id="name" name="name" maxlength="50" value="${f.name}" autocomplete="name">
      <label for="contact">联系方式（选填，不公开，仅用于就意见与您联系）</label>
      <input id="contact" name="contact" maxlength="100" value="${f.contact}">
      <input type="hidden" name="challengeToken" value="${f.challenge.token}">
      <label for="challengeAnswer">验证题：${f.challenge.question}</label>
      <input id="challengeAnswer" name="challengeAnswer" inputmode="numeric" maxlength="10" required autocomplete="off">
      <p><button type="submit">提交意见</button></p>
    </form>
    <p class="muted">提交的意见内容写入执法全过程记录，征求意见结束后与采纳情况一并公布；姓名和联系方式只有起草单位可见。</p>
  </section>`;
}

function reportSection(c: PublicConsultation): Html {
  const r = c.report!;
  return html`<section class="card" id="report">
    <h2>意见采纳情况</h2>
    <p class="muted">公布日期：${r.publishedOn}。采纳 ${r.counts.adopted} 条，部分采纳 ${r.counts.partlyAdopted} 条，不予采纳 ${r.counts.notAdopted} 条。</p>
    ${r.summary.split('\n').map((l) => html`<p>${l}</p>`)}
    ${r.finalTextUrl ? html`<p><a href="${r.finalTextUrl}">查看定稿文本</a></p>` : ''}
    ${
      c.feedback.length
        ? dataTable(
            [
              { label: '序号', cell: (x) => x.number },
              { label: '针对条款', cell: (x) => x.anchorLabel },
              { label: '意见', cell: (x) => x.text },
              { label: '采纳情况', cell: (x) => x.answer?.outcomeLabel ?? '' },
              { label: '理由', cell: (x) => x.answer?.reason ?? '' },
            ],
            c.feedback,
          )
        : html`<p class="muted">征求意见期间未收到意见。</p>`
    }
  </section>`;
}
