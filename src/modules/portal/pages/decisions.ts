/** Views of the decision search and of one published decision with its versions and proof. */
import { enforcementFields } from '../../../domain/certifiedDuty.ts';
import type { PublicContent } from '../../publicity/index.ts';
import { type ListItem, MAX_QUERY_CHARS, type PublicDetail, type SearchQuery, type SearchResult } from '../../publicity/index.ts';
import { dataTable, type Html, html, pager, raw, yuan } from '../html.ts';
import type { PageContent } from '../site.ts';

const fieldOptions = Object.entries(enforcementFields);
const date = (s: string | null | undefined) => s ?? '—';
export const kindTitles = { penalty: '行政处罚决定公示', inspectionResult: '双随机抽查结果公示' } as const;

export type DecisionItem = Pick<
  ListItem,
  'id' | 'kind' | 'number' | 'partyName' | 'partyUscc' | 'violation' | 'penaltyText' | 'bodyName' | 'decidedOn' | 'stateLabel' | 'version' | 'state'
>;

export function decisionItem(i: DecisionItem): Html {
  const inspection = i.kind === 'inspectionResult';
  return html`<li><h3><a href="/portal/decisions/${i.id}">${i.partyName}</a>${i.version > 1 ? html`<span class="tag">已更正</span>` : ''}${i.state === 'withdrawalDue' ? html`<span class="tag warn">待撤回</span>` : ''}</h3>
    <p class="muted">${inspection ? `抽查任务：${i.number}` : i.number} · ${i.bodyName} · ${inspection ? '检查日期' : '决定日期'} ${i.decidedOn}${i.partyUscc ? ` · 统一社会信用代码 ${i.partyUscc}` : ''}</p>
    ${inspection ? html`<p>检查结果：${i.violation}</p>` : html`<p>违法行为：${i.violation}</p><p>处罚内容：${i.penaltyText}</p>`}</li>`;
}

export function searchForm(q: SearchQuery, bodies: { id: string; name: string }[]): Html {
  const kind = q.kind ?? 'penalty';
  return html`<form class="card search" method="get" action="/portal/decisions" role="search">
    <div><label for="kind">公示类别</label><select id="kind" name="kind"><option value="penalty"${kind === 'penalty' ? raw(' selected') : ''}>行政处罚决定</option><option value="inspectionResult"${kind === 'inspectionResult' ? raw(' selected') : ''}>双随机抽查结果</option></select></div>
    <div class="wide"><label for="q">${kind === 'penalty' ? '关键词（当事人名称、统一社会信用代码、文号、违法行为）' : '关键词（检查对象名称、统一社会信用代码、抽查任务、检查结果）'}</label><input id="q" name="q" type="search" value="${q.q ?? ''}" maxlength="200" placeholder="例如：鑫隆 或 91990105MA01ABCD2W"></div>
    <div><label for="bodyId">执法主体</label><select id="bodyId" name="bodyId"><option value="">全部</option>${bodies.map((b) => html`<option value="${b.id}"${q.bodyId === b.id ? raw(' selected') : ''}>${b.name}</option>`)}</select></div>
    <div><label for="field">执法领域</label><select id="field" name="field"><option value="">全部</option>${fieldOptions.map(([id, label]) => html`<option value="${id}"${q.field === id ? raw(' selected') : ''}>${label}</option>`)}</select></div>
    <div><label for="from">${kind === 'penalty' ? '决定日期自' : '检查日期自'}</label><input id="from" name="from" type="date" value="${q.from ?? ''}"></div>
    <div><label for="to">至</label><input id="to" name="to" type="date" value="${q.to ?? ''}"></div>
    <div><button type="submit">检索</button></div>
  </form>`;
}

