/**
 * The views of 网上投诉举报: the form (no account; a report may be anonymous; a complaint needs the name, phone and
 * address of 第九条; up to five attachments; the challenge question), the answer with the query code(s), and the
 * status by query code — kind, handling body, state and dated steps, never a person.
 */
import { html, type Html } from '../html.ts';
import type { PageContent } from '../site.ts';

export interface ComplaintForm {
  challenge: { token: string; question: string };
  bodies: { id: string; name: string }[];
  categories: Record<string, string>;
  values: Record<string, string>;
  error: string | null;
}

export interface ComplaintStatus {
  queryCode: string;
  kindLabel: string;
  orgName: string;
  receivedOn: string;
  stateLabel: string;
  steps: { on: string; label: string }[];
}

const opt = (value: string, label: string, current: string | undefined) =>
  html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`;

function lookupForm(code = ''): Html {
  return html`<section class="card" id="lookup">
    <h2>查询办理进度</h2>
    <form method="get" action="/portal/complaints/status">
      <label for="code">查询码</label>
      <input id="code" name="code" maxlength="20" value="${code}" required autocomplete="off">
      <p><button type="submit">查询</button></p>
    </form>
    <p class="muted">查询结果只显示办理状态，不显示任何个人信息。</p>
  </section>`;
}

export function complaintFormPage(f: ComplaintForm): PageContent {
  const v = f.values;
  return {
    title: '网上投诉举报',
    path: '/portal/complaints',
    description: '向市场监督管理部门投诉、举报，凭查询码查询办理进度',
    body: html`<h1>网上投诉举报</h1>
      <p class="muted">投诉：消费者与经营者发生消费者权益争议，请求调解解决（应当提供姓名、电话和通讯地址）。举报：反映经营者涉嫌违法的线索（可以匿名）。
      提交后获得查询码，凭查询码查询办理进度。举报人的信息依法保密（《市场监督管理投诉举报处理暂行办法》第三十三条）。</p>
      ${lookupForm()}
      <section class="card" id="file">
        <h2>提交投诉举报</h2>
        ${f.error ? html`<p class="notice bad" role="alert">${f.error}</p>` : ''}
        <form method="post" action="/portal/complaints" enctype="multipart/form-data">
          <label for="kind">类别</label>
          <select id="kind" name="kind">${opt('complaint', '投诉（请求调解消费纠纷）', v.kind)}${opt('report', '举报（反映违法线索）', v.kind)}${opt('both', '投诉并举报', v.kind)}</select>
          <label for="orgId">受理部门</label>
          <select id="orgId" name="orgId">${f.bodies.map((b) => opt(b.id, b.name, v.orgId))}</select>
          <label for="respondentName">被投诉（举报）的经营者名称（必填）</label>
          <input id="respondentName" name="respondentName" maxlength="200" value="${v.respondentName ?? ''}" required>
          <label for="respondentAddress">经营者地址</label>
          <input id="respondentAddress" name="respondentAddress" maxlength="300" value="${v.respondentAddress ?? ''}">
          <label for="category">事项类别</label>
          <select id="category" name="category">${Object.entries(f.categories).map(([k, l]) => opt(k, l, v.category))}</select>
          <label for="summary">事实经过或违法线索（必填，5000 字以内）</label>
          <textarea id="summary" name="summary" rows="6" maxlength="5000" required>${v.summary ?? ''}</textarea>
          <label for="request">投诉请求（投诉填写）</label>
          <textarea id="request" name="request" rows="2" maxlength="2000">${v.request ?? ''}</textarea>
          <label><input type="checkbox" name="anonymous" value="1"${v.anonymous ? html` checked` : ''}> 匿名举报（仅限举报；匿名的不能告知处理结果）</label>
          <label for="name">姓名</label>
          <input id="name" name="name" maxlength="50" value="${v.name ?? ''}" autocomplete="name">
          <label for="phone">电话号码</label>
          <input id="phone" name="phone" maxlength="20" value="${v.phone ?? ''}" autocomplete="tel">
          <label for="address">通讯地址</label>
          <input id="address" name="address" maxlength="200" value="${v.address ?? ''}">
          <label for="files">附件（选填，最多 5 个，每个不超过 5 MB）</label>
          <input id="files" name="files" type="file" multiple>
          <input type="hidden" name="challengeToken" value="${f.challenge.token}">
          <label for="challengeAnswer">验证题：${f.challenge.question}</label>
          <input id="challengeAnswer" name="challengeAnswer" inputmode="numeric" maxlength="10" required autocomplete="off">
          <p><button type="submit">提交</button></p>
        </form>
      </section>`,
  };
}

export function complaintReceivedPage(items: { kindLabel: string; queryCode: string }[]): PageContent {
  return {
    title: '投诉举报已提交',
    path: '/portal/complaints',
    body: html`<h1>已提交</h1>
      <p class="notice ok" role="status">您的${items.map((i) => i.kindLabel).join('和')}已提交。请记下查询码，凭查询码查询办理进度：</p>
      <ul>${items.map((i) => html`<li>${i.kindLabel}查询码：<strong class="query-code">${i.queryCode}</strong> <a href="/portal/complaints/status?code=${i.queryCode}">查询进度</a></li>`)}</ul>
      <p class="muted">市场监督管理部门自收到投诉之日起七个工作日内作出受理或者不予受理的决定（第十四条）。</p>`,
  };
}

export function complaintStatusPage(code: string, s: ComplaintStatus | null, error: string | null): PageContent {
  return {
    title: '投诉举报办理进度',
    path: '/portal/complaints/status',
    body: html`<p><a href="/portal/complaints">← 网上投诉举报</a></p>
      <h1>办理进度</h1>
      ${error ? html`<p class="notice bad" role="alert">${error}</p>` : ''}
      ${
        s
          ? html`<dl class="facts">
              <dt>查询码</dt><dd>${s.queryCode}</dd>
              <dt>类别</dt><dd>${s.kindLabel}</dd>
              <dt>受理部门</dt><dd>${s.orgName}</dd>
              <dt>收到日期</dt><dd>${s.receivedOn}</dd>
              <dt>办理状态</dt><dd class="complaint-state">${s.stateLabel}</dd>
            </dl>
            <h2>办理过程</h2>
            <ol class="steps">${s.steps.map((x) => html`<li>${x.on} ${x.label}</li>`)}</ol>`
          : ''
      }
      ${lookupForm(code)}`,
  };
}
