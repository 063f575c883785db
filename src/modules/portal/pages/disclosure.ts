/**
 * The views of 政府信息公开 on request: the application form (no account; 第二十九条's contents — who applies, what
 * information, in what form — and the challenge question), the answer after filing (the query code), and the status
 * of a request by its query code (dates and status only: nothing the applicant wrote, no name or contact).
 */
import type { PublicDisclosureStatus } from '../../disclosure/index.ts';
import { applicantKinds } from '../../../domain/disclosure/rules.ts';
import { dataTable, html, type Html } from '../html.ts';
import type { PageContent } from '../site.ts';

export interface DisclosureForm {
  bodies: { id: string; name: string }[];
  challenge: { token: string; question: string };
  values: Record<string, string>;
  error: string | null;
}

const intro = html`<p class="muted">公民、法人或者其他组织可以向行政机关申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条）。在本网站提交申请无需注册；提交后您将得到一个查询码，凭查询码可以查询办理进度，查询结果不显示您的个人信息和申请内容。行政机关应当自收到申请之日起20个工作日内答复，需要延长的，延长的期限最长不超过20个工作日；征求第三方意见的时间不计算在内（第三十三条）。</p>`;

export function disclosurePage(form: DisclosureForm, status?: { code: string; result: PublicDisclosureStatus | null }): PageContent {
  return {
    title: '政府信息公开申请',
    path: '/portal/disclosure',
    description: '在线提交政府信息公开申请，凭查询码查询办理进度',
    body: html`<h1>政府信息公开申请</h1>
      ${intro}
      <section class="card" id="status">
        <h2>查询办理进度</h2>
        <form method="get" action="/portal/disclosure/status">
          <label for="code">查询码</label>
          <input id="code" name="code" maxlength="20" value="${status?.code ?? ''}" autocomplete="off" placeholder="例如 ABCD-EFGH-JKMN" required>
          <p><button type="submit">查询</button></p>
        </form>
        ${status ? statusView(status.code, status.result) : ''}
      </section>
      ${applicationForm(form)}`,
  };
}

function statusView(code: string, s: PublicDisclosureStatus | null): Html {
  if (!s) return html`<p class="notice bad" role="alert">没有找到查询码为“${code}”的申请，请核对后重新输入。</p>`;
  return html`<div class="disclosure-status">
    <dl class="facts">
      <dt>查询码</dt><dd>${s.queryCode}</dd>
      <dt>受理机关</dt><dd>${s.bodyName}</dd>
      <dt>收到申请日期</dt><dd>${s.receivedOn}</dd>
      <dt>办理状态</dt><dd class="status">${s.stateLabel}</dd>
      ${s.answerDue ? html`<dt>答复期限</dt><dd>${s.answerDue}${s.extended ? '（已延长）' : ''}</dd>` : ''}
      ${s.answeredOn ? html`<dt>答复日期</dt><dd>${s.answeredOn}</dd>` : ''}
      ${s.answerTypeLabel ? html`<dt>答复类型</dt><dd>${s.answerTypeLabel}</dd>` : ''}
    </dl>
    ${dataTable(
      [
        { label: '日期', cell: (x) => x.date },
        { label: '办理情况', cell: (x) => x.label },
      ],
      s.steps,
    )}
    ${s.answeredOn ? html`<p class="muted">答复告知书已按您申请时选择的方式送达。</p>` : ''}
  </div>`;
}

function applicationForm(f: DisclosureForm): Html {
  const v = (k: string) => f.values[k] ?? '';
  return html`<section class="card" id="apply">
    <h2>提交申请</h2>
    ${f.error ? html`<p class="notice bad" role="alert">${f.error}</p>` : ''}
    <form method="post" action="/portal/disclosure/requests">
      <label for="bodyId">受理机关</label>
      <select id="bodyId" name="bodyId">${f.bodies.map((b) => html`<option value="${b.id}"${b.id === v('bodyId') ? html` selected` : ''}>${b.name}</option>`)}</select>
      <label for="applicantKind">申请人类型</label>
      <select id="applicantKind" name="applicantKind">${Object.entries(applicantKinds).map(
        ([id, label]) => html`<option value="${id}"${id === v('applicantKind') ? html` selected` : ''}>${label}</option>`,
      )}</select>
      <label for="applicantName">申请人姓名或者名称（必填，不公开）</label>
      <input id="applicantName" name="applicantName" maxlength="100" value="${v('applicantName')}" required>
      <label for="applicantIdNumber">身份证件号码或者统一社会信用代码（选填，不公开）</label>
      <input id="applicantIdNumber" name="applicantIdNumber" maxlength="40" value="${v('applicantIdNumber')}">
      <label for="applicantContact">联系方式（必填，不公开：电话、电子邮箱或者通信地址）</label>
      <input id="applicantContact" name="applicantContact" maxlength="200" value="${v('applicantContact')}" required>
      <label for="description">申请公开的政府信息（必填：名称、文号或者便于查询的其他特征性描述）</label>
      <textarea id="description" name="description" rows="5" maxlength="2000" required>${v('description')}</textarea>
      <label for="form">获取信息的方式、途径（选填：如电子邮件、邮寄、当面领取）</label>
      <input id="form" name="form" maxlength="200" value="${v('form')}">
      <input type="hidden" name="challengeToken" value="${f.challenge.token}">
      <label for="challengeAnswer">验证题：${f.challenge.question}</label>
      <input id="challengeAnswer" name="challengeAnswer" inputmode="numeric" maxlength="10" required autocomplete="off">
      <p><button type="submit">提交申请</button></p>
    </form>
    <p class="muted">申请人信息只用于办理和答复本申请，只有受理机关的政府信息公开工作人员可见。</p>
  </section>`;
}

export function disclosureFiledPage(queryCode: string, message: string): PageContent {
  return {
    title: '政府信息公开申请已提交',
    path: '/portal/disclosure',
    description: '政府信息公开申请已提交',
    body: html`<p><a href="/portal/disclosure">← 政府信息公开申请</a></p>
      <h1>申请已提交</h1>
      <p class="notice ok" role="status">${message}</p>
      <dl class="facts"><dt>查询码</dt><dd class="query-code">${queryCode}</dd></dl>
      <p><a href="/portal/disclosure/status?code=${queryCode}">查询办理进度</a></p>`,
  };
}