/** The search page: the form, the count, one page of results and the pager. */
export function searchPage(q: SearchQuery & { kind: keyof typeof kindTitles }, r: SearchResult, bodies: { id: string; name: string }[]): PageContent {
  const clipped = (q.q ?? '').length > MAX_QUERY_CHARS;
  return {
    title: q.q ? `检索“${r.q}”` : kindTitles[q.kind],
    path: '/portal/decisions',
    body: html`<h1>${kindTitles[q.kind]}</h1>${searchForm(q, bodies)}
        ${clipped ? html`<p class="bad" role="status">检索词过长，只使用了前 ${MAX_QUERY_CHARS} 个字符。</p>` : ''}
        <p role="status">共 ${r.totalCapped ? `${r.total} 条以上` : `${r.total} 条`}${r.q ? html`与“<mark>${r.q}</mark>”相关` : ''}的公示。</p>
        ${r.items.length ? html`<ol class="results">${r.items.map(decisionItem)}</ol>` : html`<p class="muted">没有找到符合条件的公示。可尝试更短的关键词，或当事人的统一社会信用代码。</p>`}
        ${pager('/portal/decisions', { q: r.q, kind: q.kind === 'penalty' ? undefined : q.kind, bodyId: q.bodyId, field: q.field, from: q.from, to: q.to }, q.page, q.pageSize, r.total, r.totalCapped ? r.items.length === q.pageSize : undefined)}`,
  };
}

function contentFacts(c: PublicContent): Html {
  if (c.kind === 'inspectionResult') {
    return html`<dl class="facts">
    <dt>检查对象</dt><dd>${c.party.name}</dd>
    ${c.party.uscc ? html`<dt>统一社会信用代码</dt><dd>${c.party.uscc}</dd>` : ''}
    <dt>抽查任务</dt><dd>${c.task.name}（抽查期间 ${c.task.periodStart} 至 ${c.task.periodEnd}）</dd>
    <dt>抽查事项</dt><dd>${c.items.map((i) => `${i.code} ${i.name}`).join('；') || '—'}</dd>
    <dt>检查日期</dt><dd>${c.inspectedOn}</dd>
    <dt>检查结果</dt><dd>${c.findingLabel}</dd>
    ${c.description ? html`<dt>情况说明</dt><dd>${c.description}</dd>` : ''}
    <dt>检查实施机关</dt><dd>${c.body.name}${c.body.uscc ? `（${c.body.uscc}）` : ''}</dd>
    <dt>执法领域</dt><dd>${c.fieldLabel}</dd>
  </dl>`;
  }
  const natural = c.party.type === 'naturalPerson';
  return html`<dl class="facts">
    <dt>行政处罚决定书文号</dt><dd>${c.number}</dd>
    <dt>当事人</dt><dd>${c.party.name}（${c.party.typeLabel}）</dd>
    ${c.party.uscc ? html`<dt>统一社会信用代码</dt><dd>${c.party.uscc}</dd>` : ''}
    ${natural && c.party.idNumber ? html`<dt>身份证件号码</dt><dd>${c.party.idNumber}</dd>` : ''}
    ${c.party.legalRep ? html`<dt>法定代表人（负责人）</dt><dd>${c.party.legalRep}</dd>` : ''}
    ${c.party.address ? html`<dt>${natural ? '住址' : '住所（经营场所）'}</dt><dd>${c.party.address}</dd>` : ''}
    <dt>违法行为类型</dt><dd>${c.violation}</dd>
    <dt>违法事实</dt><dd>${c.facts}</dd>
    <dt>处罚依据</dt><dd>${c.basis || '—'}</dd>
    <dt>处罚类别</dt><dd>${[...new Set(c.penalties.map((p) => p.label))].join('、')}</dd>
    <dt>处罚内容</dt><dd>${c.penaltyText}</dd>
    ${c.fineFen ? html`<dt>罚款金额</dt><dd>${yuan(c.fineFen)}</dd>` : ''}
    ${c.confiscationFen ? html`<dt>没收金额</dt><dd>${yuan(c.confiscationFen)}</dd>` : ''}
    <dt>处罚机关</dt><dd>${c.body.name}${c.body.uscc ? `（${c.body.uscc}）` : ''}</dd>
    <dt>处罚决定日期</dt><dd>${c.decidedOn}</dd>
    <dt>执法领域</dt><dd>${c.fieldLabel}</dd>
  </dl>`;
}

function decisionBody(d: PublicDetail, keyId: string): Html {
  const c = d.current;
  const proofEntries = d.events.filter((e) => (d.listed ? e.eventType === 'publication.published' : e.eventType !== 'publication.published'));
  const latest = proofEntries.at(-1);
  const inspection = d.kind === 'inspectionResult';
  return html`<p>${inspection ? html`<a href="/portal/inspections">← 返回双随机抽查结果</a>` : html`<a href="/portal/decisions">← 返回行政处罚决定检索</a>`}</p>
  <h1>${c ? `${c.title}：${c.party.name}` : `${d.kindLabel}公示：${d.number}`}</h1>
  <p class="muted">状态：<strong>${d.stateLabel}</strong> · ${inspection ? '检查日期' : '决定日期'} ${d.decidedOn} · 公示日期 ${date(d.publishedOn)}${d.dueOn ? html` · 法定公示期限 ${d.dueOn}（${d.onTime === null ? '—' : d.onTime ? '按期公示' : '逾期公示'}）` : ''}${d.expiresOn && d.listed ? ` · 公示期至 ${d.expiresOn}` : ''}</p>
  ${!d.listed ? html`<div class="card"><p>该信息${d.stateLabel}，不再公示其内容。${d.events.filter((e) => e.eventType !== 'publication.published').map((e) => html`<br>${e.label}（${e.date}）${e.note ? `：${e.note}` : ''}`)}</p></div>` : ''}
  ${
    c
      ? html`<section class="card" aria-labelledby="summary"><h2 id="summary">公示摘要</h2>${contentFacts(c)}</section>
  ${c.kind === 'penalty' && c.text.length ? html`<section class="card decision-text" aria-labelledby="text"><h2 id="text">决定书正文（已依法处理个人信息）</h2>${c.text.map((t, i) => html`<p${i < 3 ? raw(' class="center"') : ''}>${t}</p>`)}</section>` : ''}`
      : ''
  }
  <section class="card" aria-labelledby="versions"><h2 id="versions">版本与记录</h2>
    ${dataTable(
      [
        { label: '版本', cell: (v) => `第 ${v.version} 版` },
        { label: '状态', cell: (v) => v.statusLabel },
        { label: '公示日期', cell: (v) => v.publishedOn },
        { label: '说明', cell: (v) => (v.statusReason ? `${v.statusOn ?? ''} ${v.statusReason}` : '—') },
        {
          label: '记录条目',
          cell: (v) =>
            d.listed ? html`<a href="/portal/decisions/${d.id}/proof.json?seq=${v.ledgerSeq}" download>第 ${v.ledgerSeq} 条 证明</a>` : `第 ${v.ledgerSeq} 条`,
        },
      ],
      d.versions,
      '每次公示、更正、撤回都是执法全过程记录中的一条，旧版本保留并标注。',
    )}
    ${d.versions.filter((v) => v.status === 'superseded' && v.content).map((v) => html`<details><summary>查看第 ${v.version} 版（已更正）</summary>${contentFacts(v.content!)}</details>`)}
  </section>
  ${
    latest
      ? html`<section class="card proof" aria-labelledby="proof"><h2 id="proof">核验这条公示</h2>
    <p>这条公示是执法全过程记录的第 <strong>${latest.seq}</strong> 条。证明文件包含公示内容、记录条目、到已签名树头的包含证明和公钥（<span data-key-id="${keyId}">公钥标识 ${keyId}</span>）。</p>
    <p><a class="button secondary" href="/portal/decisions/${d.id}/proof.json?seq=${latest.seq}" download="proof-${latest.seq}.json">下载证明（proof.json）</a>
    <button type="button" hidden data-verify="/api/public/publications/${d.id}/proof?seq=${latest.seq}" data-output="proof-result">在浏览器中核验</button></p>
    <output id="proof-result" aria-live="polite"></output>
    <p class="muted">离线核验：<code>npx fazhi proof verify proof-${latest.seq}.json</code>，或按 <a href="/portal/tree-heads#how">核验方法</a> 用任何 SM3/Ed25519 实现自行计算。</p>
  </section>`
      : ''
  }`;
}

/** One publication: its summary, text, versions and the proof of its latest record entry. */
export function decisionPage(d: PublicDetail, keyId: string): PageContent {
  const c = d.current;
  return {
    title: c ? `${c.title}（${d.number}）` : d.number,
    path: '/portal/decisions',
    body: decisionBody(d, keyId),
    script: true,
    description: c
      ? c.kind === 'inspectionResult'
        ? `${c.party.name}：${c.task.name}，${c.findingLabel}`
        : `${c.party.name}：${c.violation}，${c.penaltyText}`
      : undefined,
  };
}
